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

import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream guide's materialized view: an activity count per pet ({@code PK = LEADERBOARD}, {@code
 * SK = PET#petId}), incremented with {@code ADD activityCount :inc} for every new activity.
 *
 * <p>{@code ADD} is not idempotent, and an idempotency store alone leaves a window: a worker that
 * dies after the {@code ADD} but before marking the record done counts it again on redelivery. So
 * the handler stages the {@code ADD} on {@link TransactionalWrites}, and the router commits it in
 * one transaction with the record's idempotency mark: each activity is counted exactly once. Its
 * own writes come back on the stream as records with {@code PK = LEADERBOARD}; it matches only
 * {@code ACTIVITY#} sort keys, so they never trigger it. Thread-safe: it keeps no state.
 */
public final class Leaderboard {
  /** The partition key of every leaderboard item. */
  public static final String PARTITION = "LEADERBOARD";

  private final String table;

  /**
   * Creates the handler. Its router needs a {@code DynamoDbIdempotencyStore} whose client can write
   * the table.
   *
   * @param table the PetTracker table's name
   */
  public Leaderboard(String table) {
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#")
  void count(Activity activity, TransactionalWrites writes) {
    writes.update(
        u ->
            u.tableName(table)
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
