package dev.ddbstreams.internal.router;

import java.time.Duration;

/** Waits between in-process attempts; tests replace it to run without waiting. */
@FunctionalInterface
interface Sleeper {
  /** Sleeps on the calling thread; an interrupt ends the wait and stays set. */
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
   * @return {@code false} if the wait was interrupted, so the caller must not try again
   */
  boolean sleep(Duration duration);
}
