package dev.ddbstreams.benchmarks;

import java.time.Instant;

/**
 * The cold-start harness's clock: milliseconds from the moment {@code benchmarks/cold-start.sh}
 * launched the JVM (its {@code date +%s%N}, passed as {@code COLD_START_LAUNCH_NS}) to now. Uses
 * only JDK classes that every JVM has loaded before {@code main}, so reading it costs neither side
 * anything.
 */
final class ColdStartClock {
  private ColdStartClock() {}

  /** Prints {@code cold-start-ms=...} on stderr for the script to collect. */
  static void responseWritten(String side) {
    Instant now = Instant.now();
    long nowNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    String launch = System.getenv("COLD_START_LAUNCH_NS");
    long launchNs = launch == null ? nowNs : Long.parseLong(launch);
    System.err.printf("cold-start side=%s ms=%.1f%n", side, (nowNs - launchNs) / 1e6);
  }
}
