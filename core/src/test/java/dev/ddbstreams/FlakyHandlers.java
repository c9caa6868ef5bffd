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
package dev.ddbstreams;

import dev.ddbstreams.annotation.OnChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Test handlers that fail on chosen records and record every call. */
final class FlakyHandlers {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final Map<String, List<String>> perItem = new ConcurrentHashMap<>();
  final Set<String> failOn = ConcurrentHashMap.newKeySet();
  volatile Predicate<String> failWhen = seq -> failOn.contains(seq);

  @OnChange
  void first(StreamRecord<Map<String, Object>> change) {
    String seq = change.sequenceNumber().toString();
    calls.add("first " + seq);
    perItem
        .computeIfAbsent(change.keys().get("PK").s(), k -> new CopyOnWriteArrayList<>())
        .add(seq);
    if (failWhen.test(seq)) {
      throw new IllegalStateException("injected failure on " + seq);
    }
  }

  @OnChange
  void second(StreamRecord<Map<String, Object>> change) {
    calls.add("second " + change.sequenceNumber());
  }
}
