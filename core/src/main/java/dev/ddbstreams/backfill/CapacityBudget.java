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
package dev.ddbstreams.backfill;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A read-capacity budget shared by the segments of one process: on average no more than the given
 * capacity units per second, with bursts of at most one second's worth.
 *
 * <p>A scan page's cost is known only after it is read. So a segment first {@linkplain #reserve()
 * reserves} what pages have cost so far (a moving average), waiting while the budget is spent, and
 * then {@linkplain #settle settles} the difference with what the page consumed. Thread-safe.
 *
 * <table>
 * <caption>What it does</caption>
 * <tr><th>state</th><th>{@code reserve()}</th></tr>
 * <tr><td>balance covers the expected cost</td><td>takes it at once</td></tr>
 * <tr><td>balance below the expected cost</td><td>waits until the refill covers it</td></tr>
 * <tr><td>unlimited</td><td>returns at once, costs nothing</td></tr>
 * </table>
 */
final class CapacityBudget {
  private static final double SMOOTHING = 0.2;

  private final double unitsPerSecond;
  private final LongSupplier nanoTime;
  private double balance;
  private long refilledAt;
  private double expectedCost = 1.0;

  private CapacityBudget(double unitsPerSecond, LongSupplier nanoTime) {
    this.unitsPerSecond = unitsPerSecond;
    this.nanoTime = nanoTime;
    this.balance = unitsPerSecond;
    this.refilledAt = nanoTime.getAsLong();
  }

  /** A budget of {@code unitsPerSecond}; zero or less, or infinite, means no limit. */
  static CapacityBudget of(double unitsPerSecond, LongSupplier nanoTime) {
    return new CapacityBudget(unitsPerSecond, nanoTime);
  }

  boolean isLimited() {
    return unitsPerSecond > 0 && !Double.isInfinite(unitsPerSecond);
  }

  /**
   * Takes the expected cost of a page if the budget allows it now.
   *
   * @return the units reserved (pass them to {@link #settle}), or a negative number: the nanos to
   *     wait before asking again
   */
  synchronized double reserve() {
    if (!isLimited()) {
      return 0;
    }
    refill();
    double reserved = expectedCost;
    if (balance >= reserved) {
      balance -= reserved;
      return reserved;
    }
    // Negative: the wait until the balance covers the page, at least a millisecond.
    return -Math.max(1_000_000, Math.ceil((reserved - balance) / unitsPerSecond * 1e9));
  }

  /** Replaces a reservation by what the page really cost. */
  synchronized void settle(double reserved, double consumed) {
    if (!isLimited()) {
      return;
    }
    balance += reserved - consumed;
    expectedCost = expectedCost * (1 - SMOOTHING) + Math.max(consumed, 0.5) * SMOOTHING;
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    double earned = (now - refilledAt) / 1e9 * unitsPerSecond;
    refilledAt = now;
    // At most one second's worth is saved up, so an idle moment does not allow a long burst.
    balance = Math.min(Math.max(unitsPerSecond, expectedCost), balance + earned);
  }

  /** The wait that {@link #reserve()} asked for, as a duration. */
  static Duration waitOf(double reservation) {
    return Duration.ofNanos((long) -reservation);
  }
}
