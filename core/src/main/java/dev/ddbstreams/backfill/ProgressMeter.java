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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.LongSupplier;

/** Counts what a run has done, for progress lines and the report. Thread-safe. */
final class ProgressMeter {
  private final String backfill;
  private final int segments;
  private final long itemsBefore;
  private final long estimatedItems;
  private final LongSupplier nanoTime;
  private final long startedAt;
  private final AtomicLong itemsThisRun = new AtomicLong();
  private final DoubleAdder capacityUnits = new DoubleAdder();
  private final AtomicInteger segmentsDone = new AtomicInteger();
  private final AtomicInteger segmentsFailed = new AtomicInteger();

  ProgressMeter(
      String backfill,
      int segments,
      long itemsBefore,
      int segmentsDoneBefore,
      long estimatedItems,
      LongSupplier nanoTime) {
    this.backfill = backfill;
    this.segments = segments;
    this.itemsBefore = itemsBefore;
    this.estimatedItems = estimatedItems;
    this.nanoTime = nanoTime;
    this.startedAt = nanoTime.getAsLong();
    this.segmentsDone.set(segmentsDoneBefore);
  }

  void page(long items, double units) {
    itemsThisRun.addAndGet(items);
    capacityUnits.add(units);
  }

  void segmentDone() {
    segmentsDone.incrementAndGet();
  }

  void segmentFailed() {
    segmentsFailed.incrementAndGet();
  }

  Duration elapsed() {
    return Duration.ofNanos(nanoTime.getAsLong() - startedAt);
  }

  double capacityUnits() {
    return capacityUnits.sum();
  }

  BackfillProgress progress() {
    long run = itemsThisRun.get();
    return new BackfillProgress(
        backfill,
        itemsBefore + run,
        run,
        estimatedItems,
        elapsed(),
        segmentsDone.get(),
        segmentsFailed.get(),
        segments,
        capacityUnits.sum());
  }
}
