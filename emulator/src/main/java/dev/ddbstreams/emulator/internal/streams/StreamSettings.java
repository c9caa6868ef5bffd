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
package dev.ddbstreams.emulator.internal.streams;

import java.time.Duration;

/**
 * Settings of the stream store.
 *
 * @param shardsPerStream open shards per stream; records go to a shard by partition key hash
 * @param rolloverInterval roll a shard over after it was open this long (by the clock); zero: only
 *     on demand
 * @param retention how long records stay readable (the service: 24 hours)
 * @param iteratorLifetime how long a shard iterator stays valid (the service: 15 minutes)
 */
public record StreamSettings(
    int shardsPerStream, Duration rolloverInterval, Duration retention, Duration iteratorLifetime) {

  /** The service's: 24 hours of retention, iterators valid 15 minutes. */
  public static final Duration SERVICE_RETENTION = Duration.ofHours(24);

  /** How long the service's shard iterators stay valid. */
  public static final Duration SERVICE_ITERATOR_LIFETIME = Duration.ofMinutes(15);

  /** Checks the settings. */
  public StreamSettings {
    if (shardsPerStream < 1) {
      throw new IllegalArgumentException("shardsPerStream must be at least 1: " + shardsPerStream);
    }
    if (rolloverInterval.isNegative()) {
      throw new IllegalArgumentException("rolloverInterval must not be negative");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention must be positive");
    }
    if (iteratorLifetime.isNegative() || iteratorLifetime.isZero()) {
      throw new IllegalArgumentException("iteratorLifetime must be positive");
    }
  }

  /**
   * The service's retention and iterator lifetime, with the given shards and rollover.
   *
   * @param shardsPerStream open shards per stream, at least 1
   * @param rolloverInterval roll shards over after this long; zero: only on demand
   */
  public static StreamSettings of(int shardsPerStream, Duration rolloverInterval) {
    return new StreamSettings(
        shardsPerStream, rolloverInterval, SERVICE_RETENTION, SERVICE_ITERATOR_LIFETIME);
  }
}
