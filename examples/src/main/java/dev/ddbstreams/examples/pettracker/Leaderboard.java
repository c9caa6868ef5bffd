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
 * The stream guide's materialized view: an activity count per pet ({@code PK = LEADERBOARD}, {@code
 * SK = PET#petId}), incremented with {@code ADD activityCount :inc} for every new activity.
 *
 * <p>{@code ADD} is not idempotent: a redelivered activity would be counted twice, so run this
 * handler behind an idempotency store. Its own writes come back on the stream as records with
 * {@code PK = LEADERBOARD}; it matches only {@code ACTIVITY#} sort keys, so they never trigger it.
 * Thread-safe: one update per call, and DynamoDB applies {@code ADD} atomically.
 */
public final class Leaderboard {
  /** The partition key of every leaderboard item. */
  public static final String PARTITION = "LEADERBOARD";

  private final DynamoDbClient dynamo;
  private final String table;

  /**
   * Creates the handler.
   *
   * @param dynamo the client of the PetTracker table
   * @param table the table name
   */
  public Leaderboard(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#")
  void count(Activity activity) {
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(
                    Map.of(
                        "PK", AttributeValue.fromS(PARTITION),
                        "SK", AttributeValue.fromS("PET#" + activity.petId())))
                .updateExpression("ADD activityCount :inc SET entityType = :e")
                .expressionAttributeValues(
                    Map.of(
                        ":inc", AttributeValue.fromN("1"),
                        ":e", AttributeValue.fromS("LEADERBOARD"))));
  }
}
