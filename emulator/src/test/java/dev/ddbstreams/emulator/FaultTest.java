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
package dev.ddbstreams.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void unprocessedMatchesOnlyBatchOperations() {
    Fault f = Fault.unprocessed();
    assertThat(f.matches("BatchWriteItem", Set.of("T"))).isTrue();
    assertThat(f.matches("BatchGetItem", Set.of("T"))).isTrue();
    assertThat(f.matches("PutItem", Set.of("T"))).isFalse();
    assertThat(f.onOperations("PutItem").matches("PutItem", Set.of("T"))).isFalse();
    assertThat(f.onTables("A").matches("BatchWriteItem", Set.of("B"))).isFalse();
  }

  @Test
  void transactionConflictMatchesOnlyTransactions() {
    Fault f = Fault.transactionConflict();
    assertThat(f.matches("TransactWriteItems", Set.of())).isTrue();
    assertThat(f.matches("TransactGetItems", Set.of())).isTrue();
    assertThat(f.matches("BatchWriteItem", Set.of())).isFalse();
    assertThat(f.toString()).isEqualTo("Fault[TRANSACTION_CONFLICT]");
  }

  @Test
  void anUnprocessedFaultFiresOnlyOnBatchesAndCountsAsFired() {
    Faults faults = new Faults();
    faults.add(Fault.unprocessed().times(1));
    assertThat(faults.next("PutItem", Set.of("T"))).isNull();
    assertThat(faults.next("BatchWriteItem", Set.of("T")).kind()).isEqualTo(Fault.Kind.UNPROCESSED);
    assertThat(faults.next("BatchWriteItem", Set.of("T"))).isNull();
    assertThat(faults.firedCount(Fault.Kind.UNPROCESSED)).isEqualTo(1);
  }

  @Test
  void batchSplitRunsTheFirstHalfAndReturnsTheSecondAsUnprocessed() throws Exception {
    ObjectNode request =
        (ObjectNode)
            JSON.readTree(
                "{\"RequestItems\":{\"A\":[{\"PutRequest\":{\"Item\":{\"k\":{\"S\":\"1\"}}}},"
                    + "{\"PutRequest\":{\"Item\":{\"k\":{\"S\":\"2\"}}}}],"
                    + "\"B\":[{\"DeleteRequest\":{\"Key\":{\"k\":{\"S\":\"3\"}}}}]}}");
    List<JsonNode> seen = new ArrayList<>();
    JsonNode result =
        BatchSplit.run(
            "BatchWriteItem",
            request,
            r -> {
              seen.add(r.get("RequestItems"));
              return JSON.createObjectNode().set("UnprocessedItems", JSON.createObjectNode());
            });
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).get("A")).hasSize(1);
    assertThat(seen.get(0).has("B")).isFalse();
    assertThat(result.get("UnprocessedItems").get("A")).hasSize(1);
    assertThat(result.get("UnprocessedItems").get("B")).hasSize(1);
  }

  @Test
  void aBatchGetOfOneKeyIsLeftWhollyUnprocessedWithItsSettings() throws Exception {
    ObjectNode request =
        (ObjectNode)
            JSON.readTree(
                "{\"RequestItems\":{\"A\":{\"ConsistentRead\":true,"
                    + "\"Keys\":[{\"k\":{\"S\":\"1\"}}]}}}");
    JsonNode result =
        BatchSplit.run(
            "BatchGetItem",
            request,
            r -> {
              throw new AssertionError("nothing to run");
            });
    assertThat(result.get("Responses").isEmpty()).isTrue();
    JsonNode left = result.get("UnprocessedKeys").get("A");
    assertThat(left.get("ConsistentRead").booleanValue()).isTrue();
    assertThat(left.get("Keys")).hasSize(1);
  }
}
