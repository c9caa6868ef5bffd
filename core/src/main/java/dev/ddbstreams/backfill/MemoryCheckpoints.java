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
