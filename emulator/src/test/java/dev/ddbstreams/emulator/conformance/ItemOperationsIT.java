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

import static dev.ddbstreams.emulator.conformance.Conformance.attribute;
import static dev.ddbstreams.emulator.conformance.Conformance.createTable;
import static dev.ddbstreams.emulator.conformance.Conformance.item;
import static dev.ddbstreams.emulator.conformance.Conformance.key;
import static dev.ddbstreams.emulator.conformance.Conformance.n;
import static dev.ddbstreams.emulator.conformance.Conformance.repeat;
import static dev.ddbstreams.emulator.conformance.Conformance.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class ItemOperationsIT {

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    ddb = emulator.client();
    createTable(ddb, "Items", "pk", null);
    createTable(ddb, "Sorted", "pk", "sk");
    ddb.createTable(
        b ->
            b.tableName("Numbers")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("id", KeyType.HASH))
                .attributeDefinitions(attribute("id", ScalarAttributeType.N)));
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    return ddb.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
  }

  @Test
  @DisplayName("PutItem stores the item and GetItem returns it; a missing item has no Item")
  void putThenGet() {
    Map<String, AttributeValue> it =
        item(
            "pk", "p1",
            "n", n("42"),
            "b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")),
            "ok", AttributeValue.fromBool(true),
            "nil", AttributeValue.fromNul(true),
            "l", AttributeValue.fromL(List.of(s("x"), n("1"))),
            "m", AttributeValue.fromM(Map.of("k", s("v"))),
            "ss", AttributeValue.fromSs(List.of("a", "b")),
            "empty", s(""));
    ddb.putItem(b -> b.tableName("Items").item(it));
    assertThat(get("Items", item("pk", "p1"))).isEqualTo(it);
    assertThat(ddb.getItem(b -> b.tableName("Items").key(item("pk", "nope"))).hasItem()).isFalse();
  }

  @Test
  @DisplayName("PutItem with ReturnValues ALL_OLD returns the replaced item")
  void putReturnsOld() {
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "r1", "v", "old")));
    var r =
        ddb.putItem(
            b ->
                b.tableName("Items")
                    .item(item("pk", "r1", "v", "new"))
                    .returnValues(ReturnValue.ALL_OLD));
    assertThat(r.attributes()).isEqualTo(item("pk", "r1", "v", "old"));
  }

  @Test
  @DisplayName("PutItem with ReturnValues ALL_NEW is a ValidationException")
  void putRejectsAllNew() {
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("Items")
                            .item(item("pk", "x"))
                            .returnValues(ReturnValue.ALL_NEW)))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("ReturnValues can only be ALL_OLD or NONE");
  }

  @Test
  @DisplayName("DeleteItem with ReturnValues ALL_OLD returns the deleted item")
  void deleteReturnsOld() {
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "d1", "v", "x")));
    var r =
        ddb.deleteItem(
            b -> b.tableName("Items").key(item("pk", "d1")).returnValues(ReturnValue.ALL_OLD));
    assertThat(r.attributes()).isEqualTo(item("pk", "d1", "v", "x"));
    assertThat(get("Items", item("pk", "d1"))).isEmpty();
  }

  @Test
  @DisplayName("GetItem with legacy AttributesToGet returns only those attributes")
  void attributesToGet() {
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "a1", "x", "1", "y", "2")));
    assertThat(
            ddb.getItem(b -> b.tableName("Items").key(item("pk", "a1")).attributesToGet("x"))
                .item())
        .isEqualTo(item("x", "1"));
  }

  @Test
  @DisplayName("Numbers are stored in canonical form: 2.0 and 2 are one key")
  void canonicalNumbers() {
    ddb.putItem(b -> b.tableName("Numbers").item(item("id", n("2.0"), "v", n("1.50"))));
    assertThat(get("Numbers", item("id", n("2")))).isEqualTo(item("id", n("2"), "v", n("1.5")));
  }

  @Test
  @DisplayName("A number of more than 38 significant digits is a ValidationException")
  void numberPrecision() {
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b -> b.tableName("Items").item(item("pk", "n", "v", n("1" + repeat('1', 38))))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("38 significant digits");
  }

  @Test
  @DisplayName("Empty sets and sets with duplicates are rejected without quoting values")
  void setRules() {
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("Items")
                            .item(item("pk", "s", "v", AttributeValue.fromSs(List.of())))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("may not be empty");
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("Items")
                            .item(
                                item("pk", "s", "v", AttributeValue.fromNs(List.of("1", "1.0"))))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("contains duplicates")
        .hasMessageNotContaining("1.0");
  }

  @Test
  @DisplayName("An item over 400 KB is rejected; one just under is stored")
  void itemSizeLimit() {
    String big = repeat('x', 400 * 1024 - 10);
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "big", "v", big)));
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b -> b.tableName("Items").item(item("pk", "big", "v", big + repeat('y', 20)))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Item size has exceeded the maximum allowed size");
  }

  @Test
  @DisplayName("Key rules: missing key, wrong type, empty string key, oversized keys")
  void keyRules() {
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName("Items").item(item("other", "x"))))
        .hasMessageContaining("Missing the key pk in the item");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName("Items").item(item("pk", n("1")))))
        .hasMessageContaining("Type mismatch for key pk expected: S actual: N");
    assertThatThrownBy(() -> ddb.putItem(b -> b.tableName("Items").item(item("pk", ""))))
        .hasMessageContaining("cannot contain an empty string value. Key: pk");
    assertThatThrownBy(
            () -> ddb.putItem(b -> b.tableName("Items").item(item("pk", repeat('k', 2049)))))
        .hasMessageContaining("Size of hashkey has exceeded the maximum size limit of2048 bytes");
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b -> b.tableName("Sorted").item(item("pk", "a", "sk", repeat('k', 1025)))))
        .hasMessageContaining("Aggregated size of all range keys has exceeded the size limit");
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName("Sorted").key(item("pk", "a"))))
        .hasMessageContaining("The provided key element does not match the schema");
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName("Missing").key(item("pk", "a"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  @DisplayName("Legacy Expected: Exists=false fails on an existing item, as KCL's createLease")
  void legacyExpected() {
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "lease", "owner", "w1")));
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("Items")
                            .item(item("pk", "lease", "owner", "w2"))
                            .expected(
                                Map.of(
                                    "pk", ExpectedAttributeValue.builder().exists(false).build()))))
        .isInstanceOf(ConditionalCheckFailedException.class)
        .hasMessageContaining("The conditional request failed");
    ddb.putItem(
        b ->
            b.tableName("Items")
                .item(item("pk", "lease", "owner", "w2"))
                .expected(
                    Map.of("owner", ExpectedAttributeValue.builder().value(s("w1")).build())));
    assertThat(get("Items", item("pk", "lease")).get("owner")).isEqualTo(s("w2"));
  }

  @Test
  @DisplayName("Legacy AttributeUpdates PUT, ADD and DELETE, with UPDATED_NEW, as KCL's renewLease")
  void legacyAttributeUpdates() {
    ddb.putItem(
        b ->
            b.tableName("Items")
                .item(
                    item(
                        "pk",
                        "u",
                        "counter",
                        n("1"),
                        "gone",
                        "x",
                        "tags",
                        AttributeValue.fromSs(List.of("a", "b")))));
    UpdateItemResponse r =
        ddb.updateItem(
            b ->
                b.tableName("Items")
                    .key(item("pk", "u"))
                    .expected(
                        Map.of("counter", ExpectedAttributeValue.builder().value(n("1")).build()))
                    .attributeUpdates(
                        Map.of(
                            "counter",
                                AttributeValueUpdate.builder()
                                    .action(AttributeAction.ADD)
                                    .value(n("1"))
                                    .build(),
                            "owner",
                                AttributeValueUpdate.builder()
                                    .action(AttributeAction.PUT)
                                    .value(s("w1"))
                                    .build(),
                            "gone",
                                AttributeValueUpdate.builder()
                                    .action(AttributeAction.DELETE)
                                    .build(),
                            "tags",
                                AttributeValueUpdate.builder()
                                    .action(AttributeAction.DELETE)
                                    .value(AttributeValue.fromSs(List.of("a")))
                                    .build()))
                    .returnValues(ReturnValue.ALL_NEW));
    assertThat(r.attributes())
        .isEqualTo(
            item(
                "pk",
                "u",
                "counter",
                n("2"),
                "owner",
                "w1",
                "tags",
                AttributeValue.fromSs(List.of("b"))));
  }

  @Test
  @DisplayName("UpdateItem may not change a key attribute")
  void updateKeyRejected() {
    assertThatThrownBy(
            () ->
                ddb.updateItem(
                    b ->
                        b.tableName("Items")
                            .key(item("pk", "k"))
                            .attributeUpdates(
                                Map.of(
                                    "pk",
                                    AttributeValueUpdate.builder()
                                        .action(AttributeAction.PUT)
                                        .value(s("other"))
                                        .build()))))
        .hasMessageContaining("Cannot update attribute pk. This attribute is part of the key");
  }

  @Test
  @DisplayName("Legacy KeyConditions is rejected with a clear ValidationException")
  void legacyKeyConditionsRejected() {
    assertThatThrownBy(
            () ->
                ddb.query(
                    b ->
                        b.tableName("Items")
                            .keyConditions(
                                Map.of(
                                    "pk",
                                    software.amazon.awssdk.services.dynamodb.model.Condition
                                        .builder()
                                        .comparisonOperator("EQ")
                                        .attributeValueList(s("x"))
                                        .build()))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("does not support the legacy parameter KeyConditions");
  }

  @Test
  @DisplayName(
      "ReturnConsumedCapacity TOTAL: 1 KB write units, 4 KB read units halved when eventual")
  void consumedCapacity() {
    String v = repeat('v', 1500);
    ConsumedCapacity w =
        ddb.putItem(
                b ->
                    b.tableName("Items")
                        .item(item("pk", "cap", "v", v))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity();
    assertThat(w.tableName()).isEqualTo("Items");
    assertThat(w.capacityUnits()).isEqualTo(2.0);
    ConsumedCapacity eventual =
        ddb.getItem(
                b ->
                    b.tableName("Items")
                        .key(item("pk", "cap"))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
            .consumedCapacity();
    assertThat(eventual.capacityUnits()).isEqualTo(0.5);
    ConsumedCapacity strong =
        ddb.getItem(
                b ->
                    b.tableName("Items")
                        .key(item("pk", "cap"))
                        .consistentRead(true)
                        .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
            .consumedCapacity();
    assertThat(strong.capacityUnits()).isEqualTo(1.0);
    assertThat(strong.table().capacityUnits()).isEqualTo(1.0);
  }

  @Test
  @DisplayName("ExpressionAttributeValues without any expression is a ValidationException")
  void valuesWithoutExpression() {
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("Items")
                            .item(item("pk", "e"))
                            .expressionAttributeValues(Map.of(":v", s("x")))))
        .hasMessageContaining(
            "ExpressionAttributeValues can only be specified when using expressions");
  }

  // ---- behaviour that needs the expression language ----

  @Test
  @DisplayName(
      "PutItem with a failing ConditionExpression and ALL_OLD returns the item in the error")
  void conditionFailureReturnsOld() {
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "c1", "v", "1")));
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("Items")
                            .item(item("pk", "c1", "v", "2"))
                            .conditionExpression("attribute_not_exists(pk)")
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(
            ConditionalCheckFailedException.class,
            e -> assertThat(e.item()).isEqualTo(item("pk", "c1", "v", "1")));
    assertThat(get("Items", item("pk", "c1"))).isEqualTo(item("pk", "c1", "v", "1"));
  }

  @Test
  @DisplayName("UpdateItem with UpdateExpression and ReturnValues UPDATED_OLD/UPDATED_NEW/ALL_NEW")
  void updateReturnValues() {
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "up", "a", n("1"), "b", "keep")));
    UpdateItemResponse old =
        ddb.updateItem(
            b ->
                b.tableName("Items")
                    .key(item("pk", "up"))
                    .updateExpression("SET a = a + :one")
                    .expressionAttributeValues(Map.of(":one", n("1")))
                    .returnValues(ReturnValue.UPDATED_OLD));
    assertThat(old.attributes()).isEqualTo(item("a", n("1")));
    UpdateItemResponse updated =
        ddb.updateItem(
            b ->
                b.tableName("Items")
                    .key(item("pk", "up"))
                    .updateExpression("SET a = a + :one")
                    .expressionAttributeValues(Map.of(":one", n("1")))
                    .returnValues(ReturnValue.UPDATED_NEW));
    assertThat(updated.attributes()).isEqualTo(item("a", n("3")));
    UpdateItemResponse all =
        ddb.updateItem(
            b ->
                b.tableName("Items")
                    .key(item("pk", "up"))
                    .updateExpression("REMOVE b")
                    .returnValues(ReturnValue.ALL_NEW));
    assertThat(all.attributes()).isEqualTo(item("pk", "up", "a", n("3")));
  }

  @Test
  @DisplayName("UpdateItem on a missing item creates it; a ConditionExpression guards it")
  void updateUpserts() {
    ddb.updateItem(
        b ->
            b.tableName("Items")
                .key(item("pk", "new"))
                .updateExpression("SET v = :v")
                .conditionExpression("attribute_not_exists(pk)")
                .expressionAttributeValues(Map.of(":v", s("x"))));
    assertThat(get("Items", item("pk", "new"))).isEqualTo(item("pk", "new", "v", "x"));
    assertThatThrownBy(
            () ->
                ddb.updateItem(
                    b ->
                        b.tableName("Items")
                            .key(item("pk", "new"))
                            .updateExpression("SET v = :v")
                            .conditionExpression("attribute_not_exists(pk)")
                            .expressionAttributeValues(Map.of(":v", s("y")))))
        .isInstanceOf(ConditionalCheckFailedException.class);
  }

  @Test
  @DisplayName("GetItem with a ProjectionExpression returns only the projected attributes")
  void projection() {
    ddb.putItem(b -> b.tableName("Items").item(item("pk", "pr", "a", "1", "b", "2")));
    assertThat(
            ddb.getItem(
                    b ->
                        b.tableName("Items")
                            .key(item("pk", "pr"))
                            .projectionExpression("#a")
                            .expressionAttributeNames(Map.of("#a", "a")))
                .item())
        .isEqualTo(item("a", "1"));
  }
}
