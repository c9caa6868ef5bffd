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

import dev.ddbstreams.testkit.lambda.internal.GivenUpBatch;
import dev.ddbstreams.testkit.lambda.internal.OnFailureMessageWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnFailureMessagesTest {
  private static final FailedBatch RECORD =
      new FailedBatch(
          "arn:aws:dynamodb:us-east-2:123456789012:table/PetTracker/stream/2026-04-23T13:37:16.991",
          "shardId-00000001749147600000-4a3b2c1d",
          "202328600001712385967261751",
          "202328600001712385967261790",
          Instant.parse("2026-06-05T18:21:49Z"),
          Instant.parse("2026-06-05T18:21:52Z"),
          7,
          FailedBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED,
          4);

  /** RECORD as the local event source mapping gives it up. */
  private static final GivenUpBatch GIVEN_UP =
      new GivenUpBatch(
          RECORD.streamArn(),
          RECORD.shardId(),
          RECORD.startSequenceNumber(),
          RECORD.endSequenceNumber(),
          RECORD.approximateArrivalOfFirstRecord(),
          RECORD.approximateArrivalOfLastRecord(),
          RECORD.batchSize(),
          GivenUpBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED,
          RECORD.approximateInvokeCount());

  private static String resource(String name) {
    try (InputStream in = OnFailureMessagesTest.class.getResourceAsStream("/onfailure/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsTheInvocationRecordLambdaSends() {
    assertThat(OnFailureMessages.parse(resource("record.json"))).containsExactly(RECORD);
  }

  @Test
  void unwrapsWhatSqsAndSnsDeliver() {
    assertThat(OnFailureMessages.parse(resource("sqs-receive-message.json")))
        .extracting(FailedBatch::condition)
        .containsExactly(
            FailedBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED,
            FailedBatch.Condition.RECORD_AGE_EXCEEDED);
    assertThat(OnFailureMessages.parse(resource("sns-notification.json"))).containsExactly(RECORD);
    assertThat(OnFailureMessages.parse(resource("sqs-from-sns.json"))).containsExactly(RECORD);
    assertThat(OnFailureMessages.parse(resource("lambda-sqs-event.json"))).containsExactly(RECORD);
  }

  @Test
  void readsEventBridgePipesRecordsToo() {
    FailedBatch pipes = OnFailureMessages.parse(resource("pipes.json")).get(0);

    assertThat(pipes.condition()).isEqualTo(FailedBatch.Condition.RECORD_AGE_EXCEEDED);
    assertThat(pipes.approximateInvokeCount()).isZero();
    assertThat(pipes.shardId()).isEqualTo(RECORD.shardId());
  }

  @Test
  void readsSeveralMessagesOnePerLineOrInAnArray() {
    String line = OnFailureMessageWriter.write(GIVEN_UP, Instant.parse("2026-06-05T18:22:26.479Z"));

    assertThat(line).doesNotContain("\n");

    assertThat(OnFailureMessages.parse(line + "\n" + line + "\n")).hasSize(2);
    assertThat(OnFailureMessages.parse("[" + line + ", " + line + "]")).hasSize(2);
    assertThat(OnFailureMessages.parse(line + line)).hasSize(2);
  }

  @Test
  void anUnknownConditionIsKeptAsUnknown() {
    String json =
        resource("record.json").replace("RetryAttemptsExhausted", "SomethingLambdaAddsLater");

    assertThat(OnFailureMessages.parse(json).get(0).condition())
        .isEqualTo(FailedBatch.Condition.UNKNOWN);
  }

  @Test
  void badMessagesAreNamedByPositionAndField() {
    String good = resource("record.json");
    List<String> problems =
        List.of(
            "not json at all",
            good + "\n{\"hello\": 1}",
            "{\"Messages\": [{\"Body\": \"{oops\"}]}",
            good.replace("\"shardId\"", "\"shard\""),
            good.replace("202328600001712385967261751", "12ab"),
            good.replace("2026-06-05T18:21:49Z", "yesterday"),
            "   ");
    List<String> expected =
        List.of(
            "document 1 is not JSON",
            "document 2 holds no on-failure record",
            "document 1.Messages[0].Body is not JSON",
            "document 1.DDBStreamBatchInfo has no shardId",
            "document 1.DDBStreamBatchInfo.startSequenceNumber is not a sequence number",
            "document 1.DDBStreamBatchInfo.approximateArrivalOfFirstRecord is not an ISO-8601 time",
            "no message was given");
    for (int i = 0; i < problems.size(); i++) {
      String text = problems.get(i);
      assertThatThrownBy(() -> OnFailureMessages.parse(text))
          .isInstanceOf(OnFailureMessageException.class)
          .hasMessageStartingWith(expected.get(i));
    }
  }
}
