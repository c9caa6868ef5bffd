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
package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps a daily activity summary per pet ({@code PK = PET#id}, {@code SK = SUMMARY#date}) in the
 * same table. Summaries are written back to the stream's own table; the handler matches only {@code
 * ACTIVITY#} items, so its own writes never trigger it again.
 */
public final class ActivitySummaries {
  private final DynamoDbClient dynamo;
  private final String table;

  /**
   * Creates the handler.
   *
   * @param dynamo the client of the PetTracker table
   * @param table the table name
   */
  public ActivitySummaries(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#")
  void summarise(Activity activity) {
    String date = activity.timestamp().substring(0, 10);
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(
                    Map.of(
                        "PK", AttributeValue.fromS("PET#" + activity.petId()),
                        "SK", AttributeValue.fromS("SUMMARY#" + date)))
                .updateExpression(
                    "ADD activityCount :one SET lastActivity = :type, entityType = :e")
                .expressionAttributeValues(
                    Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":type", AttributeValue.fromS(activity.type()),
                        ":e", AttributeValue.fromS("SUMMARY"))));
  }
}
