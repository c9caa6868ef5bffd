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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An idempotency store in this process's memory, for tests and single-process consumers. Bounded by
 * entry count and age; the oldest entries are dropped first, so a redelivery older than the bound
 * runs again. Thread-safe.
 *
 * <pre>{@code
 * IdempotencyStore store = InMemoryIdempotencyStore.builder()
 *     .maxEntries(100_000)
 *     .retention(Duration.ofHours(48))
 *     .build();
 * }</pre>
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  private final int maxEntries;
  private final Duration retention;
  private final Clock clock;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  private record Entry(boolean completed, Instant lease, Instant expires) {}

  private InMemoryIdempotencyStore(Builder b) {
    this.maxEntries = b.maxEntries;
    this.retention = b.retention;
    this.clock = b.clock;
  }

  /**
   * Starts a builder with defaults of 100,000 entries and 48 hours.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public synchronized IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
    Instant now = clock.instant();
    evict(now);
    String id = key.value();
    Entry entry = entries.get(id);
    if (entry != null && entry.completed()) {
      return IdempotencyState.COMPLETED;
    }
    if (entry != null && entry.lease().isAfter(now)) {
      return IdempotencyState.IN_PROGRESS;
    }
    entries.remove(id);
    entries.put(id, new Entry(false, leaseExpiry, now.plus(retention)));
    return IdempotencyState.NEW;
  }

  @Override
  public synchronized void complete(IdempotencyKey key) {
    Instant now = clock.instant();
    String id = key.value();
    entries.remove(id);
    entries.put(id, new Entry(true, now, now.plus(retention)));
    evict(now);
  }

  /**
   * Ends whatever in-progress lease the key has, whoever took it. The router does not call this
   * form; see {@link #release(IdempotencyKey, Instant)}.
   *
   * @param key the key
   */
  @Override
  public synchronized void release(IdempotencyKey key) {
    Entry entry = entries.get(key.value());
    if (entry != null && !entry.completed()) {
      entries.remove(key.value());
    }
  }

  /**
   * Ends the lease taken with this expiry, and only that one: a lease another caller took over
   * after this one lapsed stays, as in {@link DynamoDbIdempotencyStore}.
   *
   * @param key the key
   * @param leaseExpiry the expiry the caller passed to {@link #begin}
   */
  @Override
  public synchronized void release(IdempotencyKey key, Instant leaseExpiry) {
    Entry entry = entries.get(key.value());
    if (entry != null && !entry.completed() && entry.lease().equals(leaseExpiry)) {
      entries.remove(key.value());
    }
  }

  /**
   * Returns the number of entries held.
   *
   * @return the count
   */
  public synchronized int size() {
    return entries.size();
  }

  private void evict(Instant now) {
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Entry eldest = it.next().getValue();
      if (entries.size() > maxEntries || !eldest.expires().isAfter(now)) {
        it.remove();
      } else {
        break;
      }
    }
  }

  /** Builds an {@link InMemoryIdempotencyStore}. Not thread-safe. */
  public static final class Builder {
    private int maxEntries = 100_000;
    private Duration retention = Duration.ofHours(48);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the most entries kept.
     *
     * @param maxEntries at least 1
     * @return this builder
     */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1");
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * Sets how long a finished key is remembered; longer than the stream's 24 hour retention.
     *
     * @param retention a positive duration
     * @return this builder
     */
    public Builder retention(Duration retention) {
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive");
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets the clock; for tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the store.
     *
     * @return the store
     */
    public InMemoryIdempotencyStore build() {
      return new InMemoryIdempotencyStore(this);
    }
  }
}
