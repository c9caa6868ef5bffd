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
package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** The demo report's last part: what the router's Micrometer meters saw. */
final class MetricsSummary {
  private static final String[] OUTCOMES = {
    "handled", "duplicate", "retried", "failed", "dead_lettered"
  };

  private MetricsSummary() {}

  /** How many outcomes of this kind the handler had, any event name. */
  static long outcomes(MeterRegistry registry, String handler, String outcome) {
    return (long)
        registry
            .find(MicrometerObserver.HANDLER_OUTCOMES)
            .tags("handler", handler, "outcome", outcome)
            .counters()
            .stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  static void print(MeterRegistry registry, PrintStream out) {
    out.println("Metrics (ddbstreams-micrometer, from the router's SimpleMeterRegistry):");
    Timer batches = registry.find(MicrometerObserver.BATCHES).timer();
    Timer age = registry.find(MicrometerObserver.RECORD_AGE).timer();
    if (batches != null) {
      double records =
          registry.find(MicrometerObserver.BATCH_RECORDS).summaries().stream()
              .mapToDouble(s -> s.totalAmount())
              .sum();
      out.printf(
          "  batches: %d, %.1f records each, %.2f ms each on average%n",
          batches.count(),
          records / Math.max(1, batches.count()),
          batches.mean(TimeUnit.MILLISECONDS));
    }
    if (age != null) {
      out.printf(
          "  record age (each batch's newest record): mean %.0f ms, max %.0f ms%n",
          age.mean(TimeUnit.MILLISECONDS), age.max(TimeUnit.MILLISECONDS));
    }
    Map<String, Long> byStatus = new TreeMap<>();
    registry
        .find(MicrometerObserver.RECORDS)
        .counters()
        .forEach(c -> byStatus.merge(c.getId().getTag("status"), (long) c.count(), Long::sum));
    byStatus.values().removeIf(n -> n == 0);
    out.println("  records by status: " + byStatus);
    Map<String, Timer> handled = new TreeMap<>();
    registry
        .find(MicrometerObserver.HANDLER_INVOCATIONS)
        .tag("outcome", "handled")
        .timers()
        .forEach(t -> handled.merge(t.getId().getTag("handler"), t, (a, b) -> a));
    Map<String, Boolean> handlers = new TreeMap<>();
    registry
        .find(MicrometerObserver.HANDLER_OUTCOMES)
        .counters()
        .forEach(c -> handlers.put(c.getId().getTag("handler"), true));
    out.printf(
        "  %-58s %8s %9s %7s %6s %6s %8s%n",
        "handler", "handled", "duplicate", "retried", "failed", "dead", "mean ms");
    for (String handler : handlers.keySet()) {
      double mean = meanMillis(registry, handler);
      out.printf(
          "  %-58s %8d %9d %7d %6d %6d %8.3f%n",
          shorten(handler),
          outcomes(registry, handler, OUTCOMES[0]),
          outcomes(registry, handler, OUTCOMES[1]),
          outcomes(registry, handler, OUTCOMES[2]),
          outcomes(registry, handler, OUTCOMES[3]),
          outcomes(registry, handler, OUTCOMES[4]),
          mean);
    }
  }

  /** Mean duration of the handler's successful runs, across event names. */
  private static double meanMillis(MeterRegistry registry, String handler) {
    long count = 0;
    double total = 0;
    for (Timer t :
        registry
            .find(MicrometerObserver.HANDLER_INVOCATIONS)
            .tags("handler", handler, "outcome", "handled")
            .timers()) {
      count += t.count();
      total += t.totalTime(TimeUnit.MILLISECONDS);
    }
    return count == 0 ? 0 : total / count;
  }

  private static String shorten(String handler) {
    return handler.replace("dev.ddbstreams.examples.pettracker.", "");
  }
}
