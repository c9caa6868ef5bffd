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
package dev.ddbstreams.backfill;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a run of a {@link TableBackfill} did: every segment of this process's share with its status,
 * and totals. A run that was stopped, or in which a segment failed every attempt, says here which
 * segments are done and which a later run must still do.
 *
 * @param backfill the backfill's name
 * @param totalSegments how many segments the table's scan is split into
 * @param segments this process's segments, in order
 * @param elapsed how long the run took
 * @param capacityUnits read capacity units the run's scans consumed
 */
public record BackfillReport(
    String backfill,
    int totalSegments,
    List<SegmentReport> segments,
    Duration elapsed,
    double capacityUnits) {

  /**
   * Creates the value, copying the list so it stays immutable.
   *
   * @param backfill the backfill's name
   * @param totalSegments how many segments the table's scan is split into
   * @param segments this process's segments, in order
   * @param elapsed how long the run took
   * @param capacityUnits read capacity units the run's scans consumed
   */
  public BackfillReport {
    segments = List.copyOf(segments);
  }

  /**
   * Returns whether every segment of this process's share is done.
   *
   * @return {@code true} if no segment needs another run
   */
  public boolean isComplete() {
    return segments.stream().noneMatch(s -> s.status().needsAnotherRun());
  }

  /**
   * Returns the segments that are done.
   *
   * @return segment numbers, ascending
   */
  public List<Integer> segmentsDone() {
    return numbers(false);
  }

  /**
   * Returns the segments a later run must still do: stopped, failed or not started.
   *
   * @return segment numbers, ascending
   */
  public List<Integer> segmentsNotDone() {
    return numbers(true);
  }

  /**
   * Returns the segments that failed every attempt.
   *
   * @return their reports, in segment order
   */
  public List<SegmentReport> failed() {
    return segments.stream().filter(s -> s.status() == SegmentStatus.FAILED).toList();
  }

  /**
   * Returns how many items the router finished in this run.
   *
   * @return the count
   */
  public long itemsThisRun() {
    return segments.stream().mapToLong(SegmentReport::itemsThisRun).sum();
  }

  /**
   * Returns how many items of this process's segments the router has finished, in this run and
   * earlier ones.
   *
   * @return the count
   */
  public long items() {
    return segments.stream().mapToLong(SegmentReport::items).sum();
  }

  private List<Integer> numbers(boolean notDone) {
    return segments.stream()
        .filter(s -> s.status().needsAnotherRun() == notDone)
        .map(SegmentReport::segment)
        .toList();
  }

  /**
   * Summarises the run in one line: segments done and not, items, time, capacity. Never prints item
   * values.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    List<Integer> notDone = segmentsNotDone();
    double seconds = elapsed.toMillis() / 1000.0;
    return String.format(
        Locale.ROOT,
        "Backfill %s: %s; segments done: %s of %d%s; %,d items in this run (%,d in all) in %.1f s"
            + " (%,.0f items/s), %,.1f read capacity units",
        backfill,
        isComplete() ? "complete" : "NOT complete",
        SegmentRanges.of(segmentsDone()),
        totalSegments,
        notDone.isEmpty()
            ? ""
            : "; not done: "
                + SegmentRanges.of(notDone)
                + (failed().isEmpty()
                    ? ""
                    : " (failed: "
                        + SegmentRanges.of(failed().stream().map(SegmentReport::segment).toList())
                        + ")"),
        itemsThisRun(),
        items(),
        seconds,
        seconds > 0 ? itemsThisRun() / seconds : 0.0,
        capacityUnits);
  }
}
