package dev.ddbstreams.backfill;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a run did with one segment.
 *
 * @param segment the segment
 * @param status where it stands
 * @param items items of the segment the router has finished, in this run and earlier ones
 * @param itemsThisRun items the router finished in this run
 * @param attempts how many attempts this run made, 0 if the segment was done before or not started
 * @param failure the last attempt's failure, for a {@link SegmentStatus#FAILED} segment, else
 *     {@code null}
 */
public record SegmentReport(
    int segment,
    SegmentStatus status,
    long items,
    long itemsThisRun,
    int attempts,
    @Nullable Throwable failure) {

  /**
   * Returns the last attempt's failure of a failed segment.
   *
   * @return the failure or empty
   */
  public Optional<Throwable> error() {
    return Optional.ofNullable(failure);
  }

  /**
   * Describes the segment by numbers and the failure's type only: a handler's message may quote an
   * item.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "segment "
        + segment
        + ": "
        + status
        + ", "
        + items
        + " items ("
        + itemsThisRun
        + " in this run), "
        + attempts
        + (attempts == 1 ? " attempt" : " attempts")
        + (failure == null ? "" : ", error=" + failure.getClass().getName());
  }
}
