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
package dev.ddbstreams.internal.router;

import java.time.Duration;

/** Waits between in-process attempts; tests replace it to run without waiting. */
@FunctionalInterface
interface Sleeper {
  /** Sleeps on the calling thread; an interrupt ends the wait and stays set. */
  Sleeper THREAD =
      d -> {
        try {
          Thread.sleep(d.toMillis());
          return true;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      };

  /**
   * Waits.
   *
   * @param duration how long
   * @return {@code false} if the wait was interrupted, so the caller must not try again
   */
  boolean sleep(Duration duration);
}
