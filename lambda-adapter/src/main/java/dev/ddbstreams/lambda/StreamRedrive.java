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

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.filter.FilterCriteria;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Runs the records of a batch that an event source mapping gave up on through a router again, once
 * the bug that failed them is fixed: the batch's coordinates come from the on-failure destination
 * ({@link OnFailureMessages}), the records are read back from the stream from the batch's first
 * sequence number ({@code AT_SEQUENCE_NUMBER}) to its last, and the router gets them as one batch
 * of their shard, in order. With the function's idempotency store, handlers that had finished a
 * record before are skipped.
 *
 * <pre>{@code
 * StreamRedrive redrive = StreamRedrive.builder()
 *     .streams(DynamoDbStreamsClient.create())
 *     .router(router)                          // the function's router
 *     .build();
 * for (FailedBatch batch : OnFailureMessages.parse(messages)) {
 *   RedriveResult result = redrive.redrive(batch);
 *   System.out.println(result);                // gaps name what the stream no longer holds
 * }
 * }</pre>
 *
 * <p>Records the stream no longer holds (older than its 24-hour retention, or in a shard that is
 * gone) are reported as {@link RedriveResult.Gap gaps} by sequence number range and logged at
 * ERROR, never skipped silently. Records in the range that the mapping's filter criteria had
 * dropped are read too; give the same criteria to {@link Builder#filterCriteria} to drop them
 * again. Thread-safe.
 */
public final class StreamRedrive {
  private static final Logger LOG = LoggerFactory.getLogger(StreamRedrive.class);
  private static final int PAGE = 1_000;

  private final DynamoDbStreamsClient streams;
  private final @Nullable StreamRouter router;
  private final int emptyReads;
  private final Duration pollInterval;
  private final @Nullable FilterCriteria filterCriteria;

  private StreamRedrive(Builder b) {
    this.streams = Objects.requireNonNull(b.streams, "streams");
    this.router = b.router;
    this.emptyReads = b.emptyReads;
    this.pollInterval = b.pollInterval;
    this.filterCriteria = b.filterCriteria;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a batch back and runs it through the router (or, without a router, only reads it: a dry
   * run).
   *
   * @param batch the batch the mapping gave up
   * @return what was read back, what the router did, and what could not be read back
   * @throws software.amazon.awssdk.core.exception.SdkException if the stream cannot be read for
   *     another reason than trimming or a missing shard
   */
  public RedriveResult redrive(FailedBatch batch) {
    BigInteger start = new BigInteger(batch.startSequenceNumber());
    BigInteger end = new BigInteger(batch.endSequenceNumber());
    List<RedriveResult.Gap> gaps = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    boolean startTrimmed = false;
    String iterator;
    try {
      iterator = iterator(batch, ShardIteratorType.AT_SEQUENCE_NUMBER, batch.startSequenceNumber());
    } catch (TrimmedDataAccessException trimmed) {
      startTrimmed = true;
      iterator = iteratorOrNull(batch);
    } catch (ResourceNotFoundException gone) {
      iterator = null;
      gaps.add(whole(batch, RedriveResult.Reason.SHARD_GONE));
    }
    boolean reachedEnd = false;
    int empty = 0;
    while (iterator != null && !reachedEnd) {
      GetRecordsResponse page;
      try {
        page =
            streams.getRecords(
                GetRecordsRequest.builder().shardIterator(iterator).limit(PAGE).build());
      } catch (ExpiredIteratorException expired) {
        iterator = resume(batch, records);
        continue;
      }
      for (Record r : page.records()) {
        BigInteger sequence = new BigInteger(r.dynamodb().sequenceNumber());
        if (sequence.compareTo(start) < 0) {
          continue;
        }
        if (sequence.compareTo(end) > 0) {
          reachedEnd = true;
          break;
        }
        records.add(r);
        reachedEnd = sequence.equals(end);
        if (reachedEnd) {
          break;
        }
      }
      if (page.records().isEmpty() && ++empty > emptyReads) {
        break;
      }
      if (page.records().isEmpty()) {
        pause();
      } else {
        empty = 0;
      }
      iterator = page.nextShardIterator();
    }
    if (startTrimmed) {
      gaps.add(
          records.isEmpty()
              ? whole(batch, RedriveResult.Reason.TRIMMED)
              : new RedriveResult.Gap(
                  RedriveResult.Reason.TRIMMED,
                  batch.startSequenceNumber(),
                  records.get(0).dynamodb().sequenceNumber(),
                  false));
    } else if (!reachedEnd && gaps.isEmpty()) {
      String from =
          records.isEmpty()
              ? batch.startSequenceNumber()
              : new BigInteger(records.get(records.size() - 1).dynamodb().sequenceNumber())
                  .add(BigInteger.ONE)
                  .toString();
      gaps.add(
          new RedriveResult.Gap(
              RedriveResult.Reason.NOT_FOUND, from, batch.endSequenceNumber(), true));
    }
    for (RedriveResult.Gap gap : gaps) {
      LOG.error(
          "Redrive of {} {}: records {} could not be read back and were NOT run",
          batch.streamArn(),
          batch.shardId(),
          gap);
    }
    FilterCriteria criteria = filterCriteria;
    List<Record> kept = criteria == null ? records : filtered(records, criteria);
    BatchResult result =
        router == null || kept.isEmpty()
            ? new BatchResult(List.of())
            : router.process(
                kept,
                BatchContext.builder()
                    .streamArn(batch.streamArn())
                    .shardId(batch.shardId())
                    .build());
    RedriveResult outcome = new RedriveResult(batch, records.size(), result, gaps, router == null);
    if (outcome.failedAgain()) {
      LOG.warn("Redrive failed again: {}", outcome);
    } else {
      LOG.info("Redrive: {}", outcome);
    }
    return outcome;
  }

  private static List<Record> filtered(List<Record> records, FilterCriteria criteria) {
    List<Record> kept = new ArrayList<>(records.size());
    for (Record r : records) {
      if (criteria.matches(r)) {
        kept.add(r);
      }
    }
    return kept;
  }

  private static RedriveResult.Gap whole(FailedBatch batch, RedriveResult.Reason reason) {
    return new RedriveResult.Gap(
        reason, batch.startSequenceNumber(), batch.endSequenceNumber(), true);
  }

  private String iterator(FailedBatch batch, ShardIteratorType type, @Nullable String sequence) {
    return streams
        .getShardIterator(
            b ->
                b.streamArn(batch.streamArn())
                    .shardId(batch.shardId())
                    .shardIteratorType(type)
                    .sequenceNumber(sequence))
        .shardIterator();
  }

  /** The oldest record the shard still holds; null if the shard is gone meanwhile. */
  private @Nullable String iteratorOrNull(FailedBatch batch) {
    try {
      return iterator(batch, ShardIteratorType.TRIM_HORIZON, null);
    } catch (ResourceNotFoundException gone) {
      return null;
    }
  }

  /** A new iterator after the last record read, or at the batch's start if none was read. */
  private String resume(FailedBatch batch, List<Record> read) {
    return read.isEmpty()
        ? iterator(batch, ShardIteratorType.AT_SEQUENCE_NUMBER, batch.startSequenceNumber())
        : iterator(
            batch,
            ShardIteratorType.AFTER_SEQUENCE_NUMBER,
            read.get(read.size() - 1).dynamodb().sequenceNumber());
  }

  private void pause() {
    if (pollInterval.isZero()) {
      return;
    }
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds a {@link StreamRedrive}. Not thread-safe. */
  public static final class Builder {
    private @Nullable DynamoDbStreamsClient streams;
    private @Nullable StreamRouter router;
    private int emptyReads = 5;
    private Duration pollInterval = Duration.ofMillis(200);
    private @Nullable FilterCriteria filterCriteria;

    private Builder() {}

    /**
     * Sets the client that reads the stream.
     *
     * @param client the DynamoDB Streams client
     * @return this builder
     */
    public Builder streams(DynamoDbStreamsClient client) {
      this.streams = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the router that runs the records: the function's, with its idempotency store. Without
     * one, {@link StreamRedrive#redrive} only reads the records back (a dry run).
     *
     * @param router the router
     * @return this builder
     */
    public Builder router(StreamRouter router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /**
     * Drops the records that the mapping's filter criteria would have dropped, as the mapping did
     * before the batch was made. Default: none dropped.
     *
     * @param criteria the mapping's criteria, such as {@code router.filterCriteria()}
     * @return this builder
     */
    public Builder filterCriteria(FilterCriteria criteria) {
      this.filterCriteria = Objects.requireNonNull(criteria, "criteria");
      return this;
    }

    /**
     * Sets how many empty pages in a row an open shard may answer before the batch's last record is
     * given up as not found, and the wait between them. DynamoDB Streams can answer empty pages
     * before records it holds. Default 5 and 200 ms.
     *
     * @param reads 0 or more
     * @param interval the wait, zero or more
     * @return this builder
     */
    public Builder emptyReads(int reads, Duration interval) {
      if (reads < 0 || interval.isNegative()) {
        throw new IllegalArgumentException("emptyReads needs reads >= 0 and a wait >= 0");
      }
      this.emptyReads = reads;
      this.pollInterval = interval;
      return this;
    }

    /**
     * Builds the redrive.
     *
     * @return the redrive
     * @throws NullPointerException if no streams client was set
     */
    public StreamRedrive build() {
      return new StreamRedrive(this);
    }
  }
}
