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
package dev.ddbstreams.idempotency;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Creates an idempotency table for local use: on-demand, key {@code id}, TTL on expiration. */
final class IdempotencyTableSetup {
  private IdempotencyTableSetup() {}

  /**
   * Creates the table unless it exists, waits until it is active, and enables TTL on {@link
   * IdempotencyTable#EXPIRATION} unless TTL is on already.
   *
   * @param client the client
   * @param tableName the table's name
   */
  static void create(DynamoDbClient client, String tableName) {
    try {
      client.createTable(
          r ->
              r.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(IdempotencyTable.ID)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder()
                          .attributeName(IdempotencyTable.ID)
                          .keyType(KeyType.HASH)
                          .build()));
    } catch (ResourceInUseException alreadyThere) {
      // Created earlier, or being created: wait for it below.
    }
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
      waiter.waitUntilTableExists(r -> r.tableName(tableName));
    }
    TimeToLiveStatus ttl =
        client
            .describeTimeToLive(r -> r.tableName(tableName))
            .timeToLiveDescription()
            .timeToLiveStatus();
    if (ttl != TimeToLiveStatus.ENABLED && ttl != TimeToLiveStatus.ENABLING) {
      client.updateTimeToLive(
          r ->
              r.tableName(tableName)
                  .timeToLiveSpecification(
                      s -> s.attributeName(IdempotencyTable.EXPIRATION).enabled(true)));
    }
  }
}
