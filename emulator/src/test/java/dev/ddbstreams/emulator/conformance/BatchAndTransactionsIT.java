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
package dev.ddbstreams.emulator.conformance;

import static dev.ddbstreams.emulator.conformance.Conformance.createTable;
import static dev.ddbstreams.emulator.conformance.Conformance.item;
import static dev.ddbstreams.emulator.conformance.Conformance.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class BatchAndTransactionsIT {

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient ddb;
  private static DynamoDbClient noRetry;

  @BeforeAll
  static void start() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    ddb = emulator.client();
    noRetry =
        emulator
            .clientBuilder()
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
            .build();
    createTable(ddb, "Batch", "pk", null);
    createTable(ddb, "Other", "pk", null);
  }

  @AfterAll
  static void stop() {
    noRetry.close();
    emulator.close();
  }

  @BeforeEach
  void clearFaults() {
    emulator.faults().clear();
  }

  private static WriteRequest put(String pk) {
    return WriteRequest.builder().putRequest(p -> p.item(item("pk", pk))).build();
  }

  private static Map<String, AttributeValue> get(String table, String pk) {
    return ddb.getItem(b -> b.tableName(table).key(item("pk", pk))).item();
  }

  @Test
  @DisplayName("BatchWriteItem applies puts and deletes across tables; UnprocessedItems is empty")
  void batchWrite() {
    ddb.putItem(b -> b.tableName("Other").item(item("pk", "gone")));
    BatchWriteItemResponse r =
        ddb.batchWriteItem(
            b ->
                b.requestItems(
                        Map.of(
                            "Batch",
                            List.of(put("b1"), put("b2")),
                            "Other",
                            List.of(
                                WriteRequest.builder()
                                    .deleteRequest(d -> d.key(item("pk", "gone")))
                                    .build())))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(r.unprocessedItems()).isEmpty();
    assertThat(r.consumedCapacity()).hasSize(2);
    assertThat(get("Batch", "b2")).isEqualTo(item("pk", "b2"));
    assertThat(get("Other", "gone")).isEmpty();
  }

  @Test
  @DisplayName("BatchWriteItem with more than 25 requests is a ValidationException")
  void batchWriteLimit() {
    List<WriteRequest> many = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      many.add(put("m" + i));
    }
    assertThatThrownBy(() -> ddb.batchWriteItem(b -> b.requestItems(Map.of("Batch", many))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Member must have length less than or equal to 25");
  }

  @Test
  @DisplayName("BatchWriteItem with two requests on one key is a ValidationException")
  void batchWriteDuplicates() {
    assertThatThrownBy(
            () ->
                ddb.batchWriteItem(
                    b -> b.requestItems(Map.of("Batch", List.of(put("d"), put("d"))))))
        .hasMessageContaining("Provided list of item keys contains duplicates");
    assertThat(get("Batch", "d")).isEmpty();
  }

  @Test
  @DisplayName("BatchGetItem returns found items per table and at most 100 keys are allowed")
  void batchGet() {
    ddb.batchWriteItem(b -> b.requestItems(Map.of("Batch", List.of(put("g1"), put("g2")))));
    BatchGetItemResponse r =
        ddb.batchGetItem(
            b ->
                b.requestItems(
                    Map.of(
                        "Batch",
                        KeysAndAttributes.builder()
                            .keys(List.of(item("pk", "g1"), item("pk", "g2"), item("pk", "none")))
                            .build())));
    assertThat(r.responses().get("Batch"))
        .containsExactlyInAnyOrder(item("pk", "g1"), item("pk", "g2"));
    assertThat(r.unprocessedKeys()).isEmpty();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      keys.add(item("pk", "k" + i));
    }
    assertThatThrownBy(
            () ->
                ddb.batchGetItem(
                    b ->
                        b.requestItems(
                            Map.of("Batch", KeysAndAttributes.builder().keys(keys).build()))))
        .hasMessageContaining("Too many items requested for the BatchGetItem call");
  }

  @Test
  @DisplayName(
      "Fault UNPROCESSED: BatchWriteItem applies half and returns the rest as UnprocessedItems")
  void unprocessedWrites() {
    long firedBefore = emulator.faults().firedCount(Fault.Kind.UNPROCESSED);
    emulator.faults().add(Fault.unprocessed().times(1));
    BatchWriteItemResponse r =
        ddb.batchWriteItem(
            b ->
                b.requestItems(
                    Map.of("Batch", List.of(put("u1"), put("u2"), put("u3"), put("u4")))));
    assertThat(r.unprocessedItems().get("Batch")).containsExactly(put("u3"), put("u4"));
    assertThat(get("Batch", "u2")).isNotEmpty();
    assertThat(get("Batch", "u3")).isEmpty();
    BatchWriteItemResponse retry = ddb.batchWriteItem(b -> b.requestItems(r.unprocessedItems()));
    assertThat(retry.unprocessedItems()).isEmpty();
    assertThat(get("Batch", "u4")).isNotEmpty();
    assertThat(emulator.faults().firedCount(Fault.Kind.UNPROCESSED)).isEqualTo(firedBefore + 1);
  }

  @Test
  @DisplayName("Fault UNPROCESSED: BatchGetItem returns part of the keys as UnprocessedKeys")
  void unprocessedGets() {
    ddb.batchWriteItem(b -> b.requestItems(Map.of("Batch", List.of(put("x1"), put("x2")))));
    emulator.faults().add(Fault.unprocessed().onOperations("BatchGetItem").times(1));
    BatchGetItemResponse r =
        ddb.batchGetItem(
            b ->
                b.requestItems(
                    Map.of(
                        "Batch",
                        KeysAndAttributes.builder()
                            .keys(List.of(item("pk", "x1"), item("pk", "x2")))
                            .consistentRead(true)
                            .build())));
    assertThat(r.responses().get("Batch")).containsExactly(item("pk", "x1"));
    assertThat(r.unprocessedKeys().get("Batch").keys()).containsExactly(item("pk", "x2"));
    assertThat(r.unprocessedKeys().get("Batch").consistentRead()).isTrue();
  }

  @Test
  @DisplayName("TransactWriteItems applies Put, Update and Delete together, capacity counted twice")
  void transactionApplies() {
    ddb.putItem(b -> b.tableName("Batch").item(item("pk", "t-del")));
    TransactWriteItemsResponse r =
        ddb.transactWriteItems(
            b ->
                b.transactItems(
                        TransactWriteItem.builder()
                            .put(p -> p.tableName("Batch").item(item("pk", "t-put")))
                            .build(),
                        TransactWriteItem.builder()
                            .delete(d -> d.tableName("Batch").key(item("pk", "t-del")))
                            .build())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
    assertThat(get("Batch", "t-put")).isNotEmpty();
    assertThat(get("Batch", "t-del")).isEmpty();
    assertThat(r.consumedCapacity().get(0).capacityUnits()).isEqualTo(4.0);
  }

  @Test
  @DisplayName("TransactWriteItems with two actions on one item is a ValidationException")
  void transactionSameItem() {
    assertThatThrownBy(
            () ->
                ddb.transactWriteItems(
                    b ->
                        b.transactItems(
                            TransactWriteItem.builder()
                                .put(p -> p.tableName("Batch").item(item("pk", "same")))
                                .build(),
                            TransactWriteItem.builder()
                                .delete(d -> d.tableName("Batch").key(item("pk", "same")))
                                .build())))
        .hasMessageContaining("Transaction request cannot include multiple operations on one item");
  }

  @Test
  @DisplayName("The same ClientRequestToken and request succeed again without applying twice")
  void idempotentToken() {
    TransactWriteItem put =
        TransactWriteItem.builder()
            .put(p -> p.tableName("Batch").item(item("pk", "tok", "v", n("1"))))
            .build();
    ddb.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(put));
    ddb.putItem(b -> b.tableName("Batch").item(item("pk", "tok", "v", n("2"))));
    ddb.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(put));
    assertThat(get("Batch", "tok").get("v")).isEqualTo(n("2"));
    assertThatThrownBy(
            () ->
                ddb.transactWriteItems(
                    b ->
                        b.clientRequestToken("token-1")
                            .transactItems(
                                TransactWriteItem.builder()
                                    .put(p -> p.tableName("Batch").item(item("pk", "other")))
                                    .build())))
        .isInstanceOf(
            software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException
                .class);
  }

  @Test
  @DisplayName("Fault TRANSACTION_CONFLICT cancels with TransactionConflict and applies nothing")
  void conflictFault() {
    emulator.faults().add(Fault.transactionConflict().times(1));
    assertThatThrownBy(
            () ->
                noRetry.transactWriteItems(
                    b ->
                        b.transactItems(
                            TransactWriteItem.builder()
                                .put(p -> p.tableName("Batch").item(item("pk", "c1")))
                                .build(),
                            TransactWriteItem.builder()
                                .put(p -> p.tableName("Batch").item(item("pk", "c2")))
                                .build())))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e -> {
              assertThat(e.cancellationReasons())
                  .extracting(CancellationReason::code)
                  .containsExactly("TransactionConflict", "None");
              assertThat(e.getMessage())
                  .contains(
                      "Transaction cancelled, please refer cancellation reasons for specific"
                          + " reasons [TransactionConflict, None]");
            });
    assertThat(get("Batch", "c1")).isEmpty();
  }

  @Test
  @DisplayName("TransactGetItems returns items in request order, empty for missing ones")
  void transactGet() {
    ddb.putItem(b -> b.tableName("Batch").item(item("pk", "tg")));
    var r =
        ddb.transactGetItems(
            b ->
                b.transactItems(
                    TransactGetItem.builder()
                        .get(g -> g.tableName("Batch").key(item("pk", "nope")))
                        .build(),
                    TransactGetItem.builder()
                        .get(g -> g.tableName("Batch").key(item("pk", "tg")))
                        .build()));
    assertThat(r.responses().get(0).hasItem()).isFalse();
    assertThat(r.responses().get(1).item()).isEqualTo(item("pk", "tg"));
  }

  @Test
  @DisplayName(
      "A failed condition cancels the transaction with reasons in request order and ALL_OLD")
  void conditionCancels() {
    ddb.putItem(b -> b.tableName("Batch").item(item("pk", "cc", "v", n("1"))));
    assertThatThrownBy(
            () ->
                noRetry.transactWriteItems(
                    b ->
                        b.transactItems(
                            TransactWriteItem.builder()
                                .conditionCheck(
                                    c ->
                                        c.tableName("Batch")
                                            .key(item("pk", "cc"))
                                            .conditionExpression("v = :two")
                                            .expressionAttributeValues(Map.of(":two", n("2")))
                                            .returnValuesOnConditionCheckFailure(
                                                ReturnValuesOnConditionCheckFailure.ALL_OLD))
                                .build(),
                            TransactWriteItem.builder()
                                .put(p -> p.tableName("Batch").item(item("pk", "never")))
                                .build())))
        .isInstanceOfSatisfying(
            TransactionCanceledException.class,
            e -> {
              assertThat(e.cancellationReasons())
                  .extracting(CancellationReason::code)
                  .containsExactly("ConditionalCheckFailed", "None");
              assertThat(e.cancellationReasons().get(0).item())
                  .isEqualTo(item("pk", "cc", "v", n("1")));
              assertThat(e.getMessage()).contains("[ConditionalCheckFailed, None]");
            });
    assertThat(get("Batch", "never")).isEmpty();
  }
}
