package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
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
 * store. Thread-safe.
 */
public final class CrossRegionReplication {
  /** The attribute holding the sequence number of the change that wrote a replica item. */
  public static final String SEQUENCE = "replicatedSequence";

  private static final SequenceGuard GUARD = SequenceGuard.inAttribute(SEQUENCE);

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
    GUARD.apply(replica, table, change);
  }

  @OnChange(sk = "ACTIVITY#")
  void activity(StreamRecord<Map<String, Object>> change) {
    GUARD.apply(replica, table, change);
  }
}
