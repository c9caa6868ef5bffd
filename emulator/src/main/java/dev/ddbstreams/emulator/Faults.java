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
package dev.ddbstreams.emulator;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The faults armed on one emulator, and how often each kind fired. Thread-safe: tests may add and
 * clear faults while clients run.
 */
public final class Faults {

  private final List<Fault.Armed> armed = new CopyOnWriteArrayList<>();
  private final Map<Fault.Kind, AtomicLong> fired = new ConcurrentHashMap<>();

  Faults() {}

  /**
   * Arms a fault; it applies to requests that arrive from now on.
   *
   * @param fault the fault
   * @return this, for chaining
   */
  public Faults add(Fault fault) {
    armed.add(new Fault.Armed(fault));
    return this;
  }

  /** Removes every armed fault. Counters of fired faults are kept. */
  public void clear() {
    armed.clear();
  }

  /**
   * Returns how many requests a kind of fault was applied to since the emulator started.
   *
   * @param kind the kind of fault
   * @return the count, zero if it never fired
   */
  public long firedCount(Fault.Kind kind) {
    AtomicLong n = fired.get(kind);
    return n == null ? 0 : n.get();
  }

  /**
   * Picks the fault to apply to one request, counting it as fired; the first armed fault that
   * matches and is due wins.
   */
  @Nullable Fault next(String operation, Set<String> tables) {
    for (Fault.Armed a : armed) {
      Fault f = a.fault;
      if (!f.matches(operation, tables)) {
        continue;
      }
      long match = a.matched.incrementAndGet();
      if (match % f.period() != 0) {
        continue;
      }
      long n = a.fired.incrementAndGet();
      if (n > f.maxTimes()) {
        armed.remove(a);
        continue;
      }
      if (n == f.maxTimes()) {
        armed.remove(a);
      }
      fired.computeIfAbsent(f.kind(), k -> new AtomicLong()).incrementAndGet();
      return f;
    }
    return null;
  }
}
