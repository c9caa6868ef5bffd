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
