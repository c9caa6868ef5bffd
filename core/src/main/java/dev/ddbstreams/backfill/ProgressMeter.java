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
