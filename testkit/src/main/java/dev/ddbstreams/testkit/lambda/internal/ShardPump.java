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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one shard from its position until it is caught up or closed, and delivers the records in
 * batches: one lane per {@code ParallelizationFactor}, records of one partition key always in the
 * same lane, each lane one batch at a time in order, lanes concurrently.
 */
public final class ShardPump {
  private static final int READ_LIMIT = 1000;

  private final DynamoDbStreamsClient streams;
  private final MappingSettings settings;
  private final BatchInvoker invoker;
  private final String partitionKey;
  private final AtomicBoolean stop;
  private final MappingCounters counters;

  /**
   * Creates the pump.
   *
   * @param streams the streams client
   * @param settings the mapping's settings
   * @param invoker delivers batches
   * @param partitionKey the table's partition key attribute, which picks a record's lane
   * @param stop set when the mapping stops
   * @param counters counts filtered records
   */
  public ShardPump(
      DynamoDbStreamsClient streams,
      MappingSettings settings,
      BatchInvoker invoker,
      String partitionKey,
      AtomicBoolean stop,
      MappingCounters counters) {
    this.streams = streams;
    this.counters = counters;
    this.settings = settings;
    this.invoker = invoker;
    this.partitionKey = partitionKey;
    this.stop = stop;
  }

  /**
   * Where a pump ended.
   *
   * @param lastSequenceNumber the last record read, or {@code null} if none was
   * @param closed whether the shard is closed and every record of it delivered
   * @param stopped whether the mapping stopped before the records read were all delivered
   */
  public record End(@Nullable String lastSequenceNumber, boolean closed, boolean stopped) {}

  /**
   * Reads and delivers until the shard is caught up or closed.
   *
   * @param shardId the shard
   * @param iterator where to start reading
   * @return where it ended
   * @throws InterruptedException if interrupted while waiting for the lanes
   */
  public End run(String shardId, String iterator) throws InterruptedException {
    int lanes = settings.parallelizationFactor();
    List<List<Record>> buffers = new ArrayList<>(lanes);
    long[] firstBuffered = new long[lanes];
    List<ExecutorService> executors = new ArrayList<>(lanes);
    List<Future<Boolean>> pending = new ArrayList<>();
    for (int i = 0; i < lanes; i++) {
      buffers.add(new ArrayList<>());
      int lane = i;
      executors.add(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "local-esm-" + shardId + "-lane-" + lane);
                t.setDaemon(true);
                return t;
              }));
    }
    String it = iterator;
    String last = null;
    boolean closed = false;
    try {
      while (!stop.get()) {
        String current = iterator(it);
        GetRecordsResponse read =
            streams.getRecords(b -> b.shardIterator(current).limit(READ_LIMIT));
        long now = System.nanoTime();
        for (Record r : read.records()) {
          last = r.dynamodb().sequenceNumber();
          if (settings.filterCriteria() != null && !settings.filterCriteria().matches(r)) {
            // Like the service: a record no filter matches is dropped and never delivered.
            counters.recordsFiltered.incrementAndGet();
            continue;
          }
          int lane = lane(r);
          if (buffers.get(lane).isEmpty()) {
            firstBuffered[lane] = now;
          }
          buffers.get(lane).add(r);
        }
        it = read.nextShardIterator();
        closed = it == null;
        boolean caughtUp = read.records().isEmpty();
        for (int lane = 0; lane < lanes; lane++) {
          List<Record> buffer = buffers.get(lane);
          while (buffer.size() >= settings.batchSize()) {
            List<Record> batch = new ArrayList<>(buffer.subList(0, settings.batchSize()));
            buffer.subList(0, settings.batchSize()).clear();
            pending.add(submit(executors.get(lane), shardId, batch));
            firstBuffered[lane] = now;
          }
          if (!buffer.isEmpty()
              && (closed || windowElapsed(firstBuffered[lane], System.nanoTime()))) {
            pending.add(submit(executors.get(lane), shardId, new ArrayList<>(buffer)));
            buffer.clear();
          }
        }
        if (closed || (caughtUp && buffers.stream().allMatch(List::isEmpty))) {
          break;
        }
        if (caughtUp) {
          Thread.sleep(Math.min(50, settings.batchingWindow().toMillis()));
        }
      }
      boolean delivered = true;
      for (Future<Boolean> f : pending) {
        delivered &= f.get();
      }
      boolean stopped = stop.get() || !delivered;
      return new End(last, closed && !stopped, stopped);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Delivering records of shard " + shardId + " failed", e);
    } finally {
      executors.forEach(ExecutorService::shutdownNow);
    }
  }

  private static String iterator(@Nullable String it) {
    if (it == null) {
      throw new IllegalStateException("no shard iterator");
    }
    return it;
  }

  private Future<Boolean> submit(ExecutorService lane, String shardId, List<Record> batch) {
    return lane.submit(() -> invoker.deliver(shardId, batch));
  }

  private boolean windowElapsed(long since, long now) {
    Duration window = settings.batchingWindow();
    return window.isZero() || now - since >= window.toNanos();
  }

  private int lane(Record r) {
    int lanes = settings.parallelizationFactor();
    if (lanes == 1 || r.dynamodb() == null || !r.dynamodb().hasKeys()) {
      return 0;
    }
    AttributeValue key = r.dynamodb().keys().get(partitionKey);
    return key == null ? 0 : Math.floorMod(key.hashCode(), lanes);
  }
}
