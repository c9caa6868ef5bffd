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

/** What happened to one record of a batch. */
public enum RecordStatus {
  /** Every matching handler finished it, in this run or (with an idempotency store) earlier. */
  HANDLED,
  /** Every matching handler had already finished it before: an idempotent redelivery. */
  DUPLICATE,
  /** No handler matched it. */
  NO_MATCH,
  /**
   * It matched none of the router's filter patterns ({@code StreamRouter.Builder#filter}), so no
   * handler was asked. Like {@link #NO_MATCH}, it is done and never delivered again.
   */
  FILTERED,
  /** A handler failed every attempt and the dead-letter sink took the record. */
  DEAD_LETTERED,
  /** A handler failed, or the record itself is malformed. It must be delivered again. */
  FAILED,
  /**
   * The record did not run: an earlier failure stopped the batch or its item, or the deadline came.
   * It must be delivered again.
   */
  NOT_RUN;

  /**
   * Returns whether the record must be delivered again.
   *
   * @return {@code true} for {@link #FAILED} and {@link #NOT_RUN}
   */
  public boolean needsRetry() {
    return this == FAILED || this == NOT_RUN;
  }
}
