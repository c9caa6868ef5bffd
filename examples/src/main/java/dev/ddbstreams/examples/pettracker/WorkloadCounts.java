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

import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link Workload} had written at one moment, so the demo can tell what it wrote later: the
 * handlers that take no snapshots (welcomes, weight alerts, deletes, daily summaries) see only the
 * writes made after the stream consumer started.
 *
 * @param writes writes made
 * @param petsCreated pets created
 * @param bigWeightChanges weight changes of more than 2 kg
 * @param petsDeleted pets deleted
 * @param activitiesPerSummary activities per {@code petId/date}
 */
record WorkloadCounts(
    int writes,
    int petsCreated,
    int bigWeightChanges,
    int petsDeleted,
    Map<String, Integer> activitiesPerSummary) {

  WorkloadCounts {
    activitiesPerSummary = Map.copyOf(activitiesPerSummary);
  }

  /** Nothing written yet. */
  static final WorkloadCounts NONE = new WorkloadCounts(0, 0, 0, 0, Map.of());

  static WorkloadCounts of(Workload workload) {
    return new WorkloadCounts(
        workload.writes(),
        workload.petsCreated(),
        workload.bigWeightChanges(),
        workload.petsDeleted(),
        workload.activitiesPerSummary());
  }

  /** What was written after {@code earlier}. */
  WorkloadCounts since(WorkloadCounts earlier) {
    Map<String, Integer> activities = new HashMap<>(activitiesPerSummary);
    earlier.activitiesPerSummary.forEach(
        (key, n) -> activities.computeIfPresent(key, (k, now) -> now - n == 0 ? null : now - n));
    return new WorkloadCounts(
        writes - earlier.writes,
        petsCreated - earlier.petsCreated,
        bigWeightChanges - earlier.bigWeightChanges,
        petsDeleted - earlier.petsDeleted,
        activities);
  }
}
