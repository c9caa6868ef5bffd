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
package dev.ddbstreams.idempotency;

import java.time.Instant;

/**
 * Remembers which (handler, record) pairs have finished, so that records delivered more than once
 * (Lambda and KCL deliver at least once) have their side effects applied once.
 *
 * <p>The router calls {@link #begin} before a handler, {@link #complete} after it succeeded and
 * {@link #release(IdempotencyKey, Instant)} after it failed. Implementations must be thread-safe
 * and atomic per key: of callers racing on one key, exactly one gets {@link IdempotencyState#NEW}.
 * An implementation that cannot reach its storage throws {@link IdempotencyStoreException}; it
 * never guesses, so the record fails and is retried.
 */
public interface IdempotencyStore {

  /**
   * Starts work on a key: takes an in-progress lease if no one holds one and the work is not done.
   * An expired lease (its holder crashed) is taken over.
   *
   * @param key the (handler, record) pair
   * @param leaseExpiry when the lease lapses if the holder neither completes nor releases it
   * @return NEW if the caller now holds the lease, else IN_PROGRESS or COMPLETED
   * @throws IdempotencyStoreException if the store cannot be read or written
   */
  IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry);

  /**
   * Marks the work on a key finished. Later calls of {@link #begin} return COMPLETED until the
   * store's retention ends.
   *
   * @param key the key the caller holds the lease of
   * @throws IdempotencyStoreException if the store cannot be written
   */
  void complete(IdempotencyKey key);

  /**
   * Gives up the lease after a failure, so a retry can start at once. Which lease this ends when
   * several callers took one in turn is the implementation's choice; the router calls {@link
   * #release(IdempotencyKey, Instant)}, which names the lease.
   *
   * @param key the key the caller holds the lease of
   * @throws IdempotencyStoreException if the store cannot be written
   */
  void release(IdempotencyKey key);

  /**
   * Gives up the lease the caller took with {@code begin(key, leaseExpiry)}, so a retry can start
   * at once. Ends only that lease: if it lapsed and another caller has taken the key over since, or
   * the key is completed, nothing changes. This is what the router calls.
   *
   * <p>The default calls {@link #release(IdempotencyKey)}; stores that several workers share
   * override it to compare the lease, as both stores of this library do.
   *
   * @param key the key
   * @param leaseExpiry the lease's expiry exactly as the caller passed it to {@link #begin}
   * @throws IdempotencyStoreException if the store cannot be written
   */
  default void release(IdempotencyKey key, Instant leaseExpiry) {
    release(key);
  }
}
