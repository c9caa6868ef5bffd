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
 * Watches a router at work: told of every handler outcome and of every batch, for metrics and
 * dashboards. Register observers with {@link StreamRouter.Builder#observer}; the Micrometer binding
 * ({@code ddbstreams-micrometer}) and the Lambda adapter's embedded metric format are observers.
 *
 * <pre>{@code
 * StreamRouter router = StreamRouter.builder()
 *     .handlers(new PetHandlers(notifier))
 *     .observer(new MicrometerObserver(registry))
 *     .build();
 * }</pre>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Calls come from the threads that process records: concurrently for batches of several
 *       shards, and for the records of one batch under {@link StreamRouter.Builder#parallelism}.
 *       Implementations must be thread-safe and quick: they run on the record path.
 *   <li>The events of a batch's records come before its {@link #onBatch} event, and carry the same
 *       {@link BatchContext} instance.
 *   <li>An observer that throws never fails a record or a batch: the router logs the first failure
 *       of each kind once per observer and goes on.
 *   <li>Events carry coordinates (stream, shard, event ID, sequence number), handler IDs, outcomes,
 *       durations and exception types, never item values or exception messages. Key attributes only
 *       if the router was built with {@link StreamRouter.Builder#observeKeys(boolean)}.
 * </ul>
 *
 * <p>Both methods do nothing by default, so an observer implements only what it needs. A router
 * without observers uses {@link #NONE} and does no observing work at all.
 */
public interface StreamObserver {

  /** Observes nothing. */
  StreamObserver NONE = new StreamObserver() {};

  /**
   * Called when a handler is done with a record, or retries it, or when a record ends without a
   * handler (filtered, not run, malformed).
   *
   * @param event what happened
   */
  default void onHandler(HandlerEvent event) {}

  /**
   * Called once per batch, after all its records' events, before {@code process} returns.
   *
   * @param event the batch's size, record ages, duration and checkpoint
   */
  default void onBatch(BatchEvent event) {}
}
