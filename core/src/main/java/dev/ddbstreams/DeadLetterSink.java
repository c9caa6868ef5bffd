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
