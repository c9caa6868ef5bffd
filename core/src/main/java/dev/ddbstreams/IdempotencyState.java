package dev.ddbstreams;

/** What {@link IdempotencyStore#begin} found for a key. */
public enum IdempotencyState {
  /** No one had started: the caller now holds the in-progress lease and must run the handler. */
  NEW,
  /** Another caller holds an unexpired in-progress lease: do not run; retry later. */
  IN_PROGRESS,
  /** The handler already finished this record: do not run again. */
  COMPLETED
}
