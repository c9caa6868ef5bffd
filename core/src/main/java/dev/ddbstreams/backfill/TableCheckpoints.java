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
package dev.ddbstreams.backfill;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * {@link BackfillCheckpoints#inTable}: one item per segment, partition key {@code backfill}, sort
 * key {@code segment}. Loads read consistently, so a process sees what another saved just before.
 * Thread-safe, as the client is.
 */
final class TableCheckpoints implements BackfillCheckpoints {
  static final String BACKFILL = "backfill";
  static final String SEGMENT = "segment";

  private final DynamoDbClient client;
  private final String table;

  TableCheckpoints(DynamoDbClient client, String table) {
    this.client = client;
    this.table = table;
  }

  static void create(DynamoDbClient client, String table) {
    client.createTable(
        b ->
            b.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName(BACKFILL)
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName(SEGMENT)
                        .attributeType(ScalarAttributeType.N)
                        .build())
                .keySchema(
                    KeySchemaElement.builder()
                        .attributeName(BACKFILL)
                        .keyType(KeyType.HASH)
                        .build(),
                    KeySchemaElement.builder()
                        .attributeName(SEGMENT)
                        .keyType(KeyType.RANGE)
                        .build()));
    client.waiter().waitUntilTableExists(b -> b.tableName(table));
  }

  @Override
  public Map<Integer, SegmentCheckpoint> load(String backfill) {
    Map<Integer, SegmentCheckpoint> segments = new TreeMap<>();
    client
        .queryPaginator(
            b ->
                b.tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#b = :b")
                    .expressionAttributeNames(Map.of("#b", BACKFILL))
                    .expressionAttributeValues(Map.of(":b", AttributeValue.fromS(backfill))))
        .items()
        .forEach(
            item -> {
              SegmentCheckpoint checkpoint = checkpoint(item);
              segments.put(checkpoint.segment(), checkpoint);
            });
    return segments;
  }

  @Override
  public void save(String backfill, SegmentCheckpoint checkpoint) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(BACKFILL, AttributeValue.fromS(backfill));
    item.put(SEGMENT, number(checkpoint.segment()));
    item.put("totalSegments", number(checkpoint.totalSegments()));
    item.put("items", number(checkpoint.items()));
    item.put("done", AttributeValue.fromBool(checkpoint.done()));
    item.put("updatedAt", AttributeValue.fromS(Instant.now().toString()));
    if (!checkpoint.lastEvaluatedKey().isEmpty()) {
      item.put("lastEvaluatedKey", AttributeValue.fromM(checkpoint.lastEvaluatedKey()));
    }
    client.putItem(b -> b.tableName(table).item(item));
  }

  private SegmentCheckpoint checkpoint(Map<String, AttributeValue> item) {
    AttributeValue key = item.get("lastEvaluatedKey");
    return new SegmentCheckpoint(
        Integer.parseInt(item.get(SEGMENT).n()),
        Integer.parseInt(item.get("totalSegments").n()),
        key == null ? Map.of() : key.m(),
        Long.parseLong(item.get("items").n()),
        Boolean.TRUE.equals(item.get("done").bool()));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  @Override
  public String toString() {
    return "BackfillCheckpoints.inTable(" + table + ")";
  }
}
