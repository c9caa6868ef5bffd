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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Tables of test items with keys {@code PK}/{@code SK}, written and read back. */
final class Items {
  private Items() {}

  static void createTable(DynamoDbClient client, String table, boolean stream) {
    client.createTable(
        b -> {
          b.tableName(table)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(
                  AttributeDefinition.builder()
                      .attributeName("PK")
                      .attributeType(ScalarAttributeType.S)
                      .build(),
                  AttributeDefinition.builder()
                      .attributeName("SK")
                      .attributeType(ScalarAttributeType.S)
                      .build())
              .keySchema(
                  KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                  KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build());
          if (stream) {
            b.streamSpecification(
                s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
          }
        });
  }

  static Map<String, AttributeValue> item(int i, int padding) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("PK", AttributeValue.fromS("USER#" + (i % 97)));
    item.put("SK", AttributeValue.fromS("PET#" + i));
    item.put("name", AttributeValue.fromS("Pet-" + i));
    item.put("weightKg", AttributeValue.fromN(Integer.toString(2 + i % 40)));
    if (padding > 0) {
      item.put("notes", AttributeValue.fromS("x".repeat(padding)));
    }
    return item;
  }

  /** Writes items 0 to {@code count - 1}. */
  static void write(DynamoDbClient client, String table, int count, int padding) {
    List<WriteRequest> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(item(i, padding)).build())
              .build());
      if (batch.size() == 25 || i == count - 1) {
        List<WriteRequest> requests = List.copyOf(batch);
        client.batchWriteItem(b -> b.requestItems(Map.of(table, requests)));
        batch.clear();
      }
    }
  }

  /** Every item of a table by {@code PK + " " + SK}, read consistently. */
  static Map<String, Map<String, AttributeValue>> all(DynamoDbClient client, String table) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    client
        .scanPaginator(b -> b.tableName(table).consistentRead(true))
        .items()
        .forEach(item -> items.put(key(item), item));
    return items;
  }

  static String key(Map<String, AttributeValue> item) {
    return item.get("PK").s() + " " + item.get("SK").s();
  }
}
