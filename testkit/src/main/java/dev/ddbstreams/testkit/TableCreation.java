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
package dev.ddbstreams.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The requests that create a validated {@link StreamTable}. */
final class TableCreation {

  private static final Duration ACTIVE_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private TableCreation() {}

  /** Creates the table, waits until it is ACTIVE, enables TTL if asked; returns the stream ARN. */
  static String create(
      DynamoDbClient client,
      String name,
      StreamTable.KeyAttribute partitionKey,
      StreamTable.@Nullable KeyAttribute sortKey,
      StreamViewType viewType,
      @Nullable String ttlAttribute) {
    List<KeySchemaElement> keySchema = new ArrayList<>();
    List<AttributeDefinition> definitions = new ArrayList<>();
    addKey(partitionKey, KeyType.HASH, keySchema, definitions);
    if (sortKey != null) {
      addKey(sortKey, KeyType.RANGE, keySchema, definitions);
    }
    String streamArn =
        client
            .createTable(
                b ->
                    b.tableName(name)
                        .keySchema(keySchema)
                        .attributeDefinitions(definitions)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)))
            .tableDescription()
            .latestStreamArn();
    awaitActive(client, name);
    if (ttlAttribute != null) {
      client.updateTimeToLive(
          b ->
              b.tableName(name)
                  .timeToLiveSpecification(t -> t.enabled(true).attributeName(ttlAttribute)));
    }
    return streamArn;
  }

  private static void awaitActive(DynamoDbClient client, String name) {
    long deadline = System.nanoTime() + ACTIVE_TIMEOUT.toNanos();
    while (client.describeTable(b -> b.tableName(name)).table().tableStatus()
        != TableStatus.ACTIVE) {
      if (System.nanoTime() - deadline >= 0) {
        throw new IllegalStateException(
            "Table " + name + " is not ACTIVE " + ACTIVE_TIMEOUT.toSeconds() + " s after creation");
      }
      Sleeper.sleep(POLL_INTERVAL, "table " + name + " to become ACTIVE");
    }
  }

  private static void addKey(
      StreamTable.KeyAttribute key,
      KeyType keyType,
      List<KeySchemaElement> keySchema,
      List<AttributeDefinition> definitions) {
    keySchema.add(KeySchemaElement.builder().attributeName(key.name()).keyType(keyType).build());
    definitions.add(
        AttributeDefinition.builder().attributeName(key.name()).attributeType(key.type()).build());
  }
}
