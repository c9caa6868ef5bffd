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
package dev.ddbstreams.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves only when told to, for tests of time-dependent behaviour: TTL expiry, shard
 * rollover, iterator expiry and the stream's 24-hour retention.
 *
 * <pre>{@code
 * ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
 * try (DynamoDbEmulator emulator = DynamoDbEmulator.builder().clock(clock).start()) {
 *   ...
 *   clock.advance(Duration.ofHours(25)); // older stream records are now trimmed
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ManualClock extends Clock {

  private final AtomicReference<Instant> now;

  private ManualClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /**
   * Returns a clock standing at {@code start}.
   *
   * @param start the first instant the clock shows
   * @return a new clock
   */
  public static ManualClock at(Instant start) {
    return new ManualClock(start);
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; not negative
   * @return the new instant
   */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("A clock does not go back: " + duration);
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ManualClock is always UTC");
  }
}
