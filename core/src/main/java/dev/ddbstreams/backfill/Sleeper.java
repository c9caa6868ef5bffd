package dev.ddbstreams.backfill;

import java.time.Duration;

/** Waits; tests replace it with one that advances a fake clock instead. */
@FunctionalInterface
interface Sleeper {
  /** Sleeps on the thread. */
  Sleeper THREAD = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  void sleep(Duration duration) throws InterruptedException;
}
