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
