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

import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When each write of the demo's workload was made, per item, so the lag from a write to its handler
 * can be measured: DynamoDB Streams rounds {@code ApproximateCreationDateTime} down to the second,
 * too coarse for that. Changes to one item reach the stream in write order, so the n-th record of
 * an item belongs to its n-th write. Thread-safe.
 */
final class WriteTimes {
  private final ConcurrentMap<String, Deque<Long>> times = new ConcurrentHashMap<>();

  /** Notes a write of the item with this key, now; call it just before the write. */
  void written(Map<String, AttributeValue> key) {
    times.computeIfAbsent(id(key), k -> new ConcurrentLinkedDeque<>()).add(System.nanoTime());
  }

  /** Returns and forgets the time of the item's oldest write not yet taken, if any. */
  OptionalLong take(Map<String, AttributeValue> key) {
    Deque<Long> writes = times.get(id(key));
    Long time = writes == null ? null : writes.poll();
    return time == null ? OptionalLong.empty() : OptionalLong.of(time);
  }

  private static String id(Map<String, AttributeValue> key) {
    return key.get("PK").s() + '\u0000' + key.get("SK").s();
  }

  /** Forgets every write noted so far: those made before a consumer existed are never taken. */
  void clear() {
    times.clear();
  }
}
