package dev.ddbstreams;

/**
 * What identifies a record in idempotency keys. Snapshot records, which have no sequence number,
 * are identified by their event ID under either strategy: it is derived from the backfill's name
 * and the item's keys, so a resumed backfill repeats it and a new backfill does not.
 */
public enum IdempotencyKeyStrategy {
  /** The record's event ID, unique per stream record. The default. */
  EVENT_ID,
  /**
   * A SHA-256 hash of the item's key attributes and the record's sequence number: the same for a
   * record read from the stream directly and from a copy of it (for example a replay through
   * another channel that assigns new event IDs), and free of key values.
   */
  ITEM_KEY_AND_SEQUENCE
}
