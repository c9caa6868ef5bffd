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

import dev.ddbstreams.ImageKind;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.MissingImageException;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.internal.record.LazyImages;
import dev.ddbstreams.internal.record.LazyRecords;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.LambdaEventConverter;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import dev.ddbstreams.testkit.LambdaEventWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * {@code DynamoDbStreamJsonLambda} with images decoded on first read: what no handler reads is
 * never decoded, what a handler reads fails the record when malformed, and every view type answers
 * as the eagerly decoded record does.
 */
class LazyImagesEndToEndTest {
  private static final ImageMapper<Map<String, AttributeValue>> AS_IS = image -> image;

  /** Reads the new image of records whose sort key starts with the given prefix. */
  public static final class Reader {
    private final String prefix;

    Reader(String prefix) {
      this.prefix = prefix;
    }

    @OnChange
    public void read(StreamRecord<Map<String, Object>> change) {
      if (change.key("SK").orElseThrow().s().startsWith(prefix)) {
        change.newImage().orElseThrow();
      }
    }
  }

  private static String respond(Object handlers, byte[] json) throws IOException {
    StreamRouter router = StreamRouter.builder().keys("PK", "SK").handlers(handlers).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DynamoDbStreamJsonLambda() {
      @Override
      protected StreamRouter router() {
        return router;
      }
    }.handleRequest(
        new ByteArrayInputStream(json), out, LambdaRuntime.context("r", Duration.ofMinutes(1)));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Answers as {@link #respond}, through the base that takes the runtime's event object. */
  private static String respondFromTheRuntimeEvent(Object handlers, byte[] json) {
    StreamRouter router = StreamRouter.builder().keys("PK", "SK").handlers(handlers).build();
    return LambdaRuntime.json(
        new DynamoDbStreamLambda() {
          @Override
          protected StreamRouter router() {
            return router;
          }
        }.handleRequest(
            LambdaRuntime.event(json), LambdaRuntime.context("r", Duration.ofMinutes(1))));
  }

  /** The sample INSERT with an image that is well-formed JSON but no valid image. */
  private static byte[] insertWithUnknownAttributeType() {
    return new String(LambdaRuntime.resource("insert-new-image.json"), StandardCharsets.UTF_8)
        .replace("\"name\": {\"S\": \"Tom\"}", "\"name\": {\"Q\": \"Tom\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anImageNoHandlerReadsIsNeverDecoded() throws IOException {
    // The handler runs for the record but does not read the image (its key is no USER#).
    assertThat(respond(new Reader("USER#"), insertWithUnknownAttributeType()))
        .isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void aMalformedImageAHandlerReadsFailsThatRecord() throws IOException {
    assertThat(respond(new Reader("PET#"), insertWithUnknownAttributeType()))
        .isEqualTo(
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"200000000000000000000000001\"}]}");
  }

  @Test
  void theRuntimeEventBaseAlsoFailsOnlyTheRecordWhoseMalformedImageIsRead() {
    // The runtime's serializer drops the unknown type, leaving an attribute value without one.
    assertThat(respondFromTheRuntimeEvent(new Reader("USER#"), insertWithUnknownAttributeType()))
        .isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(respondFromTheRuntimeEvent(new Reader("PET#"), insertWithUnknownAttributeType()))
        .isEqualTo(
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"200000000000000000000000001\"}]}");
  }

  @Test
  void theRouterSeesTheImageFailureAsTheRecordsMalformedInput() {
    DecodedEvent event = StreamEventDecoder.decode(insertWithUnknownAttributeType());
    StreamRouter router =
        StreamRouter.builder().keys("PK", "SK").handlers(new Reader("PET#")).build();

    var outcome = router.process(event.records()).outcomes().get(0);

    assertThat(outcome.failure())
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("/Records/0/dynamodb/NewImage/name/Q")
        .hasMessageNotContaining("Tom");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws-docs-insert-modify-remove.json",
        "modify-all-attribute-types.json",
        "insert-new-image.json",
        "remove-old-image.json",
        "modify-keys-only.json",
        "ttl-delete.json",
        "without-timestamp-and-keys.json"
      })
  void everyViewTypeAnswersAsTheEagerlyDecodedRecord(String resource) throws IOException {
    byte[] json = LambdaRuntime.resource(resource);
    List<Record> lazyBatch = StreamEventDecoder.decode(new ByteArrayInputStream(json)).records();
    List<Record> eager = LambdaEventConverter.convert(LambdaRuntime.event(json)).records();

    for (int i = 0; i < eager.size(); i++) {
      StreamRecord<Map<String, AttributeValue>> expected = StreamRecord.of(eager.get(i), AS_IS);
      LazyImages images = LazyBatch.images(lazyBatch, i);
      Record withoutImages = LazyBatch.routing(lazyBatch, i);
      StreamRecord<Map<String, AttributeValue>> lazy =
          images == null
              ? StreamRecord.of(withoutImages, AS_IS)
              : LazyRecords.of(withoutImages, images, AS_IS, null);
      assertThat(withoutImages.dynamodb().hasNewImage()).isFalse();
      assertThat(withoutImages.dynamodb().hasOldImage()).isFalse();
      for (ImageKind kind : ImageKind.values()) {
        assertThat(lazy.hasImage(kind)).isEqualTo(expected.hasImage(kind));
        Object eagerRead = readOrFailure(() -> expected.requireImage(kind, "H#m"));
        Object lazyRead = readOrFailure(() -> lazy.requireImage(kind, "H#m"));
        if (eagerRead instanceof MissingImageException missing) {
          assertThat(lazyRead).isInstanceOf(MissingImageException.class);
          assertThat((Throwable) lazyRead).hasMessage(missing.getMessage());
        } else {
          assertThat(lazyRead).isEqualTo(eagerRead);
        }
      }
      assertThat(lazy.raw()).isEqualTo(eager.get(i));
    }
  }

  @Test
  void aRecordKeptAfterTheInvocationStillReadsItsImages() throws IOException {
    byte[] json = LambdaRuntime.resource("aws-docs-insert-modify-remove.json");
    List<Record> eager = LambdaEventConverter.convert(LambdaRuntime.event(json)).records();
    List<Record> records = StreamEventDecoder.decode(new ByteArrayInputStream(json)).records();

    // The decoder reads the stream into its own array: the caller's buffer may be reused.
    Arrays.fill(json, (byte) ' ');

    assertThat(records).isEqualTo(eager);
  }

  @Test
  void readsAStreamThatGivesNoSizeAndFewBytesAtATime() throws IOException {
    List<Record> sample =
        LambdaEventConverter.convert(
                LambdaRuntime.event(LambdaRuntime.resource("modify-all-attribute-types.json")))
            .records();
    List<Record> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.addAll(sample);
    }
    byte[] json = LambdaEventWriter.write(many, "arn:aws:dynamodb:us-east-1:1:table/T/stream/S");
    List<Record> eager = LambdaEventConverter.convert(LambdaRuntime.event(json)).records();
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(json)) {
          @Override
          public int available() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 100));
          }
        };

    // Larger than the first buffer many times over: the buffer must grow.
    assertThat(json.length).isGreaterThan(4 * 8192);
    assertThat(StreamEventDecoder.decode(trickle).records()).isEqualTo(eager);
  }

  private static Object readOrFailure(Supplier<Object> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return e;
    }
  }
}
