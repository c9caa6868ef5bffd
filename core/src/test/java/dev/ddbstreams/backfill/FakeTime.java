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

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A nano clock that only sleeping moves: the budget's and the backfill's time in unit tests. */
final class FakeTime implements Sleeper {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicLong slept = new AtomicLong();

  long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    slept.addAndGet(duration.toNanos());
  }

  Duration slept() {
    return Duration.ofNanos(slept.get());
  }

  void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }
}
