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
package dev.ddbstreams.kcl;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler that records, per item, the versions it saw in order, and counts every call. */
public final class Seen {
  final Map<String, List<Integer>> versions = new ConcurrentHashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();

  /**
   * Records a change.
   *
   * @param change the change
   */
  @OnChange
  public void record(StreamRecord<Map<String, Object>> change) {
    String pk = change.key("PK").orElseThrow().s();
    int v = Integer.parseInt(change.rawNewImage().orElseThrow().get("v").n());
    versions.computeIfAbsent(pk, k -> Collections.synchronizedList(new ArrayList<>())).add(v);
    calls.incrementAndGet();
    firstSeenNanos.putIfAbsent(pk + "#" + v, System.nanoTime());
  }

  int total() {
    return calls.get();
  }
}
