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
package dev.ddbstreams;

import dev.ddbstreams.internal.record.LazyBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * What happened to every record of a batch, and where the stream must resume.
 *
 * <p>{@link #firstFailedSequenceNumber()} is the checkpoint an adapter reports: the lowest sequence
 * number, compared as a number, of the records that must be delivered again. Lambda's partial batch
 * response and the KCL adapter both resume there. Immutable.
 */
public final class BatchResult {
  private final List<RecordOutcome> outcomes;
  private final @Nullable RecordOutcome firstFailed;
  private final boolean failedWithoutSequenceNumber;

  /**
   * Creates a result.
   *
   * @param outcomes one outcome per record, in batch order
   */
  public BatchResult(List<RecordOutcome> outcomes) {
    this.outcomes = List.copyOf(outcomes);
    RecordOutcome lowest = null;
    SequenceNumber lowestSequence = null;
    boolean withoutSequence = false;
    for (RecordOutcome o : this.outcomes) {
      if (!o.status().needsRetry()) {
        continue;
      }
      SequenceNumber sequence = o.sequenceNumber();
      if (sequence == null) {
        withoutSequence = true;
      } else if (lowestSequence == null || sequence.compareTo(lowestSequence) < 0) {
        lowestSequence = sequence;
        lowest = o;
      }
    }
    this.firstFailed = lowest;
    this.failedWithoutSequenceNumber = withoutSequence;
  }

  /**
   * Returns the result of a batch none of whose records ran, for an adapter that could not run it
   * (its router threw, or it gave up before starting): every record is {@link
   * RecordStatus#NOT_RUN}, so the checkpoint is the first record and the whole batch is delivered
   * again.
   *
   * @param batch the records, in stream order
   * @return the result
   */
  public static BatchResult notRun(List<Record> batch) {
    List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Record r = LazyBatch.routing(batch, i);
      outcomes.add(
          new RecordOutcome(
              i,
              r.eventID(),
              r.dynamodb() == null
                  ? null
                  : SequenceNumber.parseOrNull(r.dynamodb().sequenceNumber()),
              RecordStatus.NOT_RUN,
              List.of(),
              List.of(),
              null,
              null));
    }
    return new BatchResult(outcomes);
  }

  /**
   * Returns one outcome per record, in batch order.
   *
   * @return the outcomes
   */
  public List<RecordOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Returns the sequence number to resume from: the lowest, as a number, of the records that failed
   * or did not run.
   *
   * @return the sequence number (its {@code toString()} is the text as sent), or empty when every
   *     record is done
   */
  public Optional<SequenceNumber> firstFailedSequenceNumber() {
    return firstFailed == null
        ? Optional.empty()
        : Optional.ofNullable(firstFailed.sequenceNumber());
  }

  /**
   * Returns the outcome of the record to resume from.
   *
   * @return the outcome, or empty when every record is done
   */
  public Optional<RecordOutcome> firstFailed() {
    return Optional.ofNullable(firstFailed);
  }

  /**
   * Returns whether a record that must be delivered again has no usable sequence number, so no
   * checkpoint can name it and the whole batch must be retried.
   *
   * @return {@code true} if the whole batch must be retried
   */
  public boolean requiresWholeBatchRetry() {
    return failedWithoutSequenceNumber;
  }

  /**
   * Returns whether every record is done (handled, duplicate, unmatched or dead-lettered).
   *
   * @return {@code true} if nothing must be delivered again
   */
  public boolean isComplete() {
    return firstFailed == null && !failedWithoutSequenceNumber;
  }

  /**
   * Returns the outcomes with the given status.
   *
   * @param status the status
   * @return those outcomes, in batch order
   */
  public List<RecordOutcome> withStatus(RecordStatus status) {
    List<RecordOutcome> out = new ArrayList<>();
    for (RecordOutcome o : outcomes) {
      if (o.status() == status) {
        out.add(o);
      }
    }
    return out;
  }

  /**
   * Counts the outcomes with the given status.
   *
   * @param status the status
   * @return how many records ended so
   */
  public int count(RecordStatus status) {
    int n = 0;
    for (RecordOutcome o : outcomes) {
      if (o.status() == status) {
        n++;
      }
    }
    return n;
  }

  /**
   * Summarises the result by counts and checkpoint, never by values.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("BatchResult{records=").append(outcomes.size());
    for (RecordStatus s : RecordStatus.values()) {
      int n = count(s);
      if (n > 0) {
        sb.append(", ").append(s).append('=').append(n);
      }
    }
    firstFailedSequenceNumber().ifPresent(seq -> sb.append(", checkpoint=").append(seq));
    return sb.append('}').toString();
  }
}
