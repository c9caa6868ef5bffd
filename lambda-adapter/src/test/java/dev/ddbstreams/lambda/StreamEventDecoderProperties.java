/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.ddbstreams.Gen;
import dev.ddbstreams.ImageKind;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.SeededCases;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.internal.record.LazyImages;
import dev.ddbstreams.internal.record.LazyRecords;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.LambdaEventConverter;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import dev.ddbstreams.testkit.LambdaEventWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The streaming decoder against the Lambda runtime's serializer followed by the converter: for any
 * event, the same records and the same response JSON; and for broken JSON, only its typed
 * exception. Seeded: see {@link SeededCases}.
 */
class StreamEventDecoderProperties {

  /** Records and the stream ARN of their event. */
  record Event(List<Record> records, @Nullable String arn) {}

  /** Records and the sequence numbers whose handling fails. */
  record Batch(List<Record> records, Set<String> failing) {}

  @Test
  void fastPathYieldsTheRecordsOfTheRuntimeSerializerPath() {
    SeededCases.check(
        300,
        gen -> new Event(records(gen), arn(gen)),
        Event::toString,
        event -> yieldsTheRuntimeRecords(event.records(), event.arn()));
  }

  private static void yieldsTheRuntimeRecords(List<Record> records, @Nullable String arn)
      throws IOException {
    byte[] json = LambdaEventWriter.write(records, arn);

    DecodedEvent fast = StreamEventDecoder.decode(new ByteArrayInputStream(json));
    DecodedEvent runtime = LambdaEventConverter.convert(LambdaRuntime.event(json));

    assertThat(fast).isEqualTo(runtime);
    for (int i = 0; i < runtime.records().size(); i++) {
      wrapsAsTheEagerRecord(fast.records(), i, runtime.records().get(i));
    }
    assertThat(fast.records())
        .extracting(Record::eventID)
        .isEqualTo(records.stream().map(Record::eventID).toList());
    assertThat(fast.streamArn()).isEqualTo(records.isEmpty() ? null : arn);
  }

  @Test
  void fastPathAnswersWithTheResponseJsonOfTheRuntimeSerializerPath() {
    SeededCases.check(
        200,
        gen -> new Batch(records(gen), failing(gen)),
        Batch::toString,
        batch -> answersAsTheRuntimePath(batch.records(), batch.failing()));
  }

  private static void answersAsTheRuntimePath(List<Record> records, Set<String> failing)
      throws IOException {
    byte[] json = LambdaEventWriter.write(records, "arn:aws:dynamodb:us-east-1:1:table/T/stream/S");
    RecordingHandlers handlers = new RecordingHandlers();
    handlers.failOn.addAll(failing);
    StreamRouter router = StreamRouter.builder().handlers(handlers).build();

    ByteArrayOutputStream fast = new ByteArrayOutputStream();
    new DynamoDbStreamJsonLambda() {
      @Override
      protected StreamRouter router() {
        return router;
      }
    }.handleRequest(
        new ByteArrayInputStream(json), fast, LambdaRuntime.context("r", Duration.ofMinutes(1)));
    StreamsEventResponse plain =
        new DynamoDbStreamLambda() {
          @Override
          protected StreamRouter router() {
            return router;
          }
        }.handleRequest(
            LambdaRuntime.event(json), LambdaRuntime.context("r", Duration.ofMinutes(1)));

    assertThat(fast.toString(StandardCharsets.UTF_8)).isEqualTo(LambdaRuntime.json(plain));
  }

  @Test
  void malformedEventsOnlyEndInEventDecodingExceptions() {
    SeededCases.check(
        300,
        gen -> corrupt(gen, LambdaEventWriter.write(records(gen), arn(gen))),
        json -> new String(json, StandardCharsets.UTF_8),
        StreamEventDecoderProperties::decodesOrThrowsEventDecodingException);
  }

  /** The property, shared with {@code StreamEventDecoderFuzzTest}. */
  static void decodesOrThrowsEventDecodingException(byte[] json) {
    Throwable fromArray = catchThrowable(() -> StreamEventDecoder.decode(json));
    Throwable fromStream =
        catchThrowable(() -> StreamEventDecoder.decode(new ByteArrayInputStream(json)));

    if (fromArray != null) {
      assertThat(fromArray).isInstanceOf(EventDecodingException.class);
    }
    if (fromStream != null) {
      assertThat(fromStream).isInstanceOf(EventDecodingException.class);
    }
    if (fromArray == null) {
      // Images are decoded on first read: reading each one ends in the image or in the record's
      // typed exception, never in anything else.
      List<Record> records = StreamEventDecoder.decode(json).records();
      for (int i = 0; i < records.size(); i++) {
        int index = i;
        Throwable onRead = catchThrowable(() -> records.get(index));
        if (onRead != null) {
          assertThat(onRead).isInstanceOf(MalformedRecordException.class);
        }
      }
    }
  }

  /**
   * Wraps a record as the router does, without its images plus the lazy ones, and compares it with
   * the eagerly decoded record wrapped as {@code StreamRecord.of} does.
   */
  private static void wrapsAsTheEagerRecord(List<Record> lazyBatch, int i, Record eager) {
    ImageMapper<Map<String, AttributeValue>> asIs = image -> image;
    Throwable eagerFailure = catchThrowable(() -> dev.ddbstreams.StreamRecord.of(eager, asIs));
    if (eagerFailure != null) {
      // Not a valid stream record (the generator makes some): both ways reject it alike.
      assertThat(catchThrowable(() -> asTheRouterWraps(lazyBatch, i, asIs)))
          .isInstanceOf(eagerFailure.getClass())
          .hasMessage(eagerFailure.getMessage());
      return;
    }
    var expected = dev.ddbstreams.StreamRecord.of(eager, asIs);
    var lazy = asTheRouterWraps(lazyBatch, i, asIs);
    for (ImageKind kind : ImageKind.values()) {
      assertThat(lazy.hasImage(kind)).isEqualTo(expected.hasImage(kind));
      assertThat(lazy.rawImage(kind)).isEqualTo(expected.rawImage(kind));
    }
    assertThat(lazy.keys()).isEqualTo(expected.keys());
    assertThat(lazy.raw()).isEqualTo(eager);
  }

  private static <T> dev.ddbstreams.StreamRecord<T> asTheRouterWraps(
      List<Record> batch, int i, ImageMapper<T> mapper) {
    LazyImages images = LazyBatch.images(batch, i);
    Record withoutImages = LazyBatch.routing(batch, i);
    return images == null
        ? dev.ddbstreams.StreamRecord.of(withoutImages, mapper)
        : LazyRecords.of(withoutImages, images, mapper, null);
  }

  // ---- generators ----

  /** One to three edits of an event's JSON: cuts, deletions, duplications, stray characters. */
  static byte[] corrupt(Gen gen, byte[] json) {
    StringBuilder s = new StringBuilder(new String(json, StandardCharsets.UTF_8));
    int edits = gen.between(1, 3);
    for (int i = 0; i < edits && s.length() > 0; i++) {
      int at = gen.between(0, s.length() - 1);
      int end = Math.min(s.length(), at + gen.between(1, 12));
      switch (gen.between(0, 4)) {
        case 0 -> s.setLength(at);
        case 1 -> s.delete(at, end);
        case 2 -> s.insert(at, s.substring(at, end));
        case 3 -> s.setCharAt(at, gen.oneOf('{', '}', '[', ']', '"', ':', ',', '0', 'n', '\\'));
        default ->
            s.insert(
                at,
                gen.oneOf(
                    "null", "{}", "[]", "\"\"", "1e400", "-0", "true", "{\"X\":1}", "\"S\":1"));
      }
    }
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  static @Nullable String arn(Gen gen) {
    return gen.orNull(
        0.2,
        () ->
            gen.oneOf(
                "arn:aws:dynamodb:us-east-1:123456789012:table/Pets/stream/2024-05-20T10:00:00.000",
                "arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/L"));
  }

  static Set<String> failing(Gen gen) {
    return gen.set(0, 5, () -> String.valueOf(gen.between(1L, 40L)));
  }

  static List<Record> records(Gen gen) {
    return gen.list(0, 12, () -> record(gen));
  }

  private static Record record(Gen gen) {
    return Record.builder()
        .eventID(gen.alphanumeric(1, 32))
        .eventName(gen.oneOf("INSERT", "MODIFY", "REMOVE"))
        .eventVersion(gen.oneOf("1.0", "1.1"))
        .eventSource("aws:dynamodb")
        .awsRegion("us-east-1")
        .dynamodb(streamRecord(gen))
        .userIdentity(
            gen.orNull(
                0.7,
                () ->
                    gen.oneOf(
                        Identity.builder()
                            .type("Service")
                            .principalId("dynamodb.amazonaws.com")
                            .build(),
                        Identity.builder().type("User").principalId("AIDAEXAMPLE").build())))
        .build();
  }

  private static StreamRecord streamRecord(Gen gen) {
    StreamRecord.Builder b =
        StreamRecord.builder()
            .approximateCreationDateTime(
                gen.orNull(0.1, () -> Instant.ofEpochMilli(gen.between(0L, 4_102_444_800_000L))))
            .sequenceNumber(gen.orNull(0.05, () -> String.valueOf(gen.between(1L, 40L))))
            .sizeBytes(gen.orNull(0.1, () -> gen.between(1L, 400_000L)))
            .streamViewType(gen.oneOf("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"));
    Map<String, AttributeValue> keys = gen.orNull(0.3, () -> image(gen, 2));
    Map<String, AttributeValue> newImage = gen.orNull(0.3, () -> image(gen, 2));
    Map<String, AttributeValue> oldImage = gen.orNull(0.3, () -> image(gen, 2));
    if (keys != null) {
      b.keys(keys);
    }
    if (newImage != null) {
      b.newImage(newImage);
    }
    if (oldImage != null) {
      b.oldImage(oldImage);
    }
    return b.build();
  }

  private static Map<String, AttributeValue> image(Gen gen, int depth) {
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    for (String name : gen.uniqueList(0, 5, () -> gen.letters(1, 6))) {
      image.put(name, value(gen, depth));
    }
    return image;
  }

  private static AttributeValue value(Gen gen, int depth) {
    if (depth > 0) {
      switch (gen.between(0, 7)) {
        case 0:
          return AttributeValue.fromM(image(gen, depth - 1));
        case 1:
          return AttributeValue.fromL(gen.list(0, 3, () -> value(gen, depth - 1)));
        default:
          break;
      }
    }
    return gen.draw(
        () -> AttributeValue.fromS(text(gen)),
        () -> AttributeValue.fromN(number(gen)),
        () -> AttributeValue.fromB(bytes(gen)),
        () -> AttributeValue.fromSs(gen.uniqueList(1, 3, () -> text(gen))),
        () -> AttributeValue.fromNs(gen.uniqueList(1, 3, () -> number(gen))),
        () -> AttributeValue.fromBs(gen.list(1, 3, () -> bytes(gen))),
        () -> AttributeValue.fromNul(true),
        () -> AttributeValue.fromBool(gen.bool()));
  }

  /** Up to 10 chars from space to U+D7FF, ASCII half the time. */
  private static String text(Gen gen) {
    return gen.bool() ? gen.string(' ', '~', 0, 10) : gen.string(' ', '\uD7FF', 0, 10);
  }

  /** A number from -1E12 to 1E12 with three decimals. */
  private static String number(Gen gen) {
    return BigDecimal.valueOf(gen.between(-1_000_000_000_000_000L, 1_000_000_000_000_000L), 3)
        .toPlainString();
  }

  private static SdkBytes bytes(Gen gen) {
    return SdkBytes.fromByteArray(gen.bytes(9));
  }
}
