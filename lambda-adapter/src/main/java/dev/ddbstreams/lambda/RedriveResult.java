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
package dev.ddbstreams.lambda;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import java.util.List;
import java.util.Locale;

/**
 * What {@link StreamRedrive} did with one {@link FailedBatch}: how many of its records it read back
 * from the stream, what the router did with them, and which parts of the batch could not be read
 * back. Records are never skipped silently: a part of the batch no longer in the stream is a {@link
 * Gap}.
 *
 * @param batch the batch given up by the event source mapping
 * @param recordsRead how many records between the batch's first and last sequence numbers were read
 *     back (the batch's size, unless the mapping filtered records or part of it is gone)
 * @param result what the router did with them; empty if none was read or it was a dry run
 * @param gaps the parts of the batch that could not be read back, in order
 * @param dryRun whether the records were only read, not routed
 */
public record RedriveResult(
    FailedBatch batch, int recordsRead, BatchResult result, List<Gap> gaps, boolean dryRun) {

  /**
   * Creates the value, copying the list so it stays immutable.
   *
   * @param batch the batch given up by the event source mapping
   * @param recordsRead how many records of the batch were read back
   * @param result what the router did with them
   * @param gaps the parts of the batch that could not be read back
   * @param dryRun whether the records were only read
   */
  public RedriveResult {
    gaps = List.copyOf(gaps);
  }

  /** Why a part of a batch could not be read back. */
  public enum Reason {
    /** The stream's 24-hour retention trimmed the records. */
    TRIMMED,
    /** The shard (or the whole stream) no longer exists. */
    SHARD_GONE,
    /** Reading stopped before the batch's last sequence number came up. */
    NOT_FOUND
  }

  /**
   * A part of a batch that could not be read back: sequence numbers from {@code from} to {@code
   * to}, {@code to} included or not.
   *
   * @param reason why
   * @param from the first sequence number of the part, included
   * @param to where the part ends
   * @param toIncluded whether {@code to} is part of it ({@code false} when {@code to} is the first
   *     record that was read back)
   */
  public record Gap(Reason reason, String from, String to, boolean toIncluded) {
    /**
     * Describes the gap, such as {@code TRIMMED [100, 250)}.
     *
     * @return the description
     */
    @Override
    public String toString() {
      return reason + " [" + from + ", " + to + (toIncluded ? "]" : ")");
    }
  }

  /**
   * Returns whether the whole batch was read back and the router finished every record.
   *
   * @return {@code true} if nothing of the batch is left to do
   */
  public boolean isComplete() {
    return gaps.isEmpty() && !dryRun && result.isComplete();
  }

  /**
   * Returns whether the router failed a record again.
   *
   * @return {@code true} if a record still needs a retry
   */
  public boolean failedAgain() {
    return !dryRun && !result.isComplete();
  }

  /**
   * Describes the outcome in one line, by coordinates and counts only.
   *
   * @return the line
   */
  @Override
  public String toString() {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s [%s..%s]: %d of %d records read back",
                batch.shardId(),
                batch.startSequenceNumber(),
                batch.endSequenceNumber(),
                recordsRead,
                batch.batchSize()));
    if (dryRun) {
      line.append(", not run (dry run)");
    } else if (recordsRead > 0) {
      line.append(
          String.format(
              Locale.ROOT,
              "; handled %d, duplicates %d, no handler %d, filtered %d, dead-lettered %d,"
                  + " failed %d, not run %d",
              result.count(RecordStatus.HANDLED),
              result.count(RecordStatus.DUPLICATE),
              result.count(RecordStatus.NO_MATCH),
              result.count(RecordStatus.FILTERED),
              result.count(RecordStatus.DEAD_LETTERED),
              result.count(RecordStatus.FAILED),
              result.count(RecordStatus.NOT_RUN)));
    }
    for (Gap gap : gaps) {
      line.append("; NOT read back: ").append(gap);
    }
    return line.toString();
  }
}
