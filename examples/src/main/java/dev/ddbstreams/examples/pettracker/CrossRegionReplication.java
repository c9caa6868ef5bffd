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
import dev.ddbstreams.annotation.OnChange;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The stream guide's cross-region replication: copies the PetTracker table's own data (everything
 * under {@code PK = USER#...}, and activities) into a replica table, usually in another region.
 * INSERT and MODIFY put the new image; REMOVE deletes the key, user deletes and TTL expiries alike
 * (the replica should not run its own TTL: it expires what the primary expires, when it does).
 *
 * <p>Derived items (daily summaries, the leaderboard) are not replicated: they are computed from
 * the replicated data, so a consumer in the replica's region can compute them there, and copying
 * them would add two replica writes to every activity.
 *
 * <p><b>Order and duplicates.</b> Every replicated item carries {@value #SEQUENCE}, the stream
 * sequence number of the record that wrote it, zero-padded to 40 digits so that DynamoDB's string
 * comparison orders it as a number. Puts and deletes are conditional on the replica holding an
 * older record (or none), so a redelivered or stale record is skipped instead of rolling the item
 * back; applying a record twice is harmless even without an idempotency store. A delete removes the
 * sequence with the item: a stale put replayed after it would bring the item back until the delete
 * is replayed too. Lambda and KCL replay a shard in order from a checkpoint, so the delete always
 * follows and the replica converges; changes to one item stay on one shard, in order. Thread-safe.
 */
public final class CrossRegionReplication {
  /** The attribute holding the sequence number of the change that wrote a replica item. */
  public static final String SEQUENCE = "replicatedSequence";

  private static final String NEWER_ONLY = "attribute_not_exists(#seq) OR #seq < :seq";
  private static final Map<String, String> NAMES = Map.of("#seq", SEQUENCE);

  private final DynamoDbClient replica;
  private final String table;

  /**
   * Creates the handler.
   *
   * @param replica a client of the replica's region
   * @param table the replica table, with the primary's key schema
   */
  public CrossRegionReplication(DynamoDbClient replica, String table) {
    this.replica = replica;
    this.table = table;
  }

  @OnChange(pk = "USER#")
  void userData(StreamRecord<Map<String, Object>> change) {
    apply(change);
  }

  @OnChange(sk = "ACTIVITY#")
  void activity(StreamRecord<Map<String, Object>> change) {
    apply(change);
  }

  private void apply(StreamRecord<?> change) {
    Map<String, AttributeValue> sequence = Map.of(":seq", padded(change.sequenceNumber()));
    try {
      switch (change.eventName()) {
        case INSERT, MODIFY -> {
          Map<String, AttributeValue> item = new HashMap<>(change.rawNewImage().orElseThrow());
          item.put(SEQUENCE, sequence.get(":seq"));
          replica.putItem(
              b ->
                  b.tableName(table)
                      .item(item)
                      .conditionExpression(NEWER_ONLY)
                      .expressionAttributeNames(NAMES)
                      .expressionAttributeValues(sequence));
        }
        case REMOVE ->
            replica.deleteItem(
                b ->
                    b.tableName(table)
                        .key(change.keys())
                        .conditionExpression(NEWER_ONLY)
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(sequence));
      }
    } catch (ConditionalCheckFailedException stale) {
      // The replica already holds this change or a later one: nothing to do.
    }
  }

  /**
   * Returns a sequence number as a 40-digit string: stream sequence numbers have up to 40 digits,
   * and equal-length digit strings compare like the numbers.
   */
  static AttributeValue padded(String sequenceNumber) {
    return AttributeValue.fromS(
        "0".repeat(Math.max(0, 40 - sequenceNumber.length())) + sequenceNumber);
  }
}
