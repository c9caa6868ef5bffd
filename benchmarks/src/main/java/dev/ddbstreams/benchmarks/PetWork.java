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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The light work the five handlers of {@link FullBatchBenchmark} and the cold-start harness do, the
 * same for ddbstreams and for the hand-written handler: format a message, add to counters, update a
 * cache. It sees only plain values, so neither side pays for the other's types.
 */
public final class PetWork {
  private final List<String> outbox = new ArrayList<>();
  private final Map<String, Integer> activityByUser = new HashMap<>();
  private final Map<String, String> profileNames = new HashMap<>();
  private long weightDeltaKg;
  private int expired;
  private int calls;

  /** Creates empty state. */
  public PetWork() {}

  /** Forgets the messages of the previous batch, so memory stays flat across batches. */
  public void startBatch() {
    outbox.clear();
  }

  void welcome(String userId, String name, String species) {
    calls++;
    outbox.add("Welcome " + name + " the " + species + " of " + userId);
  }

  void weightChanged(String petKey, int oldKg, int newKg) {
    calls++;
    weightDeltaKg += newKg - oldKg;
    if (Math.abs(newKg - oldKg) > 20) {
      outbox.add("Weight of " + petKey + " changed by " + (newKg - oldKg) + " kg");
    }
  }

  void expired(String userId, String petKey) {
    calls++;
    expired++;
    outbox.add("Expired " + petKey + " of " + userId);
  }

  void activity(String userId) {
    calls++;
    activityByUser.merge(userId, 1, Integer::sum);
  }

  void profile(String userKey, String name) {
    calls++;
    profileNames.put(userKey, name);
  }

  /**
   * Returns a summary of everything done so far, to check that two sides did the same work.
   *
   * @return the summary
   */
  public String summary() {
    return "calls="
        + calls
        + " outbox="
        + outbox
        + " weightDeltaKg="
        + weightDeltaKg
        + " expired="
        + expired
        + " activity="
        + new TreeMap<>(activityByUser)
        + " profiles="
        + new TreeMap<>(profileNames);
  }
}
