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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.DynamodbEventTransformer;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.StreamContext;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.LambdaEventConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class DynamoDbStreamLambdaTest {
  private static final String PETS_ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Pets/stream/2024-05-20T10:00:00.000";

  private final RecordingHandlers handlers = new RecordingHandlers();
  private final StreamRouter router = StreamRouter.builder().handlers(handlers).build();

  private final class Handler extends DynamoDbStreamLambda {
    private final WholeBatchFailure mode;

    Handler(WholeBatchFailure mode) {
      this.mode = mode;
    }

    @Override
    protected StreamRouter router() {
      return router;
    }

    @Override
    protected WholeBatchFailure wholeBatchFailure() {
      return mode;
    }
  }

  private StreamsEventResponse handle(String resource) {
    return new Handler(WholeBatchFailure.REPORT_WHOLE_BATCH)
        .handleRequest(
            LambdaRuntime.event(LambdaRuntime.resource(resource)),
            LambdaRuntime.context("req-1", Duration.ofSeconds(30)));
  }

  @Test
  void decodesEveryAttributeTypeIncludingNestedBinaries() {
    StreamsEventResponse response = handle("modify-all-attribute-types.json");

    assertThat(response.getBatchItemFailures()).isEmpty();
    StreamRecord<Map<String, Object>> change = handlers.records.get(0);
    Map<String, AttributeValue> image = change.rawNewImage().orElseThrow();
    assertThat(image.get("name").s()).isEqualTo("Rex");
    assertThat(image.get("weightKg").n()).isEqualTo("12.5");
    assertThat(image.get("photo").b()).isEqualTo(bytes("iVBORw0KGgo="));
    assertThat(image.get("tags").ss()).containsExactly("dog", "good");
    assertThat(image.get("scores").ns()).containsExactly("1", "2.5", "-3E10");
    assertThat(image.get("thumbnails").bs()).containsExactly(bytes("AAEC"), bytes("/w=="));
    assertThat(image.get("address").m().get("hash").b()).isEqualTo(bytes("3q2+7w=="));
    assertThat(image.get("address").m().get("geo").l())
        .extracting(AttributeValue::n)
        .containsExactly("45.76", "4.83");
    List<AttributeValue> history = image.get("history").l();
    assertThat(history.get(2).b()).isEqualTo(bytes("AQ=="));
    assertThat(history.get(3).nul()).isTrue();
    assertThat(history.get(4).bool()).isFalse();
    assertThat(history.get(5).m().get("vet").s()).isEqualTo("Dr. Who");
    assertThat(history.get(6).hasL()).isTrue();
    assertThat(history.get(7).bs()).containsExactly(bytes("AQID"));
    assertThat(image.get("deleted").nul()).isTrue();
    assertThat(image.get("vaccinated").bool()).isTrue();
    assertThat(image.get("empty").m()).isEmpty();
    assertThat(change.rawOldImage().orElseThrow().get("weightKg").n()).isEqualTo("11");
    assertThat(change.approximateCreationTime()).contains(Instant.ofEpochMilli(1716203497123L));
    assertThat(change.sizeBytes().getAsLong()).isEqualTo(412);
  }

  @Test
  void passesTheEventSourceArnRequestIdAndRemainingTimeToTheRouter() {
    Instant before = Instant.now();
    handle("modify-all-attribute-types.json");

    StreamContext context = handlers.contexts.get(0);
    assertThat(context.streamArn()).contains(PETS_ARN);
    assertThat(handlers.records.get(0).streamArn()).contains(PETS_ARN);
    assertThat(context.invocationId()).contains("req-1");
    assertThat(context.deadline().orElseThrow())
        .isBetween(before.plusSeconds(29), Instant.now().plusSeconds(30));
  }

  @Test
  void seesATtlDeleteAsATtlExpiry() {
    handle("ttl-delete.json");

    StreamRecord<Map<String, Object>> change = handlers.records.get(0);
    assertThat(change.isTtlExpiry()).isTrue();
    assertThat(change.raw().userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws-docs-insert-modify-remove.json",
        "modify-all-attribute-types.json",
        "insert-new-image.json",
        "remove-old-image.json",
        "modify-keys-only.json",
        "ttl-delete.json"
      })
  void convertsAsTheSdkTransformerDoesButKeepsTheStreamArn(String resource) {
    DynamodbEvent event = LambdaRuntime.event(LambdaRuntime.resource(resource));

    DecodedEvent decoded = LambdaEventConverter.convert(event);

    assertThat(decoded.records()).isEqualTo(DynamodbEventTransformer.toRecordsV2(event));
    assertThat(decoded.streamArn()).isEqualTo(event.getRecords().get(0).getEventSourceARN());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "{\"SK\": {}} | /Records/0/dynamodb/NewImage/SK | attribute value has no type",
        "{\"tags\": {\"L\": [{\"S\": \"a\"}, {\"M\": {\"x\": {}}}]}}"
            + " | /Records/0/dynamodb/NewImage/tags/L/1/M/x | attribute value has no type",
        "{\"SK\": {\"S\": \"PET#3\"}, \"p\": {\"M\": {\"q\": null}}}"
            + " | /Records/0/dynamodb/NewImage/p/M/q | attribute value is null",
      })
  void anUnconvertibleImageFailsItsRecordOnReadNamingThePathButNoValue(
      String newImage, String path, String problem) {
    String json =
        new String(
                LambdaRuntime.resource("without-timestamp-and-keys.json"), StandardCharsets.UTF_8)
            .replace(
                "\"NewImage\": {\"PK\": {\"S\": \"USER#1\"}, \"SK\": {\"S\": \"PET#3\"}}",
                "\"NewImage\": " + newImage);
    DynamodbEvent event = LambdaRuntime.event(json.getBytes(StandardCharsets.UTF_8));

    // The event converts: an image is converted when read, and fails only its record.
    List<Record> records = LambdaEventConverter.convert(event).records();
    MalformedRecordException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            MalformedRecordException.class, () -> records.get(0));

    assertThat(e).hasMessageContaining(problem + " at " + path);
    assertThat(e.getMessage()).doesNotContain("PET#3");
  }

  @Test
  void convertsARecordWithoutTimestampOrKeysWhereTheTransformerThrows() {
    DynamodbEvent event =
        LambdaRuntime.event(LambdaRuntime.resource("without-timestamp-and-keys.json"));
    assertThatThrownBy(() -> DynamodbEventTransformer.toRecordsV2(event))
        .isInstanceOf(NullPointerException.class);

    Record record = LambdaEventConverter.convert(event).records().get(0);

    assertThat(record.dynamodb().approximateCreationDateTime()).isNull();
    assertThat(record.dynamodb().hasKeys()).isFalse();
    assertThat(record.dynamodb().newImage().get("SK").s()).isEqualTo("PET#3");
  }

  @Test
  void reportsOnlyTheFirstFailedSequenceNumber() {
    handlers.failOn.add("4421584500000000017450439092");
    handlers.failOn.add("4421584500000000017450439093");

    StreamsEventResponse response = handle("aws-docs-insert-modify-remove.json");

    assertThat(response.getBatchItemFailures())
        .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("4421584500000000017450439092");
    assertThat(handlers.records).hasSize(2);
  }

  @Test
  void reportsNoFailuresWhenEveryRecordIsHandled() {
    StreamsEventResponse response = handle("aws-docs-insert-modify-remove.json");

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(handlers.records)
        .extracting(r -> r.eventName().name())
        .containsExactly("INSERT", "MODIFY", "REMOVE");
    assertThat(LambdaRuntime.json(response)).isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void rejectsAnEventThatMixesStreams() {
    String json =
        new String(
                LambdaRuntime.resource("aws-docs-insert-modify-remove.json"),
                StandardCharsets.UTF_8)
            .replaceFirst("ExampleTableWithStream", "OtherTable");

    assertThatThrownBy(
            () ->
                new Handler(WholeBatchFailure.REPORT_WHOLE_BATCH)
                    .handleRequest(
                        LambdaRuntime.event(json.getBytes(StandardCharsets.UTF_8)), null))
        .isInstanceOf(EventDecodingException.class)
        .hasMessageContaining("record #1")
        .hasMessageContaining("more than one stream")
        .satisfies(e -> assertThat(((EventDecodingException) e).recordIndex()).isEqualTo(1));
    assertThat(handlers.records).isEmpty();
  }

  @Test
  void reportsTheWholeBatchWhenAFailedRecordHasNoSequenceNumber() {
    DynamodbEvent event = withoutSecondSequenceNumber();

    StreamsEventResponse response =
        new Handler(WholeBatchFailure.REPORT_WHOLE_BATCH).handleRequest(event, null);

    assertThat(response.getBatchItemFailures())
        .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("4421584500000000017450439091");
  }

  @Test
  void throwsWhenSetToThrowAndAFailedRecordHasNoSequenceNumber() {
    DynamodbEvent event = withoutSecondSequenceNumber();

    assertThatThrownBy(() -> new Handler(WholeBatchFailure.THROW).handleRequest(event, null))
        .isInstanceOf(WholeBatchRetryException.class)
        .hasMessageContaining("whole batch of 3 records");
  }

  private DynamodbEvent withoutSecondSequenceNumber() {
    DynamodbEvent event =
        LambdaRuntime.event(LambdaRuntime.resource("aws-docs-insert-modify-remove.json"));
    event.getRecords().get(1).getDynamodb().setSequenceNumber(null);
    return event;
  }

  private static SdkBytes bytes(String base64) {
    return SdkBytes.fromByteArray(Base64.getDecoder().decode(base64));
  }
}
