package dev.ddbstreams.backfill;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.SnapshotMatch;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A view of a table built from snapshots (a copy of every item, and how often each was handled),
 * beside a welcome handler that must never see a snapshot.
 */
final class CopyHandlers {
  final Map<String, Map<String, AttributeValue>> view = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final AtomicInteger welcomes = new AtomicInteger();
  private final Predicate<String> failOn;

  CopyHandlers() {
    this(key -> false);
  }

  /** Handlers whose copy fails while {@code failOn} accepts the item's key. */
  CopyHandlers(Predicate<String> failOn) {
    this.failOn = failOn;
  }

  @OnInsert(snapshots = SnapshotMatch.INCLUDE)
  void copy(StreamRecord<Map<String, Object>> change) {
    Map<String, AttributeValue> image = change.rawNewImage().orElseThrow();
    String key = Items.key(image);
    calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (failOn.test(key)) {
      throw new IllegalStateException("the search cluster is down");
    }
    view.put(key, image);
  }

  @OnInsert
  void welcome() {
    welcomes.incrementAndGet();
  }

  int totalCalls() {
    return calls.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
