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

/**
 * What a Lambda handler does when the router's result says the whole batch must be retried ({@link
 * dev.ddbstreams.BatchResult#requiresWholeBatchRetry()}): a record that must be delivered again has
 * no usable sequence number, so no checkpoint can name it.
 */
public enum WholeBatchFailure {
  /**
   * Answer with a partial batch response that names the batch's first record (or an empty item
   * identifier if it has no sequence number either). Lambda then retries the whole batch without
   * counting a function error, and {@code BisectBatchOnFunctionError} does not split it. The
   * default.
   */
  REPORT_WHOLE_BATCH,
  /**
   * Throw {@link WholeBatchRetryException}: the invocation fails, Lambda retries the whole batch as
   * after any function error, and with {@code BisectBatchOnFunctionError} splits it to isolate the
   * bad record.
   */
  THROW
}
