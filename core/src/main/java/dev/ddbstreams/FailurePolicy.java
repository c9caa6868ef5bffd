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
 * What a batch does after a record fails (after its in-process retries, and when no dead-letter
 * sink took it). Whatever the policy, the batch result's checkpoint is the lowest sequence number
 * that must be delivered again.
 */
public enum FailurePolicy {
  /**
   * Nothing after the failed record runs; the stream is retried from it. Keeps the order of the
   * whole shard. The default.
   */
  STOP_AT_FIRST_FAILURE,
  /**
   * Records of other items go on; later records of the failed item do not run, so one item's
   * changes stay in order. Records after the checkpoint that did succeed are delivered again on
   * retry: use an idempotency store so they are not handled twice.
   */
  SKIP_FAILED_ITEM,
  /**
   * Every record runs and every failure is reported, as Powertools' batch utility does. Gives up
   * per-item order on retry; use an idempotency store so successes are not handled twice.
   */
  CONTINUE
}
