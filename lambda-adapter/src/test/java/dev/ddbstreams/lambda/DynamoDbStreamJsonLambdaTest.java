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
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.LambdaEventConverter;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import dev.ddbstreams.testkit.LambdaEventWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class DynamoDbStreamJsonLambdaTest {
  private final RecordingHandlers handlers = new RecordingHandlers();
  private final StreamRouter router = StreamRouter.builder().handlers(handlers).build();

  private final class JsonHandler extends DynamoDbStreamJsonLambda {
    @Override
    protected StreamRouter router() {
      return router;
    }
  }

  private final class Plain extends DynamoDbStreamLambda {
    @Override
    protected StreamRouter router() {
      return router;
    }
  }

  private static DecodedEvent viaRuntimeSerializer(byte[] json) {
    return LambdaEventConverter.convert(LambdaRuntime.event(json));
  }

  private String jsonResponse(byte[] json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonHandler()
        .handleRequest(
            new ByteArrayInputStream(json), out, LambdaRuntime.context("r", Duration.ofMinutes(1)));
    return out.toString(StandardCharsets.UTF_8);
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
  void decodesEachSampleToTheRecordsTheRuntimeSerializerPathYields(String resource)
      throws IOException {
    byte[] json = LambdaRuntime.resource(resource);

    DecodedEvent fast = StreamEventDecoder.decode(new ByteArrayInputStream(json));

    assertThat(fast).isEqualTo(viaRuntimeSerializer(json));
    assertThat(fast.records()).isNotEmpty();
    assertThat(fast.streamArn()).startsWith("arn:aws:dynamodb:");
  }

  @Test
  void readsFractionalEpochSecondsAsMilliseconds() throws IOException {
    DecodedEvent event =
        StreamEventDecoder.decode(
            new ByteArrayInputStream(LambdaRuntime.resource("modify-all-attribute-types.json")));

    assertThat(event.records().get(0).dynamodb().approximateCreationDateTime())
        .isEqualTo(Instant.ofEpochMilli(1716203497123L));
  }

  @Test
  void writesTheResponseJsonTheRuntimeWritesForTheSameFailure() throws IOException {
    byte[] json = LambdaRuntime.resource("aws-docs-insert-modify-remove.json");
    handlers.failOn.add("4421584500000000017450439093");

    String response = jsonResponse(json);
    StreamsEventResponse plain =
        new Plain()
            .handleRequest(
                LambdaRuntime.event(json), LambdaRuntime.context("r", Duration.ofMinutes(1)));

    assertThat(response)
        .isEqualTo(LambdaRuntime.json(plain))
        .isEqualTo(
            "{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439093\"}]}");
  }

  @Test
  void writesAnEmptyFailureListWhenEveryRecordIsHandled() throws IOException {
    String response = jsonResponse(LambdaRuntime.resource("ttl-delete.json"));

    assertThat(response)
        .isEqualTo(LambdaRuntime.json(new StreamsEventResponse(List.of())))
        .isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(handlers.records).hasSize(1);
  }

  @Test
  void skipsUnknownFieldsAtEveryLevel() throws IOException {
    String json =
        new String(LambdaRuntime.resource("insert-new-image.json"), StandardCharsets.UTF_8)
            .replace("\"Records\"", "\"extra\": {\"a\": [1, {\"b\": null}]}, \"Records\"")
            .replace("\"eventID\"", "\"newField\": [true], \"eventID\"")
            .replace("\"Keys\"", "\"Future\": {\"x\": 1}, \"Keys\"");

    DecodedEvent event = StreamEventDecoder.decode(json.getBytes(StandardCharsets.UTF_8));

    assertThat(event)
        .isEqualTo(viaRuntimeSerializer(LambdaRuntime.resource("insert-new-image.json")));
  }

  @Test
  void namesRecordEventIdAndPathOfMalformedJsonButNoValue() {
    String json =
        new String(
            LambdaRuntime.resource("aws-docs-insert-modify-remove.json"), StandardCharsets.UTF_8);
    String broken = json.substring(0, json.indexOf("This item has changed") + 9) + "\u0000 oops";

    EventDecodingException e =
        catchThrowableOfType(
            EventDecodingException.class,
            () -> StreamEventDecoder.decode(broken.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.recordIndex()).isEqualTo(1);
    assertThat(e.eventId()).isEqualTo("c81e728d9d4c2f636f067f89cc14862c");
    assertThat(e.jsonPath()).isEqualTo("/Records/1/dynamodb/NewImage/Message/S");
    assertThat(e).hasMessageContaining("malformed JSON").hasNoCause();
    assertThat(e.getMessage()).doesNotContain("This item").doesNotContain("oops");
  }

  @Test
  void reportsAnUnknownAttributeTypeWhenTheImageIsFirstReadWithRecordAndPath() {
    String json =
        new String(LambdaRuntime.resource("insert-new-image.json"), StandardCharsets.UTF_8)
            .replace("\"name\": {\"S\": \"Tom\"}", "\"name\": {\"Q\": \"Tom\"}");
    // Well-formed JSON: the scan leaves the image for later.
    DecodedEvent event = StreamEventDecoder.decode(json.getBytes(StandardCharsets.UTF_8));

    MalformedRecordException e =
        catchThrowableOfType(MalformedRecordException.class, () -> event.records().get(0));

    assertThat(e.eventId()).isEqualTo("a1b2c3d4e5f60718293a4b5c6d7e8f90");
    assertThat(e.sequenceNumber()).isEqualTo("200000000000000000000000001");
    assertThat(e)
        .hasMessageContaining("unknown attribute type Q at /Records/0/dynamodb/NewImage/name/Q");
    assertThat(e.getMessage()).doesNotContain("Tom");
  }

  @Test
  void rejectsAFieldOfTheWrongJsonTypeWithoutQuotingIt() {
    String json =
        new String(LambdaRuntime.resource("insert-new-image.json"), StandardCharsets.UTF_8)
            .replace("\"SizeBytes\": 61", "\"SizeBytes\": \"sixty-one\"");

    EventDecodingException e =
        catchThrowableOfType(
            EventDecodingException.class,
            () -> StreamEventDecoder.decode(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.jsonPath()).isEqualTo("/Records/0/dynamodb/SizeBytes");
    assertThat(e).hasMessageContaining("expected an integer, found a string");
    assertThat(e.getMessage()).doesNotContain("sixty");
  }

  @Test
  void rejectsAnEventThatMixesStreams() {
    String json =
        new String(
                LambdaRuntime.resource("aws-docs-insert-modify-remove.json"),
                StandardCharsets.UTF_8)
            .replaceFirst("ExampleTableWithStream", "OtherTable");

    EventDecodingException e =
        catchThrowableOfType(
            EventDecodingException.class,
            () -> StreamEventDecoder.decode(json.getBytes(StandardCharsets.UTF_8)));

    assertThat(e.recordIndex()).isEqualTo(1);
    assertThat(e.jsonPath()).isEqualTo("/Records/1/eventSourceARN");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 10_000})
  void decodesEventsOfOneAndTenThousandRecordsAsTheRuntimeDoes(int size) throws IOException {
    List<Record> records = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      records.add(record(i));
    }
    byte[] json = LambdaEventWriter.write(records, "arn:aws:dynamodb:us-east-1:1:table/T/stream/S");

    DecodedEvent fast = StreamEventDecoder.decode(new ByteArrayInputStream(json));

    assertThat(fast.records()).hasSize(size).isEqualTo(viaRuntimeSerializer(json).records());
    assertThat(jsonResponse(json)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(handlers.records).hasSize(size);
  }

  private static Record record(int i) {
    Map<String, AttributeValue> keys =
        Map.of(
            "PK", AttributeValue.fromS("USER#" + (i % 97)), "SK", AttributeValue.fromS("PET#" + i));
    return Record.builder()
        .eventID("e" + i)
        .eventName(i % 3 == 0 ? "INSERT" : "MODIFY")
        .eventVersion("1.1")
        .eventSource("aws:dynamodb")
        .awsRegion("us-east-1")
        .dynamodb(
            StreamRecord.builder()
                .approximateCreationDateTime(Instant.ofEpochMilli(1_716_203_497_000L + i * 7L))
                .keys(keys)
                .newImage(Map.of("PK", keys.get("PK"), "n", AttributeValue.fromN("" + i)))
                .sequenceNumber(String.valueOf(1_000_000_000_000L + i))
                .sizeBytes(40L)
                .streamViewType("NEW_IMAGE")
                .build())
        .build();
  }
}
