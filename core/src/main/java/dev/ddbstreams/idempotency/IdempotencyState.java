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
package dev.ddbstreams.idempotency;

/** What {@link IdempotencyStore#begin} found for a key. */
public enum IdempotencyState {
  /** No one had started: the caller now holds the in-progress lease and must run the handler. */
  NEW,
  /** Another caller holds an unexpired in-progress lease: do not run; retry later. */
  IN_PROGRESS,
  /** The handler already finished this record: do not run again. */
  COMPLETED
}
