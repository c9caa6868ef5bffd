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

import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.SnapshotMatch;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
 * <p><b>Order and duplicates.</b> Every write goes through a {@link SequenceGuard}: each replicated
 * item carries {@value #SEQUENCE}, the stream sequence number of the record that wrote it, and puts
 * and deletes apply only over an older one (or none), so a redelivered or stale record is skipped
 * instead of rolling the item back. Applying a record twice is harmless even without an idempotency
 * store.
 *
 * <p><b>Backfills.</b> The handlers take snapshot records too, so a new replica can be filled from
 * the whole table ({@code TableBackfill}) while the stream keeps it current. A snapshot applies
 * only where no stream change wrote; a delete leaves a tombstone (the key, its sequence number and
 * {@value #DELETED_UNTIL}) so that a snapshot read before the delete cannot bring the item back.
 * Readers of the replica skip items with {@value #DELETED_UNTIL}; the replica table's TTL on that
 * attribute removes them after two days, and {@link #purgeTombstones()} at once, when no backfill
 * runs. Thread-safe.
 */
public final class CrossRegionReplication {
  /** The attribute holding the sequence number of the change that wrote a replica item. */
  public static final String SEQUENCE = "replicatedSequence";

  /**
   * The attribute that marks a tombstone in the replica and holds its expiry (epoch seconds): make
   * it the replica table's TTL attribute and DynamoDB removes tombstones two days after the delete.
   */
  public static final String DELETED_UNTIL = "deletedUntil";

  private static final SequenceGuard GUARD =
      SequenceGuard.inAttribute(SEQUENCE).withTombstones(DELETED_UNTIL, Duration.ofDays(2));

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

  @OnChange(pk = "USER#", snapshots = SnapshotMatch.INCLUDE)
  void userData(StreamRecord<Map<String, Object>> change) {
    GUARD.apply(replica, table, change);
  }

  @OnChange(sk = "ACTIVITY#", snapshots = SnapshotMatch.INCLUDE)
  void activity(StreamRecord<Map<String, Object>> change) {
    GUARD.apply(replica, table, change);
  }

  /**
   * Deletes the replica's tombstones; run it when no backfill of the primary is running.
   *
   * @return how many were deleted
   */
  public int purgeTombstones() {
    return GUARD.purgeTombstones(replica, table);
  }
}
