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
package dev.ddbstreams.lambda;

import dev.ddbstreams.StreamContext;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test handlers that record what they saw and fail on chosen sequence numbers. */
public final class RecordingHandlers {
  final List<StreamRecord<Map<String, Object>>> records = new CopyOnWriteArrayList<>();
  final List<StreamContext> contexts = new CopyOnWriteArrayList<>();
  final Set<String> failOn = ConcurrentHashMap.newKeySet();

  /**
   * Records every change.
   *
   * @param change the change
   * @param context its context
   */
  @OnChange
  public void record(StreamRecord<Map<String, Object>> change, StreamContext context) {
    records.add(change);
    contexts.add(context);
    if (failOn.contains(change.sequenceNumber().toString())) {
      throw new IllegalStateException("injected failure");
    }
  }
}
