package dev.ddbstreams;

/**
 * Takes records that failed every in-process attempt, so the batch can go on. The sink is called on
 * the processing thread, once per (handler, record); if it throws (an exception or an {@code
 * Error}), the record counts as failed and is retried like any other failure, so nothing is ever
 * dropped.
 *
 * <p>Implementations send the record somewhere durable (an SQS queue, an S3 bucket, a table) and
 * must be thread-safe when the router runs with parallelism.
 */
@FunctionalInterface
public interface DeadLetterSink {
  /**
   * Stores a failed record durably, or throws.
   *
   * @param letter the failed record and its error
   * @throws Exception if the record could not be stored; the record then counts as failed
   */
  void accept(DeadLetter letter) throws Exception;
}
