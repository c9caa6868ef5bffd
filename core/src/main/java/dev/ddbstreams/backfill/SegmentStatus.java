package dev.ddbstreams.backfill;

/** Where one segment of a backfill stands at the end of a run. */
public enum SegmentStatus {
  /**
   * Every item of the segment was read and the router finished it, in this run or an earlier one.
   */
  DONE,
  /**
   * The run was stopped while the segment was under way; a later run resumes it at its checkpoint.
   */
  STOPPED,
  /**
   * The segment failed every attempt; a later run resumes it at its checkpoint, after the last page
   * the router finished.
   */
  FAILED,
  /** The run was stopped before the segment began. */
  NOT_STARTED;

  /**
   * Returns whether a later run still has work in this segment.
   *
   * @return {@code true} for every status but {@link #DONE}
   */
  public boolean needsAnotherRun() {
    return this != DONE;
  }
}
