package dev.ddbstreams.testkit;

import java.time.Duration;

/** Sleeps between polls, turning an interrupt into an unchecked exception that names the wait. */
final class Sleeper {
  private Sleeper() {}

  static void sleep(Duration duration, String waitingFor) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + waitingFor, e);
    }
  }
}
