package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.LambdaEventConverter;
import dev.ddbstreams.lambda.internal.LambdaEventWriter;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The streaming decoder against the Lambda runtime's serializer followed by the converter: for any
 * event, the same records and the same response JSON.
 */
class StreamEventDecoderProperties {

  @Property(tries = 300)
  void fastPathYieldsTheRecordsOfTheRuntimeSerializerPath(
      @ForAll("records") List<Record> records, @ForAll("arns") @Nullable String arn)
      throws IOException {
    byte[] json = LambdaEventWriter.write(records, arn);

    DecodedEvent fast = StreamEventDecoder.decode(new ByteArrayInputStream(json));
    DecodedEvent runtime = LambdaEventConverter.convert(LambdaRuntime.event(json));

    assertThat(fast).isEqualTo(runtime);
    assertThat(fast.records())
        .extracting(Record::eventID)
        .isEqualTo(records.stream().map(Record::eventID).toList());
    assertThat(fast.streamArn()).isEqualTo(records.isEmpty() ? null : arn);
  }

  @Property(tries = 200)
  void fastPathAnswersWithTheResponseJsonOfTheRuntimeSerializerPath(
      @ForAll("records") List<Record> records, @ForAll("failing") Set<String> failing)
      throws IOException {
    byte[] json = LambdaEventWriter.write(records, "arn:aws:dynamodb:us-east-1:1:table/T/stream/S");
    RecordingHandlers handlers = new RecordingHandlers();
    handlers.failOn.addAll(failing);
    StreamRouter router = StreamRouter.builder().handlers(handlers).build();

    ByteArrayOutputStream fast = new ByteArrayOutputStream();
    new FastDynamoDbStreamLambda() {
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

  @Provide
  Arbitrary<@Nullable String> arns() {
    return Arbitraries.of(
            "arn:aws:dynamodb:us-east-1:123456789012:table/Pets/stream/2024-05-20T10:00:00.000",
            "arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/L")
        .injectNull(0.2);
  }

  @Provide
  Arbitrary<Set<String>> failing() {
    return Arbitraries.longs().between(1, 40).map(String::valueOf).set().ofMaxSize(5);
  }

  @Provide
  Arbitrary<List<Record>> records() {
    return record().list().ofMaxSize(12);
  }

  private Arbitrary<Record> record() {
    Arbitrary<String> ids = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32);
    Arbitrary<String> names = Arbitraries.of("INSERT", "MODIFY", "REMOVE");
    Arbitrary<@Nullable Identity> identity =
        Arbitraries.of(
                Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build(),
                Identity.builder().type("User").principalId("AIDAEXAMPLE").build())
            .injectNull(0.7);
    return Combinators.combine(ids, names, streamRecord(), identity, Arbitraries.of("1.0", "1.1"))
        .as(
            (id, name, dynamodb, who, version) ->
                Record.builder()
                    .eventID(id)
                    .eventName(name)
                    .eventVersion(version)
                    .eventSource("aws:dynamodb")
                    .awsRegion("us-east-1")
                    .dynamodb(dynamodb)
                    .userIdentity(who)
                    .build());
  }

  private Arbitrary<StreamRecord> streamRecord() {
    Arbitrary<@Nullable Instant> created =
        Arbitraries.longs()
            .between(0, 4_102_444_800_000L)
            .map(Instant::ofEpochMilli)
            .injectNull(0.1);
    Arbitrary<@Nullable Map<String, AttributeValue>> image = image(2).injectNull(0.3);
    Arbitrary<@Nullable String> sequence =
        Arbitraries.longs().between(1, 40).map(String::valueOf).injectNull(0.05);
    Arbitrary<@Nullable Long> size = Arbitraries.longs().between(1, 400_000).injectNull(0.1);
    Arbitrary<String> view =
        Arbitraries.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
    return Combinators.combine(created, image, image, image, sequence, size, view)
        .as(
            (at, keys, newImage, oldImage, seq, bytes, viewType) -> {
              StreamRecord.Builder b =
                  StreamRecord.builder()
                      .approximateCreationDateTime(at)
                      .sequenceNumber(seq)
                      .sizeBytes(bytes)
                      .streamViewType(viewType);
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
            });
  }

  private Arbitrary<Map<String, AttributeValue>> image(int depth) {
    return Arbitraries.maps(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), value(depth))
        .ofMaxSize(5);
  }

  private Arbitrary<AttributeValue> value(int depth) {
    Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(10);
    Arbitrary<String> number =
        Arbitraries.bigDecimals()
            .between(new java.math.BigDecimal("-1E12"), new java.math.BigDecimal("1E12"))
            .ofScale(3)
            .map(java.math.BigDecimal::toPlainString);
    Arbitrary<SdkBytes> bytes =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(9).map(SdkBytes::fromByteArray);
    Arbitrary<AttributeValue> scalar =
        Arbitraries.oneOf(
            text.map(AttributeValue::fromS),
            number.map(AttributeValue::fromN),
            bytes.map(AttributeValue::fromB),
            text.list().ofMinSize(1).ofMaxSize(3).uniqueElements().map(AttributeValue::fromSs),
            number.list().ofMinSize(1).ofMaxSize(3).uniqueElements().map(AttributeValue::fromNs),
            bytes.list().ofMinSize(1).ofMaxSize(3).map(AttributeValue::fromBs),
            Arbitraries.just(AttributeValue.fromNul(true)),
            Arbitraries.of(true, false).map(AttributeValue::fromBool));
    if (depth == 0) {
      return scalar;
    }
    return Arbitraries.frequencyOf(
        Tuple.of(6, scalar),
        Tuple.of(1, image(depth - 1).map(AttributeValue::fromM)),
        Tuple.of(1, value(depth - 1).list().ofMaxSize(3).map(AttributeValue::fromL)));
  }
}
