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

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an event source mapping sends to its on-failure destination when it gives up on records:
 * where they are in the stream, not the records themselves (like Lambda's {@code
 * DDBStreamBatchInfo}), so they can be read again from the stream within its 24 hour retention.
 * {@link OnFailureMessages} reads the JSON Lambda sends; {@link StreamRedrive} reads the records
 * back and runs them through a router again.
 *
 * @param streamArn the stream
 * @param shardId the shard
 * @param startSequenceNumber the first record's sequence number
 * @param endSequenceNumber the last record's sequence number
 * @param approximateArrivalOfFirstRecord the first record's creation time, if it has one
 * @param approximateArrivalOfLastRecord the last record's creation time, if it has one
 * @param batchSize how many records were given up
 * @param condition why
 * @param approximateInvokeCount how many times the function was invoked with these records
 */
public record FailedBatch(
    String streamArn,
    String shardId,
    String startSequenceNumber,
    String endSequenceNumber,
    @Nullable Instant approximateArrivalOfFirstRecord,
    @Nullable Instant approximateArrivalOfLastRecord,
    int batchSize,
    Condition condition,
    int approximateInvokeCount) {

  /** Why records were given up. */
  public enum Condition {
    /** {@code MaximumRetryAttempts} retries failed ({@code RetryAttemptsExhausted}). */
    RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
    /**
     * The records became older than {@code MaximumRecordAgeInSeconds} ({@code RecordAgeExceeded}).
     */
    RECORD_AGE_EXCEEDED("RecordAgeExceeded"),
    /**
     * A condition this version does not know, read from a message. Redriving does not depend on the
     * condition.
     */
    UNKNOWN("Unknown");

    private final String wireName;

    Condition(String wireName) {
      this.wireName = wireName;
    }

    /**
     * Returns the name in Lambda's on-failure record, such as {@code RetryAttemptsExhausted}.
     *
     * @return the name
     */
    public String wireName() {
      return wireName;
    }

    /**
     * Reads the name in Lambda's on-failure record.
     *
     * @param name the name, such as {@code RecordAgeExceeded}
     * @return the condition, {@link #UNKNOWN} for any other name
     */
    public static Condition fromWireName(@Nullable String name) {
      for (Condition c : values()) {
        if (c != UNKNOWN && c.wireName.equals(name)) {
          return c;
        }
      }
      return UNKNOWN;
    }
  }

  /**
   * Describes the batch by its coordinates.
   *
   * @return stream, shard, sequence range, size and condition
   */
  @Override
  public String toString() {
    return "FailedBatch{"
        + streamArn
        + " "
        + shardId
        + " ["
        + startSequenceNumber
        + ".."
        + endSequenceNumber
        + "], "
        + batchSize
        + " records, "
        + condition.wireName()
        + ", invoked "
        + approximateInvokeCount
        + "x}";
  }
}
