package dev.ddbstreams.annotation;

/**
 * Whether a handler of INSERT records also takes snapshot records: a table's existing items that a
 * backfill feeds through the router ({@code StreamRecord.isSnapshot()}).
 */
public enum SnapshotMatch {
  /**
   * Stream records only; snapshots pass the handler by. The default, so that a handler written for
   * new items (a welcome message, a first-order coupon) is never called for every item that already
   * exists when a backfill runs.
   */
  EXCLUDE,
  /**
   * Stream INSERT records and snapshots alike: for handlers that build a view of the table (a
   * search index, a replica, a leaderboard) and must see the items written before the stream's
   * 24-hour window.
   */
  INCLUDE,
  /** Snapshots only: for work that only a backfill does. */
  ONLY
}
