package dev.ddbstreams.backfill;

import dev.ddbstreams.DdbStreamsException;

/**
 * A segment of a backfill could not go on: a record of a page failed in the router (after the
 * router's own retries, and without a dead-letter sink that took it), or the scan or the checkpoint
 * store failed. The segment keeps its last checkpoint, so a later run resumes it there. Messages
 * name the segment, the record's event ID and the handler, never item values.
 */
public final class BackfillException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final int segment;

  /**
   * Creates the exception.
   *
   * @param segment the segment that failed
   * @param message what failed, without attribute values
   * @param cause the underlying failure
   */
  public BackfillException(int segment, String message, Throwable cause) {
    super("Segment " + segment + ": " + message, cause);
    this.segment = segment;
  }

  /**
   * Returns the segment that failed.
   *
   * @return the segment number
   */
  public int segment() {
    return segment;
  }
}
