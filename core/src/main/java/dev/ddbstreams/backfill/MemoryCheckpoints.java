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
package dev.ddbstreams.backfill;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link BackfillCheckpoints#inMemory()}: checkpoints in a map. Thread-safe. */
final class MemoryCheckpoints implements BackfillCheckpoints {
  private final Map<String, Map<Integer, SegmentCheckpoint>> backfills = new ConcurrentHashMap<>();

  @Override
  public Map<Integer, SegmentCheckpoint> load(String backfill) {
    return new TreeMap<>(backfills.getOrDefault(backfill, Map.of()));
  }

  @Override
  public void save(String backfill, SegmentCheckpoint checkpoint) {
    backfills
        .computeIfAbsent(backfill, name -> new ConcurrentHashMap<>())
        .put(checkpoint.segment(), checkpoint);
  }
}
