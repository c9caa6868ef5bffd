package dev.ddbstreams.lambda;

/** Where a new event source mapping starts reading a stream. */
public enum StartingPosition {
  /** The oldest record still in the stream (up to 24 hours old). */
  TRIM_HORIZON,
  /** Only records written after the mapping was created. */
  LATEST
}
