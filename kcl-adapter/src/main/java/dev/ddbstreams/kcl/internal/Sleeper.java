package dev.ddbstreams.kcl.internal;

import java.time.Duration;

/** Waits between retries; tests replace it to run without waiting. */
@FunctionalInterface
interface Sleeper {
  /** Sleeps on the calling thread. */
  Sleeper THREAD =
      d -> {
        try {
          Thread.sleep(d.toMillis());
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      };

  /**
   * Waits.
   *
   * @param duration how long
   * @return {@code false} if the wait was interrupted, so the caller must stop
   */
  boolean sleep(Duration duration);
}
