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
package dev.ddbstreams.testkit;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.SequenceNumber;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link BatchResult}; start with {@link
 * StreamAssertions#assertThat(BatchResult)}.
 *
 * <pre>{@code
 * assertThat(router.process(records))
 *     .hasNoFailures()
 *     .hasStatus(0, RecordStatus.HANDLED)
 *     .recordWasHandledBy(0, "com.example.PetHandlers#welcome");
 * }</pre>
 *
 * <p>Failure messages describe records by index, event ID and sequence number, never by values.
 */
public final class BatchResultAssert extends AbstractAssert<BatchResultAssert, BatchResult> {

  BatchResultAssert(BatchResult actual) {
    super(actual, BatchResultAssert.class);
  }

  /**
   * Checks that every record is done: nothing must be delivered again.
   *
   * @return this assertion
   */
  public BatchResultAssert hasNoFailures() {
    isNotNull();
    if (!actual.isComplete()) {
      failWithMessage(
          "Expected every record to be done, but these must be delivered again: %s",
          actual.outcomes().stream().filter(o -> o.status().needsRetry()).toList());
    }
    return this;
  }

  /**
   * Checks the checkpoint: the sequence number the stream resumes from.
   *
   * @param sequenceNumber the expected first failed sequence number
   * @return this assertion
   */
  public BatchResultAssert hasCheckpoint(String sequenceNumber) {
    isNotNull();
    String actualCheckpoint =
        actual.firstFailedSequenceNumber().map(SequenceNumber::toString).orElse(null);
    if (!sequenceNumber.equals(actualCheckpoint)) {
      failWithMessage(
          "Expected the checkpoint %s but it was %s in %s",
          sequenceNumber, actualCheckpoint, actual);
    }
    return this;
  }

  /**
   * Checks the status of one record.
   *
   * @param index the record's position in the batch
   * @param status the expected status
   * @return this assertion
   */
  public BatchResultAssert hasStatus(int index, RecordStatus status) {
    RecordOutcome outcome = outcome(index);
    if (outcome.status() != status) {
      failWithMessage(
          "Expected record %s to be %s but it was %s", outcome, status, outcome.status());
    }
    return this;
  }

  /**
   * Checks the statuses of all records, in batch order.
   *
   * @param statuses the expected statuses
   * @return this assertion
   */
  public BatchResultAssert hasStatuses(RecordStatus... statuses) {
    isNotNull();
    List<RecordStatus> actualStatuses =
        actual.outcomes().stream().map(RecordOutcome::status).toList();
    if (!actualStatuses.equals(List.of(statuses))) {
      failWithMessage("Expected statuses %s but were %s", List.of(statuses), actualStatuses);
    }
    return this;
  }

  /**
   * Checks that a handler finished a record in this batch.
   *
   * @param index the record's position in the batch
   * @param handlerId the handler's ID, such as {@code com.example.PetHandlers#welcome}
   * @return this assertion
   */
  public BatchResultAssert recordWasHandledBy(int index, String handlerId) {
    RecordOutcome outcome = outcome(index);
    if (!outcome.handled().contains(handlerId)) {
      failWithMessage(
          "Expected record %s to be handled by %s but it was handled by %s",
          outcome, handlerId, outcome.handled());
    }
    return this;
  }

  /**
   * Checks how many records ended with a status.
   *
   * @param status the status
   * @param count the expected number of records
   * @return this assertion
   */
  public BatchResultAssert hasCount(RecordStatus status, int count) {
    isNotNull();
    if (actual.count(status) != count) {
      failWithMessage(
          "Expected %s records %s but found %s in %s", count, status, actual.count(status), actual);
    }
    return this;
  }

  private RecordOutcome outcome(int index) {
    isNotNull();
    if (index < 0 || index >= actual.outcomes().size()) {
      failWithMessage(
          "The batch has %s records; there is no record %s", actual.outcomes().size(), index);
    }
    return actual.outcomes().get(index);
  }
}
