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
package dev.ddbstreams.testkit.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The on-failure record as Lambda writes it; ddbstreams-lambda's LocalMappingOnFailureMessagesTest
 * reads it back with the production reader.
 */
class OnFailureMessageWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN =
      "arn:aws:dynamodb:us-east-2:123456789012:table/PetTracker/stream/2026-04-23T13:37:16.991";

  private static GivenUpBatch batch(
      GivenUpBatch.Condition condition, @Nullable Instant first, @Nullable Instant last) {
    return new GivenUpBatch(
        ARN,
        "shardId-00000001749147600000-4a3b2c1d",
        "202328600001712385967261751",
        "202328600001712385967261790",
        first,
        last,
        7,
        condition,
        4);
  }

  @Test
  void writesTheInvocationRecordLambdaSends() throws Exception {
    String json =
        OnFailureMessageWriter.write(
            batch(
                GivenUpBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED,
                Instant.parse("2026-06-05T18:21:49.700Z"),
                Instant.parse("2026-06-05T18:21:52Z")),
            Instant.parse("2026-06-05T18:22:26.479123Z"));

    JsonNode root = JSON.readTree(json);
    assertThat(json).doesNotContain("\n");
    assertThat(fieldNames(root))
        .containsExactly("requestContext", "version", "timestamp", "DDBStreamBatchInfo");
    assertThat(root.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
    assertThat(root.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(4);
    assertThat(root.get("version").asText()).isEqualTo("1.0");
    assertThat(root.get("timestamp").asText()).isEqualTo("2026-06-05T18:22:26.479Z");
    JsonNode info = root.get("DDBStreamBatchInfo");
    assertThat(info.get("shardId").asText()).isEqualTo("shardId-00000001749147600000-4a3b2c1d");
    assertThat(info.get("startSequenceNumber").asText()).isEqualTo("202328600001712385967261751");
    assertThat(info.get("endSequenceNumber").asText()).isEqualTo("202328600001712385967261790");
    assertThat(info.get("approximateArrivalOfFirstRecord").asText())
        .isEqualTo("2026-06-05T18:21:49Z");
    assertThat(info.get("approximateArrivalOfLastRecord").asText())
        .isEqualTo("2026-06-05T18:21:52Z");
    assertThat(info.get("batchSize").isInt()).isTrue();
    assertThat(info.get("batchSize").asInt()).isEqualTo(7);
    assertThat(info.get("streamArn").asText()).isEqualTo(ARN);
  }

  @Test
  void namesTheRecordAgeConditionAsLambdaDoes() throws Exception {
    String json =
        OnFailureMessageWriter.write(
            batch(GivenUpBatch.Condition.RECORD_AGE_EXCEEDED, null, null), Instant.EPOCH);

    assertThat(JSON.readTree(json).at("/requestContext/condition").asText())
        .isEqualTo("RecordAgeExceeded");
  }

  @Test
  void leavesOutArrivalTimesTheRecordsDoNotHave() throws Exception {
    String json =
        OnFailureMessageWriter.write(
            batch(GivenUpBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED, null, null), Instant.EPOCH);

    assertThat(fieldNames(JSON.readTree(json).get("DDBStreamBatchInfo")))
        .containsExactly(
            "shardId", "startSequenceNumber", "endSequenceNumber", "batchSize", "streamArn");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
