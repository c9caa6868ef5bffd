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

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One processed batch, as a {@link StreamObserver} is told: its shard, size, how old its records
 * were when it started, how long it took and where the stream resumes. Immutable.
 *
 * <p>Record age is the time from a record's {@code ApproximateCreationDateTime} to the start of the
 * batch. The newest record's age is what Lambda reports as the {@code IteratorAge} of an event
 * source mapping; under KCL, where the DynamoDB Streams adapter reports no lag, it is the one
 * measure of how far behind the consumer is.
 */
public final class BatchEvent {
  private final BatchContext batch;
  private final int size;
  private final Instant started;
  private final @Nullable Instant oldestCreated;
  private final @Nullable Instant newestCreated;
  private final long durationNanos;
  private final @Nullable SequenceNumber checkpoint;
  private final int[] counts;

  /**
   * Creates an event; the router does, and tests of observers may.
   *
   * @param batch the batch context
   * @param size the number of records
   * @param started when processing started, by the batch context's clock
   * @param oldestCreated the earliest {@code ApproximateCreationDateTime} of the batch, or {@code
   *     null} if no record had one
   * @param newestCreated the latest {@code ApproximateCreationDateTime}, or {@code null}
   * @param durationNanos how long processing took, in nanoseconds
   * @param checkpoint the sequence number the stream must resume from, or {@code null} if every
   *     record is done
   * @param counts how many records ended in each {@link RecordStatus}, indexed by ordinal
   */
  public BatchEvent(
      BatchContext batch,
      int size,
      Instant started,
      @Nullable Instant oldestCreated,
      @Nullable Instant newestCreated,
      long durationNanos,
      @Nullable SequenceNumber checkpoint,
      int[] counts) {
    this.batch = Objects.requireNonNull(batch, "batch");
    this.size = size;
    this.started = Objects.requireNonNull(started, "started");
    this.oldestCreated = oldestCreated;
    this.newestCreated = newestCreated;
    this.durationNanos = durationNanos;
    this.checkpoint = checkpoint;
    if (counts.length != RecordStatus.values().length) {
      throw new IllegalArgumentException("counts needs one entry per RecordStatus");
    }
    this.counts = counts.clone();
  }

  /**
   * Returns the batch context: stream ARN, shard, invocation.
   *
   * @return the context, the same instance the batch's handler events carry
   */
  public BatchContext batch() {
    return batch;
  }

  /**
   * Returns the number of records in the batch.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Returns when processing started, by the batch context's clock.
   *
   * @return the start
   */
  public Instant started() {
    return started;
  }

  /**
   * Returns the age of the batch's oldest record when the batch started.
   *
   * @return the age, zero or more, or empty if no record had a creation time
   */
  public Optional<Duration> oldestRecordAge() {
    return age(oldestCreated);
  }

  /**
   * Returns the age of the batch's newest record when the batch started: Lambda's {@code
   * IteratorAge} for this batch.
   *
   * @return the age, zero or more, or empty if no record had a creation time
   */
  public Optional<Duration> newestRecordAge() {
    return age(newestCreated);
  }

  private Optional<Duration> age(@Nullable Instant created) {
    if (created == null) {
      return Optional.empty();
    }
    Duration age = Duration.between(created, started);
    return Optional.of(age.isNegative() ? Duration.ZERO : age);
  }

  /**
   * Returns how long the batch took.
   *
   * @return the duration
   */
  public Duration duration() {
    return Duration.ofNanos(durationNanos);
  }

  /**
   * Returns the sequence number the stream must resume from, as {@link
   * BatchResult#firstFailedSequenceNumber()}.
   *
   * @return the sequence number, or empty if every record is done
   */
  public Optional<SequenceNumber> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /**
   * Returns how many records of the batch ended in a status.
   *
   * @param status the status
   * @return the count
   */
  public int count(RecordStatus status) {
    return counts[status.ordinal()];
  }

  /**
   * Describes the batch by shard, size, ages, duration and checkpoint.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "BatchEvent{shard="
        + batch.shardId().orElse("?")
        + ", size="
        + size
        + ", newestRecordAge="
        + newestRecordAge().map(Duration::toString).orElse("?")
        + ", "
        + durationNanos / 1_000
        + " µs, checkpoint="
        + checkpoint
        + '}';
  }
}
