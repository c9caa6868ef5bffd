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

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.SnapshotMatch;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream guide's materialized view: an activity count per pet ({@code PK = LEADERBOARD}, {@code
 * SK = PET#petId}), incremented with {@code ADD activityCount :inc} for every activity.
 *
 * <p>{@code ADD} is not idempotent, and an idempotency store alone leaves a window: a worker that
 * dies after the {@code ADD} but before marking the record done counts it again on redelivery. So
 * the handler stages the {@code ADD} on {@link TransactionalWrites}, and the router commits it in
 * one transaction with the record's idempotency mark.
 *
 * <p><b>Each activity counts once</b>, however it arrives: the handler takes the snapshot records
 * of a backfill too, and an activity written while a backfill runs reaches it twice, as a snapshot
 * and as its stream INSERT: two records, two idempotency marks. So the transaction also puts a
 * marker beside the activity ({@code PK = PET#petId}, {@code SK = COUNTED#ACTIVITY#...}) that may
 * not exist yet; a handler that finds the marker stages nothing. If the two arrive at the same
 * moment, one commit is cancelled by the marker's condition, and the retry finds the marker.
 *
 * <p>Its own writes come back on the stream as records with {@code PK = LEADERBOARD} or {@code SK =
 * COUNTED#...}; it matches only {@code ACTIVITY#} sort keys, so they never trigger it. Thread-safe:
 * it keeps no state.
 */
public final class Leaderboard {
  /** The partition key of every leaderboard item. */
  public static final String PARTITION = "LEADERBOARD";

  /** The sort key prefix of the markers of counted activities. */
  public static final String COUNTED = "COUNTED#";

  private final DynamoDbClient dynamo;
  private final String table;

  /**
   * Creates the handler. Its router needs a {@code DynamoDbIdempotencyStore} whose client can write
   * the table, and a retry policy of at least two attempts.
   *
   * @param dynamo the client that reads the markers
   * @param table the PetTracker table's name
   */
  public Leaderboard(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#", snapshots = SnapshotMatch.INCLUDE)
  void count(StreamRecord<Activity> change, TransactionalWrites writes) {
    Map<String, AttributeValue> marker =
        Map.of(
            "PK", change.keys().get("PK"),
            "SK", AttributeValue.fromS(COUNTED + change.keys().get("SK").s()));
    if (dynamo.getItem(b -> b.tableName(table).key(marker).consistentRead(true)).hasItem()) {
      return; // counted already, from the other record of the same activity
    }
    Map<String, AttributeValue> item = new HashMap<>(marker);
    item.put("entityType", AttributeValue.fromS("COUNTED"));
    writes.put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
    writes.update(
        u ->
            u.tableName(table)
                .key(
                    Map.of(
                        "PK", AttributeValue.fromS(PARTITION),
                        "SK",
                            AttributeValue.fromS("PET#" + change.newImage().orElseThrow().petId())))
                .updateExpression("ADD activityCount :inc SET entityType = :e")
                .expressionAttributeValues(
                    Map.of(
                        ":inc", AttributeValue.fromN("1"),
                        ":e", AttributeValue.fromS("LEADERBOARD"))));
  }
}
