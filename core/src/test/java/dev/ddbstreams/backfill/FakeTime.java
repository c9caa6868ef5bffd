package dev.ddbstreams.backfill;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A nano clock that only sleeping moves: the budget's and the backfill's time in unit tests. */
final class FakeTime implements Sleeper {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicLong slept = new AtomicLong();

  long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    slept.addAndGet(duration.toNanos());
  }

  Duration slept() {
    return Duration.ofNanos(slept.get());
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }
}
