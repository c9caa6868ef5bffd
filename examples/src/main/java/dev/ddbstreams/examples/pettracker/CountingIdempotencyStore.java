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
package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.TransactionalIdempotencyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Counts, per handler, the records it finished and the redelivered ones the store suppressed; the
 * demo's report reads them in every mode, since the Lambda mode gives no batch results back. A
 * {@link TransactionalIdempotencyStore} like the store it wraps, so handlers with transactional
 * writes can run behind it. Thread-safe if the wrapped store is.
 */
final class CountingIdempotencyStore implements TransactionalIdempotencyStore {
  private final TransactionalIdempotencyStore store;
  private final ConcurrentMap<String, AtomicInteger> completed = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, AtomicInteger> duplicates = new ConcurrentHashMap<>();

  CountingIdempotencyStore(TransactionalIdempotencyStore store) {
    this.store = store;
  }

  @Override
  public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
    IdempotencyState state = store.begin(key, leaseExpiry);
    if (state == IdempotencyState.COMPLETED) {
      count(duplicates, key);
    }
    return state;
  }

  @Override
  public void complete(IdempotencyKey key) {
    store.complete(key);
    count(completed, key);
  }

  @Override
  public boolean completeWith(
      IdempotencyKey key,
      Instant leaseExpiry,
      List<TransactWriteItem> writes,
      String clientRequestToken) {
    boolean applied = store.completeWith(key, leaseExpiry, writes, clientRequestToken);
    if (applied) {
      count(completed, key);
    }
    return applied;
  }

  @Override
  public void release(IdempotencyKey key) {
    store.release(key);
  }

  @Override
  public void release(IdempotencyKey key, Instant leaseExpiry) {
    store.release(key, leaseExpiry);
  }

  /** Returns records finished per handler, by the handler's short name ({@code Class#method}). */
  Map<String, Integer> completed() {
    return snapshot(completed);
  }

  /** Returns the total of redelivered records suppressed, over all handlers. */
  int duplicates() {
    return snapshot(duplicates).values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Returns the total of records finished, over all handlers. */
  int completedTotal() {
    return completed().values().stream().mapToInt(Integer::intValue).sum();
  }

  private static void count(ConcurrentMap<String, AtomicInteger> counts, IdempotencyKey key) {
    String handler = key.handlerId().substring(key.handlerId().lastIndexOf('.') + 1);
    counts.computeIfAbsent(handler, h -> new AtomicInteger()).incrementAndGet();
  }

  private static Map<String, Integer> snapshot(ConcurrentMap<String, AtomicInteger> counts) {
    Map<String, Integer> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
