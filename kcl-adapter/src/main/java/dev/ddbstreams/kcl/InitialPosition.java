package dev.ddbstreams.kcl;

/**
 * Where a consumer starts reading a shard that has no checkpoint yet. Shards with a checkpoint in
 * the lease table always resume from it.
 */
public enum InitialPosition {
  /** The oldest record still in the stream (up to 24 hours back). Nothing is missed. */
  TRIM_HORIZON,
  /** Only records written after the consumer first took the shard's lease. */
  LATEST
}
