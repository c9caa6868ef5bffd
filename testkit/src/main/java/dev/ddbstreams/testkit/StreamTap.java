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

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRouter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Feeds a real stream's records to a router in batches, as an event source mapping would, and waits
 * until it has caught up. A batch that fails is delivered again from its checkpoint, up to the
 * configured number of redeliveries, so tests see what retries do.
 *
 * <pre>{@code
 * StreamTap tap = StreamTap.of(local.streamsClient(), table.streamArn(), router);
 * ddb.putItem(...);
 * StreamTap.Result result = tap.drain(1, Duration.ofSeconds(10));
 * assertThat(result.failed()).isZero();
 * }</pre>
 *
 * <p>Not thread-safe: one test thread drives a tap.
 */
public final class StreamTap {
  private final StreamReader reader;
  private final StreamRouter router;
  private final String streamArn;
  private final int batchSize;
  private final int redeliveries;
  private final List<Record> undelivered = new ArrayList<>();

  private StreamTap(
      StreamReader reader, StreamRouter router, String streamArn, int batchSize, int redeliveries) {
    this.reader = reader;
    this.router = router;
    this.streamArn = streamArn;
    this.batchSize = batchSize;
    this.redeliveries = redeliveries;
  }

  /**
   * Creates a tap with batches of 100 records and up to 3 redeliveries of a failed batch.
   *
   * @param streams the streams client
   * @param streamArn the stream
   * @param router the router records go to
   * @return the tap, positioned at the start of the stream
   */
  public static StreamTap of(DynamoDbStreamsClient streams, String streamArn, StreamRouter router) {
    return of(streams, streamArn, router, 100, 3);
  }

  /**
   * Creates a tap.
   *
   * @param streams the streams client
   * @param streamArn the stream
   * @param router the router records go to
   * @param batchSize records per batch, at least 1
   * @param redeliveries how often a failed batch is delivered again from its checkpoint
   * @return the tap, positioned at the start of the stream
   */
  public static StreamTap of(
      DynamoDbStreamsClient streams,
      String streamArn,
      StreamRouter router,
      int batchSize,
      int redeliveries) {
    if (batchSize < 1 || redeliveries < 0) {
      throw new IllegalArgumentException(
          "batchSize must be positive and redeliveries not negative");
    }
    return new StreamTap(
        StreamReader.of(streams, streamArn), router, streamArn, batchSize, redeliveries);
  }

  /**
   * What a drain did.
   *
   * @param batches every batch result, redeliveries included, in order
   * @param records records read from the stream
   * @param handled distinct records every matching handler finished, in any delivery
   * @param failed records still failed after the last redelivery
   */
  public record Result(List<BatchResult> batches, int records, int handled, int failed) {
    /**
     * Copies the list.
     *
     * @param batches every batch result, redeliveries included, in order
     * @param records records read from the stream
     * @param handled distinct records every matching handler finished, in any delivery
     * @param failed records still failed after the last redelivery
     */
    public Result {
      batches = List.copyOf(batches);
    }
  }

  /**
   * Waits for at least {@code expected} new records, then delivers everything read until the stream
   * is caught up.
   *
   * @param expected records that must arrive
   * @param timeout how long to wait for them
   * @return what was delivered
   * @throws AssertionError if fewer records arrive in time
   */
  public Result drain(int expected, Duration timeout) {
    List<Record> read = new ArrayList<>(reader.awaitRecords(expected, timeout));
    read.addAll(reader.readNew());
    return deliver(read);
  }

  /**
   * Delivers every record the stream has that was not delivered yet.
   *
   * @return what was delivered
   */
  public Result drain() {
    return deliver(reader.readNew());
  }

  private Result deliver(List<Record> read) {
    undelivered.addAll(read);
    List<BatchResult> results = new ArrayList<>();
    int failed = 0;
    while (!undelivered.isEmpty()) {
      List<Record> batch =
          new ArrayList<>(undelivered.subList(0, Math.min(batchSize, undelivered.size())));
      BatchResult result = process(batch, results);
      if (!result.isComplete()) {
        // Like a mapping whose retries ran out for now: keep the checkpoint and what follows it.
        failed = result.count(RecordStatus.FAILED);
        String checkpoint =
            result.firstFailedSequenceNumber().map(SequenceNumber::toString).orElse(null);
        while (checkpoint != null
            && !undelivered.isEmpty()
            && !checkpoint.equals(undelivered.get(0).dynamodb().sequenceNumber())) {
          undelivered.remove(0);
        }
        break;
      }
      undelivered.subList(0, batch.size()).clear();
    }
    Set<String> handled = new HashSet<>();
    for (BatchResult r : results) {
      for (RecordOutcome o : r.outcomes()) {
        if (o.status() == RecordStatus.HANDLED || o.status() == RecordStatus.DUPLICATE) {
          handled.add(String.valueOf(o.eventId()));
        }
      }
    }
    return new Result(results, read.size(), handled.size(), failed);
  }

  /** Delivers a batch, and redelivers from its checkpoint while it fails and tries are left. */
  private BatchResult process(List<Record> batch, List<BatchResult> results) {
    BatchContext context = BatchContext.builder().streamArn(streamArn).build();
    BatchResult result = router.process(batch, context);
    results.add(result);
    for (int retry = 0; retry < redeliveries && !result.isComplete(); retry++) {
      String checkpoint =
          result.firstFailedSequenceNumber().map(SequenceNumber::toString).orElse(null);
      int from = 0;
      while (checkpoint != null
          && from < batch.size()
          && !checkpoint.equals(batch.get(from).dynamodb().sequenceNumber())) {
        from++;
      }
      batch = new ArrayList<>(batch.subList(checkpoint == null ? 0 : from, batch.size()));
      result = router.process(batch, context);
      results.add(result);
    }
    return result;
  }
}
