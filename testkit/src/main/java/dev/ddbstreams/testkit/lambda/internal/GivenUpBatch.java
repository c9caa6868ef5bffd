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
package dev.ddbstreams.testkit.lambda.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Records the local event source mapping gives up on, by their place in the stream: what Lambda's
 * on-failure record holds in {@code DDBStreamBatchInfo} and {@code requestContext}. Written as JSON
 * by {@link OnFailureMessageWriter}; never holds record contents.
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
public record GivenUpBatch(
    String streamArn,
    String shardId,
    String startSequenceNumber,
    String endSequenceNumber,
    @Nullable Instant approximateArrivalOfFirstRecord,
    @Nullable Instant approximateArrivalOfLastRecord,
    int batchSize,
    Condition condition,
    int approximateInvokeCount) {

  /** Why records were given up, with the name Lambda writes in {@code requestContext.condition}. */
  public enum Condition {
    /** {@code MaximumRetryAttempts} retries failed. */
    RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
    /** The records became older than {@code MaximumRecordAgeInSeconds}. */
    RECORD_AGE_EXCEEDED("RecordAgeExceeded");

    private final String wireName;

    Condition(String wireName) {
      this.wireName = wireName;
    }

    /**
     * Returns the name in Lambda's on-failure record.
     *
     * @return such as {@code RetryAttemptsExhausted}
     */
    public String wireName() {
      return wireName;
    }
  }
}
