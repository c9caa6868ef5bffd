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

/**
 * What became of one handler on one record, as a {@link StreamObserver} is told. Outcomes of the
 * record as a whole, before any handler is chosen ({@link #FILTERED}, {@link #NOT_RUN}, and a
 * malformed record's {@link #FAILED} or {@link #DEAD_LETTERED}), carry the router's own handler ID
 * {@link HandlerEvent#ROUTER_ID}.
 */
public enum HandlerOutcome {
  /** The handler finished the record. */
  HANDLED,
  /** The handler failed every attempt it was given, or the idempotency store refused it. */
  FAILED,
  /** An attempt failed and the handler will be tried again in-process (one event per retry). */
  RETRIED,
  /** The handler failed every attempt and the dead-letter sink took the record. */
  DEAD_LETTERED,
  /** The handler had finished this record before (idempotency store): it did not run. */
  DUPLICATE,
  /** The record matched none of the router's filter patterns: no handler was asked. */
  FILTERED,
  /** The record did not run: an earlier failure stopped the batch or its item, or the deadline. */
  NOT_RUN
}
