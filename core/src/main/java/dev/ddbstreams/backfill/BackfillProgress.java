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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * How far a running backfill has come, as its progress listener receives it every interval: items
 * finished, the rate, an estimate of the time left, segments done, read capacity consumed. {@link
 * #toString()} is the progress line:
 *
 * <pre>
 * Backfill search-v2: 12,345 of ~50,000 items (25%), 1,234 items/s, ETA 31 s; segments 3 of 8 done, 0 failed; 410.5 read units (50.0/s)
 * </pre>
 *
 * <p>The estimate of the items comes from the table's {@code ItemCount}, which DynamoDB updates
 * about every six hours, times this process's share of the segments: it is approximate, and a table
 * that grew meanwhile may hold more. Immutable.
 */
public final class BackfillProgress {
  private final String backfill;
  private final long items;
  private final long itemsThisRun;
  private final long estimatedItems;
  private final Duration elapsed;
  private final int segmentsDone;
  private final int segmentsFailed;
  private final int segments;
  private final double capacityUnits;

  BackfillProgress(
      String backfill,
      long items,
      long itemsThisRun,
      long estimatedItems,
      Duration elapsed,
      int segmentsDone,
      int segmentsFailed,
      int segments,
      double capacityUnits) {
    this.backfill = backfill;
    this.items = items;
    this.itemsThisRun = itemsThisRun;
    this.estimatedItems = estimatedItems;
    this.elapsed = elapsed;
    this.segmentsDone = segmentsDone;
    this.segmentsFailed = segmentsFailed;
    this.segments = segments;
    this.capacityUnits = capacityUnits;
  }

  /**
   * Returns the backfill's name.
   *
   * @return the name
   */
  public String backfill() {
    return backfill;
  }

  /**
   * Returns how many items of this process's segments the router has finished, earlier runs
   * included.
   *
   * @return the count
   */
  public long items() {
    return items;
  }

  /**
   * Returns how many items the router finished in this run.
   *
   * @return the count
   */
  public long itemsThisRun() {
    return itemsThisRun;
  }

  /**
   * Returns the estimated number of items in this process's segments.
   *
   * @return the estimate, or empty if the table did not report its item count
   */
  public OptionalLong estimatedItems() {
    return estimatedItems < 0 ? OptionalLong.empty() : OptionalLong.of(estimatedItems);
  }

  /**
   * Returns how long the run has taken so far.
   *
   * @return the time
   */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns items finished per second in this run.
   *
   * @return the rate, 0 before the first second
   */
  public double itemsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : itemsThisRun / seconds;
  }

  /**
   * Returns the estimated time left: the items left by the estimate, at this run's rate.
   *
   * @return zero when every segment is done; empty when there is no rate yet, no estimate, or more
   *     items were read than the estimate
   */
  public Optional<Duration> eta() {
    return Optional.ofNullable(etaOrNull());
  }

  private @Nullable Duration etaOrNull() {
    if (segmentsDone == segments) {
      return Duration.ZERO;
    }
    double rate = itemsPerSecond();
    if (estimatedItems < 0 || rate <= 0 || items >= estimatedItems) {
      return null;
    }
    return Duration.ofMillis((long) ((estimatedItems - items) / rate * 1000));
  }

  /**
   * Returns how many of this process's segments are done.
   *
   * @return the count
   */
  public int segmentsDone() {
    return segmentsDone;
  }

  /**
   * Returns how many of this process's segments failed every attempt.
   *
   * @return the count
   */
  public int segmentsFailed() {
    return segmentsFailed;
  }

  /**
   * Returns how many segments this process has.
   *
   * @return the count
   */
  public int segments() {
    return segments;
  }

  /**
   * Returns the read capacity units this run's scans consumed.
   *
   * @return the units
   */
  public double capacityUnits() {
    return capacityUnits;
  }

  /**
   * Returns the progress line.
   *
   * @return items, rate, ETA, segments and capacity on one line
   */
  @Override
  public String toString() {
    String count =
        estimatedItems < 0
            ? String.format(Locale.ROOT, "%,d items", items)
            : items > estimatedItems
                ? String.format(
                    Locale.ROOT, "%,d items (more than the ~%,d estimated)", items, estimatedItems)
                : String.format(
                    Locale.ROOT,
                    "%,d of ~%,d items (%d%%)",
                    items,
                    estimatedItems,
                    estimatedItems == 0 ? 100 : Math.min(100, items * 100 / estimatedItems));
    Duration eta = etaOrNull();
    double seconds = elapsed.toNanos() / 1e9;
    return String.format(
        Locale.ROOT,
        "Backfill %s: %s, %,.0f items/s, ETA %s; segments %d of %d done, %d failed;"
            + " %,.1f read units (%,.1f/s)",
        backfill,
        count,
        itemsPerSecond(),
        eta == null ? "unknown" : format(eta),
        segmentsDone,
        segments,
        segmentsFailed,
        capacityUnits,
        seconds <= 0 ? 0.0 : capacityUnits / seconds);
  }

  private static String format(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
