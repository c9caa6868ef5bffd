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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills a table fast, for tests that need thousands of stream records: {@code BatchWriteItem}
 * requests of 25 items on several threads, unprocessed items sent again (after 50 ms, doubling up
 * to 1 s) until none is left.
 *
 * <pre>{@code
 * for (int version = 1; version <= 5; version++) {
 *   int v = version; // each call returns once all its items are written: versions stay in order
 *   BatchWrites.put(ddb, table.name(), 2_000, i -> Map.of(
 *       "PK", AttributeValue.fromS("ITEM#" + i),
 *       "SK", AttributeValue.fromS("A"),
 *       "v", AttributeValue.fromN(Integer.toString(v))));
 * }
 * }</pre>
 *
 * <p>Item {@code i} is built on the writing thread just before its request is sent, so a timestamp
 * taken in the function is the time of the write. Requests run concurrently, so items of one call
 * are written in no particular order; give each item key at most once per call (DynamoDB refuses a
 * request that names a key twice). Stateless and thread-safe.
 */
public final class BatchWrites {
  /** The most items one {@code BatchWriteItem} request may carry. */
  public static final int ITEMS_PER_REQUEST = 25;

  /** Threads {@link #put(DynamoDbClient, String, int, IntFunction)} writes on. */
  public static final int DEFAULT_THREADS = 4;

  private static final long FIRST_BACKOFF_MILLIS = 50;
  private static final long MAX_BACKOFF_MILLIS = 1_000;

  private BatchWrites() {}

  /**
   * Writes items {@code 0} to {@code count - 1} on {@value #DEFAULT_THREADS} threads and returns
   * once every one is written.
   *
   * @param client the client
   * @param table the table's name
   * @param count how many items
   * @param item builds item {@code i}, keys included
   * @throws RuntimeException the first failure of any request; requests not yet sent are dropped
   */
  public static void put(
      DynamoDbClient client,
      String table,
      int count,
      IntFunction<Map<String, AttributeValue>> item) {
    put(client, table, count, item, DEFAULT_THREADS);
  }

  /**
   * Writes items {@code 0} to {@code count - 1}, {@value #ITEMS_PER_REQUEST} consecutive ones per
   * request, on {@code threads} threads, and returns once every one is written.
   *
   * @param client the client
   * @param table the table's name
   * @param count how many items
   * @param item builds item {@code i}, keys included
   * @param threads how many requests run at once, at least 1
   * @throws IllegalArgumentException if {@code count} is negative or {@code threads} below 1
   * @throws RuntimeException the first failure of any request; requests not yet sent are dropped
   */
  public static void put(
      DynamoDbClient client,
      String table,
      int count,
      IntFunction<Map<String, AttributeValue>> item,
      int threads) {
    if (count < 0 || threads < 1) {
      throw new IllegalArgumentException(
          "count must be at least 0 and threads at least 1, got " + count + " and " + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> requests = new ArrayList<>();
      for (int from = 0; from < count; from += ITEMS_PER_REQUEST) {
        int start = from;
        int end = Math.min(count, from + ITEMS_PER_REQUEST);
        requests.add(pool.submit(() -> write(client, table, start, end, item)));
      }
      for (Future<?> request : requests) {
        await(request);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void write(
      DynamoDbClient client,
      String table,
      int from,
      int to,
      IntFunction<Map<String, AttributeValue>> item) {
    List<WriteRequest> puts = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      Map<String, AttributeValue> it = item.apply(i);
      puts.add(WriteRequest.builder().putRequest(p -> p.item(it)).build());
    }
    Map<String, List<WriteRequest>> pending = Map.of(table, puts);
    long backoffMillis = FIRST_BACKOFF_MILLIS;
    while (true) {
      Map<String, List<WriteRequest>> request = pending;
      pending = client.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      if (pending.isEmpty()) {
        return;
      }
      Sleeper.sleep(Duration.ofMillis(backoffMillis), "DynamoDB to take unprocessed items");
      backoffMillis = Math.min(2 * backoffMillis, MAX_BACKOFF_MILLIS);
    }
  }

  private static void await(Future<?> request) {
    try {
      request.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("A BatchWriteItem request failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while writing items", e);
    }
  }
}
