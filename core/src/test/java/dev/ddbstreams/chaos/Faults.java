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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault plan of one schedule: for each place a fault can strike, whether it strikes the n-th
 * time that place is reached. Decisions are a hash of the seed, the place and n, so they do not
 * depend on how threads interleave: the same seed injects the same faults. Faults strike only while
 * the plan is {@link #active()}; a schedule switches them off after some rounds so that every
 * record can finish. Thread-safe.
 */
public final class Faults {
  private final long seed;
  private final Map<FaultKind, Double> probability = new EnumMap<>(FaultKind.class);
  private final Map<FaultKind, Long> limit = new EnumMap<>(FaultKind.class);
  private final Map<FaultKind, AtomicLong> injected = new EnumMap<>(FaultKind.class);
  private final Map<String, AtomicInteger> visits = new ConcurrentHashMap<>();
  private volatile boolean active = true;

  /**
   * Creates a plan that injects nothing until probabilities are set.
   *
   * @param seed the schedule's seed
   */
  public Faults(long seed) {
    this.seed = seed;
    for (FaultKind k : FaultKind.values()) {
      probability.put(k, 0.0);
      injected.put(k, new AtomicLong());
    }
  }

  /**
   * Sets how often a fault strikes where it can.
   *
   * @param kind the fault
   * @param p the probability per visit, 0 to 1
   * @return this plan
   */
  public Faults set(FaultKind kind, double p) {
    probability.put(kind, p);
    return this;
  }

  /**
   * Sets how often a fault strikes, and how many times at most in the schedule.
   *
   * @param kind the fault
   * @param p the probability per visit, 0 to 1
   * @param max the most times it strikes
   * @return this plan
   */
  public Faults set(FaultKind kind, double p, long max) {
    probability.put(kind, p);
    limit.put(kind, max);
    return this;
  }

  /**
   * Returns whether faults strike now.
   *
   * @return {@code true} while active
   */
  public boolean active() {
    return active;
  }

  /**
   * Switches faults on or off.
   *
   * @param on whether they strike
   */
  public void active(boolean on) {
    this.active = on;
  }

  /**
   * Decides whether a fault strikes at a place this time, and counts it if so.
   *
   * @param kind the fault
   * @param place what is being done, such as {@code handler a event-17}
   * @return {@code true} if the caller must inject the fault
   */
  public boolean strikes(FaultKind kind, String place) {
    double p = probability.get(kind);
    if (!active || p <= 0) {
      return false;
    }
    String key = kind + " " + place;
    int n = visits.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    if (uniform(key, n) >= p) {
      return false;
    }
    AtomicLong count = injected.get(kind);
    long max = limit.getOrDefault(kind, Long.MAX_VALUE);
    while (true) {
      long before = count.get();
      if (before >= max) {
        return false;
      }
      if (count.compareAndSet(before, before + 1)) {
        return true;
      }
    }
  }

  /**
   * Picks one of {@code choices} for a place, the same way for the same seed.
   *
   * @param place the place
   * @param choices how many choices
   * @return 0 to {@code choices - 1}
   */
  public int pick(String place, int choices) {
    return (int) (uniform("pick " + place, 0) * choices);
  }

  /**
   * Returns how many faults of each kind struck.
   *
   * @return counts by kind
   */
  public Map<FaultKind, Long> injected() {
    Map<FaultKind, Long> out = new EnumMap<>(FaultKind.class);
    injected.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** A number in [0, 1) made from the seed, the place and the visit. */
  private double uniform(String key, int n) {
    long h = seed;
    h = mix(h ^ key.hashCode());
    h = mix(h ^ (key.length() * 31L + n));
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
