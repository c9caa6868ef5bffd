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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.BatchContext;
import dev.ddbstreams.StreamRouter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class EmbeddedMetricsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPEC_EXAMPLE =
      "{\"_aws\":{\"Timestamp\":1574109732004,\"CloudWatchMetrics\":[{\"Namespace\":"
          + "\"lambda-function-metrics\",\"Dimensions\":[[\"functionVersion\"]],\"Metrics\":"
          + "[{\"Name\":\"time\",\"Unit\":\"Milliseconds\"}]}]},\"functionVersion\":\"$LATEST\","
          + "\"time\":100,\"requestId\":\"989ffbf8-9ace-4817-a57c-e4dd734019ee\"}";

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final RecordingHandlers handlers = new RecordingHandlers();
  private final StreamRouter router =
      StreamRouter.builder()
          .handlers(handlers)
          .observer(
              EmbeddedMetrics.builder()
                  .namespace("PetTracker")
                  .functionName("pet-stream")
                  .output(lines::add)
                  .build())
          .build();

  private final class Function extends DynamoDbStreamJsonLambda {
    @Override
    protected StreamRouter router() {
      return router;
    }
  }

  @Test
  void theSpecificationCheckAcceptsItsExampleAndRejectsBrokenDocuments() {
    assertThat(EmfSpecification.problems(SPEC_EXAMPLE)).isEmpty();
    assertThat(EmfSpecification.problems("{\"time\": 1}")).isNotEmpty();
    assertThat(
            EmfSpecification.problems(SPEC_EXAMPLE.replace("\"functionVersion\":\"", "\"x\":\"")))
        .anyMatch(p -> p.contains("dimension"));
    assertThat(EmfSpecification.problems(SPEC_EXAMPLE.replace("\"time\":100", "\"time\":\"100\"")))
        .anyMatch(p -> p.contains("metric"));
    assertThat(EmfSpecification.problems(SPEC_EXAMPLE.replace("Milliseconds", "ms")))
        .anyMatch(p -> p.contains("Unit"));
    assertThat(EmfSpecification.problems(SPEC_EXAMPLE.replace("\"Timestamp\":1574109732004,", "")))
        .anyMatch(p -> p.contains("Timestamp"));
    String tooMany =
        SPEC_EXAMPLE.replace(
            "\"time\":100",
            "\"time\":" + IntStream.range(0, 101).boxed().toList().toString().replace(" ", ""));
    assertThat(EmfSpecification.problems(tooMany)).isNotEmpty();
  }

  @Test
  void oneInvocationWritesOneBatchDocumentAndOneDocumentPerHandlerThatAllValidate()
      throws IOException {
    handlers.failOn.add("4421584500000000017450439093");

    invoke("aws-docs-insert-modify-remove.json", "request-1");

    assertThat(lines).allSatisfy(l -> assertThat(EmfSpecification.problems(l)).isEmpty());
    List<JsonNode> docs = parse();
    assertThat(docs).hasSize(2);
    JsonNode batch = docs.get(0);
    assertThat(batch.path("_aws").path("CloudWatchMetrics").get(0).path("Namespace").asText())
        .isEqualTo("PetTracker");
    assertThat(batch.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
        .isEqualTo("[[\"FunctionName\"]]");
    assertThat(batch.path("FunctionName").asText()).isEqualTo("pet-stream");
    assertThat(batch.path("ddbstreams.batch.records").asInt()).isEqualTo(3);
    assertThat(batch.path("ddbstreams.records.handled").asInt()).isEqualTo(2);
    assertThat(batch.path("ddbstreams.records.failed").asInt()).isEqualTo(1);
    assertThat(batch.path("ddbstreams.record.age").asLong())
        .as("records of 2015: years old")
        .isGreaterThan(Duration.ofDays(365).toMillis());
    assertThat(batch.path("requestId").asText()).isEqualTo("request-1");
    assertThat(batch.path("streamArn").asText()).contains("table/ExampleTableWithStream/stream");
    assertThat(batch.has("Handler")).isFalse();

    JsonNode handler = docs.get(1);
    assertThat(handler.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString())
        .isEqualTo("[[\"FunctionName\",\"Handler\"],[\"FunctionName\"]]");
    assertThat(handler.path("Handler").asText())
        .isEqualTo("dev.ddbstreams.lambda.RecordingHandlers#record");
    assertThat(handler.path("ddbstreams.handler.outcomes.handled").asInt()).isEqualTo(2);
    assertThat(handler.path("ddbstreams.handler.outcomes.failed").asInt()).isEqualTo(1);
    assertThat(handler.path("ddbstreams.handler.outcomes.dead_lettered").asInt()).isZero();
    assertThat(handler.path("ddbstreams.handler.invocations")).hasSize(3);
    assertThat(handler.toString()).as("no item values").doesNotContain("This item has changed");
  }

  @Test
  void everyInvocationWritesItsOwnDocuments() throws IOException {
    invoke("insert-new-image.json", "request-1");
    invoke("insert-new-image.json", "request-2");

    assertThat(parse())
        .filteredOn(d -> !d.has("Handler"))
        .extracting(d -> d.path("requestId").asText())
        .containsExactly("request-1", "request-2");
  }

  @Test
  void moreThanAHundredHandlerRunsContinueInFurtherDocumentsWithoutCountingTwice() {
    List<Record> batch =
        IntStream.range(0, 250)
            .mapToObj(
                i ->
                    Record.builder()
                        .eventID("e" + i)
                        .eventName("INSERT")
                        .dynamodb(
                            StreamRecord.builder()
                                .keys(Map.of("PK", AttributeValue.fromS("p" + i)))
                                .newImage(Map.of("PK", AttributeValue.fromS("p" + i)))
                                .sequenceNumber(String.valueOf(100 + i))
                                .streamViewType("NEW_IMAGE")
                                .build())
                        .build())
            .toList();

    router.process(batch, BatchContext.none());

    assertThat(lines).allSatisfy(l -> assertThat(EmfSpecification.problems(l)).isEmpty());
    List<JsonNode> handlerDocs = parse().stream().filter(d -> d.has("Handler")).toList();
    assertThat(handlerDocs).hasSize(3);
    assertThat(handlerDocs)
        .extracting(d -> d.path("ddbstreams.handler.invocations").size())
        .containsExactly(100, 100, 50);
    assertThat(handlerDocs)
        .extracting(d -> d.path("ddbstreams.handler.outcomes.handled").asInt(-1))
        .containsExactly(250, -1, -1);
    assertThat(parse().get(0).has("ddbstreams.record.age")).as("no creation times").isFalse();
  }

  private void invoke(String event, String requestId) throws IOException {
    new Function()
        .handleRequest(
            new ByteArrayInputStream(LambdaRuntime.resource(event)),
            new ByteArrayOutputStream(),
            LambdaRuntime.context(requestId, Duration.ofMinutes(1)));
  }

  private List<JsonNode> parse() {
    return lines.stream()
        .map(
            l -> {
              try {
                return JSON.readTree(l);
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }
}
