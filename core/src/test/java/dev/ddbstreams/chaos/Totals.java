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
package dev.ddbstreams.chaos;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The figures of a suite: schedules, records, faults by kind, and what the checker found. */
public final class Totals {
  private final String suite;
  private final String unit;
  private final long started = System.nanoTime();
  private final Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
  private int schedules;
  private long records;
  private long deliveries;
  private long effects;
  private long deadLetters;
  private long lost;
  private long doubled;
  private long misordered;
  private long windowRepeats;

  /**
   * Starts the figures of a suite.
   *
   * @param suite the suite's name in the summary line
   */
  public Totals(String suite) {
    this(suite, "deliveries");
  }

  /**
   * Starts the figures of a suite that counts something else than deliveries.
   *
   * @param suite the suite's name in the summary line
   * @param unit what {@link #add}'s count counts, such as {@code workers}
   */
  public Totals(String suite, String unit) {
    this.suite = suite;
    this.unit = unit;
  }

  /**
   * Adds one schedule.
   *
   * @param ledger what it did
   * @param plan its faults
   * @param verdict what the checker found
   * @param deliveries how many batches were delivered (invocations, processRecords calls)
   */
  public synchronized void add(
      Ledger ledger, Faults plan, Checker.Verdict verdict, long deliveries) {
    schedules++;
    records += ledger.changes().size();
    this.deliveries += deliveries;
    effects += ledger.effectCount();
    deadLetters += ledger.deadLetterCount();
    plan.injected().forEach((k, v) -> faults.merge(k, v, Long::sum));
    lost += verdict.lost();
    doubled += verdict.doubled();
    misordered += verdict.misordered();
    windowRepeats += verdict.windowRepeats();
  }

  /**
   * Returns the summary line the docs quote.
   *
   * @return one line
   */
  public synchronized String summary() {
    StringJoiner kinds = new StringJoiner(", ", "{", "}");
    long all = 0;
    for (Map.Entry<FaultKind, Long> e : faults.entrySet()) {
      if (e.getValue() > 0) {
        kinds.add(e.getKey() + "=" + e.getValue());
        all += e.getValue();
      }
    }
    return String.format(
        Locale.ROOT,
        "chaos-%s: schedules=%d records=%d %s=%d effects=%d deadLetters=%d faults=%d %s"
            + " lost=%d doubled=%d misordered=%d windowRepeats=%d seconds=%.1f",
        suite,
        schedules,
        records,
        unit,
        deliveries,
        effects,
        deadLetters,
        all,
        kinds,
        lost,
        doubled,
        misordered,
        windowRepeats,
        (System.nanoTime() - started) / 1e9);
  }
}
