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

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's instrument: sees every change to the items the workload writes (the keys the other
 * handlers take, so the Lambda filter criteria stay as narrow) and measures the time from the write
 * to this handler. Registered first, it stands for "the moment the handlers get the record".
 * Thread-safe.
 */
final class LagProbe {
  private final WriteTimes writes;
  private final AtomicInteger seen = new AtomicInteger();
  private final List<Long> lags = new ArrayList<>();

  LagProbe(WriteTimes writes) {
    this.writes = writes;
  }

  @OnChange(pk = "USER#")
  void userData(StreamRecord<Map<String, Object>> change) {
    measure(change);
  }

  @OnChange(sk = "ACTIVITY#")
  void activity(StreamRecord<Map<String, Object>> change) {
    measure(change);
  }

  private void measure(StreamRecord<?> change) {
    long now = System.nanoTime();
    OptionalLong written = writes.take(change.keys());
    if (written.isPresent()) {
      synchronized (lags) {
        lags.add(now - written.getAsLong());
      }
    }
    seen.incrementAndGet();
  }

  /** Returns how many records of workload items reached the handlers. */
  int seen() {
    return seen.get();
  }

  /** Returns how many lags were measured. */
  int measured() {
    synchronized (lags) {
      return lags.size();
    }
  }

  /** Returns the given percentile (0 to 100) of the measured lags, zero if none. */
  Duration percentile(double p) {
    List<Long> sorted;
    synchronized (lags) {
      sorted = new ArrayList<>(lags);
    }
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    sorted.sort(null);
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return Duration.ofNanos(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
  }
}
