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
