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
import static dev.ddbstreams.emulator.conformance.Conformance.item;
import static dev.ddbstreams.emulator.conformance.Conformance.key;
import static dev.ddbstreams.emulator.conformance.Conformance.n;
import static dev.ddbstreams.emulator.conformance.Conformance.repeat;
import static dev.ddbstreams.emulator.conformance.Conformance.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanIT {

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    ddb = emulator.client();
    ddb.createTable(
        b ->
            b.tableName("Events")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(
                    attribute("pk", ScalarAttributeType.S),
                    attribute("sk", ScalarAttributeType.N),
                    attribute("owner", ScalarAttributeType.S),
                    attribute("at", ScalarAttributeType.S))
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("byOwner")
                        .keySchema(key("owner", KeyType.HASH))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .build())
                .localSecondaryIndexes(
                    LocalSecondaryIndex.builder()
                        .indexName("byAt")
                        .keySchema(key("pk", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
    for (int i = 0; i < 10; i++) {
      int sk = i;
      ddb.putItem(
          b ->
              b.tableName("Events")
                  .item(
                      item(
                          "pk",
                          "p" + (sk % 3),
                          "sk",
                          n(Integer.toString(sk)),
                          "owner",
                          sk % 2 == 0 ? "even" : "odd",
                          "at",
                          "t" + (9 - sk),
                          "payload",
                          "x")));
    }
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  @DisplayName("Scan pages with Limit and LastEvaluatedKey visit every item once, stable order")
  void scanPages() {
    List<Map<String, AttributeValue>> all = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    int pages = 0;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse r = ddb.scan(b -> b.tableName("Events").limit(3).exclusiveStartKey(from));
      assertThat(r.scannedCount()).isLessThanOrEqualTo(3);
      all.addAll(r.items());
      start =
          r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
      pages++;
    } while (start != null);
    assertThat(all).hasSize(10).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(4);
    assertThat(ddb.scan(b -> b.tableName("Events")).items()).isEqualTo(all);
  }

  @Test
  @DisplayName("Parallel scan segments partition the items, each item in exactly one segment")
  void parallelScan() {
    Set<Map<String, AttributeValue>> seen = new HashSet<>();
    int total = 0;
    for (int segment = 0; segment < 4; segment++) {
      int s = segment;
      List<Map<String, AttributeValue>> items =
          ddb
              .scanPaginator(b -> b.tableName("Events").segment(s).totalSegments(4).limit(2))
              .items()
              .stream()
              .toList();
      total += items.size();
      seen.addAll(items);
    }
    assertThat(total).isEqualTo(10);
    assertThat(seen).hasSize(10);
    assertThatThrownBy(() -> ddb.scan(b -> b.tableName("Events").segment(4).totalSegments(4)))
        .hasMessageContaining("Segment: 4 is out of bounds for TotalSegments: 4");
  }

  @Test
  @DisplayName("Scan on a KEYS_ONLY GSI returns index and table keys, and only items with the key")
  void indexScan() {
    ddb.putItem(b -> b.tableName("Events").item(item("pk", "sparse", "sk", n("1"))));
    ScanResponse r = ddb.scan(b -> b.tableName("Events").indexName("byOwner"));
    assertThat(r.count()).isEqualTo(10);
    assertThat(r.items().get(0)).containsOnlyKeys("pk", "sk", "owner");
    ddb.deleteItem(b -> b.tableName("Events").key(item("pk", "sparse", "sk", n("1"))));
  }

  @Test
  @DisplayName("Index key attributes: wrong type or empty string are rejected, naming the index")
  void indexKeyRules() {
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b ->
                        b.tableName("Events").item(item("pk", "i", "sk", n("1"), "owner", n("5")))))
        .hasMessageContaining(
            "Type mismatch for Index Key owner Expected: S Actual: N IndexName: byOwner");
    assertThatThrownBy(
            () ->
                ddb.putItem(
                    b -> b.tableName("Events").item(item("pk", "i", "sk", n("1"), "at", ""))))
        .hasMessageContaining("IndexName: byAt, IndexKey: at");
    ddb.putItem(b -> b.tableName("Events").item(item("pk", "i", "sk", n("1"), "note", "")));
    ddb.deleteItem(b -> b.tableName("Events").key(item("pk", "i", "sk", n("1"))));
  }

  @Test
  @DisplayName("ConsistentRead on a GSI is a ValidationException; an unknown index too")
  void gsiConsistentRead() {
    assertThatThrownBy(
            () -> ddb.scan(b -> b.tableName("Events").indexName("byOwner").consistentRead(true)))
        .hasMessageContaining("Consistent reads are not supported on global secondary indexes");
    assertThatThrownBy(() -> ddb.scan(b -> b.tableName("Events").indexName("nope")))
        .hasMessageContaining("The table does not have the specified index: nope");
  }

  @Test
  @DisplayName("Scan with Select COUNT returns Count and ScannedCount without Items")
  void scanCount() {
    ScanResponse r = ddb.scan(b -> b.tableName("Events").select(Select.COUNT));
    assertThat(r.count()).isEqualTo(10);
    assertThat(r.scannedCount()).isEqualTo(10);
    assertThat(r.hasItems()).isFalse();
  }

  @Test
  @DisplayName("Scan stops a page after 1 MB read and returns LastEvaluatedKey")
  void scanPageLimit() {
    ddb.createTable(
        b ->
            b.tableName("Big")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)));
    String payload = repeat('z', 300 * 1024);
    for (int i = 0; i < 5; i++) {
      String pk = "big" + i;
      ddb.putItem(b -> b.tableName("Big").item(item("pk", pk, "v", payload)));
    }
    ScanResponse r = ddb.scan(b -> b.tableName("Big"));
    assertThat(r.count()).isEqualTo(4);
    assertThat(r.lastEvaluatedKey()).isNotEmpty();
  }

  // ---- behaviour that needs the expression language ----

  @Test
  @DisplayName("Query returns a partition in sort key order, reversed with ScanIndexForward=false")
  void queryOrder() {
    QueryResponse r =
        ddb.query(
            b ->
                b.tableName("Events")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p0"))));
    assertThat(r.items()).extracting(i -> i.get("sk").n()).containsExactly("0", "3", "6", "9");
    QueryResponse back =
        ddb.query(
            b ->
                b.tableName("Events")
                    .keyConditionExpression("pk = :p AND sk > :min")
                    .expressionAttributeValues(Map.of(":p", s("p0"), ":min", n("0")))
                    .scanIndexForward(false));
    assertThat(back.items()).extracting(i -> i.get("sk").n()).containsExactly("9", "6", "3");
  }

  @Test
  @DisplayName("Query Limit counts items evaluated before the FilterExpression")
  void queryLimitBeforeFilter() {
    QueryResponse r =
        ddb.query(
            b ->
                b.tableName("Events")
                    .keyConditionExpression("pk = :p")
                    .filterExpression("#o = :odd")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":p", s("p0"), ":odd", s("odd")))
                    .limit(2));
    assertThat(r.scannedCount()).isEqualTo(2);
    assertThat(r.count()).isEqualTo(1);
    assertThat(r.lastEvaluatedKey()).containsOnlyKeys("pk", "sk");
  }

  @Test
  @DisplayName("Query on a GSI pages with LastEvaluatedKey holding index and table keys")
  void queryIndexPages() {
    QueryResponse first =
        ddb.query(
            b ->
                b.tableName("Events")
                    .indexName("byOwner")
                    .keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", s("even")))
                    .limit(3));
    assertThat(first.lastEvaluatedKey()).containsOnlyKeys("pk", "sk", "owner");
    QueryResponse rest =
        ddb.query(
            b ->
                b.tableName("Events")
                    .indexName("byOwner")
                    .keyConditionExpression("#o = :o")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":o", s("even")))
                    .exclusiveStartKey(first.lastEvaluatedKey()));
    assertThat(first.count() + rest.count()).isEqualTo(5);
  }

  @Test
  @DisplayName("Query on an LSI orders by the index sort key")
  void queryLocalIndex() {
    QueryResponse r =
        ddb.query(
            b ->
                b.tableName("Events")
                    .indexName("byAt")
                    .keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p0"))));
    assertThat(r.items()).extracting(i -> i.get("at").s()).containsExactly("t0", "t3", "t6", "t9");
  }
}
