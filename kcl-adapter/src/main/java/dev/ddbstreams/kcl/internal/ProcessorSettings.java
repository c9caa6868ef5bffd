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
package dev.ddbstreams.kcl.internal;

import dev.ddbstreams.StreamRouter;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every shard processor of one consumer shares.
 *
 * @param router the router that runs the handlers
 * @param streamArn the stream ARN put into each batch's context
 * @param initialBackoff the wait before the first in-process retry of a failed batch
 * @param maxBackoff the longest wait between retries; waits double up to it
 * @param stopping tells processors that the consumer is shutting down, so a retry loop gives up
 *     after its current round and leaves the rest to the next lease holder
 * @param onFatal told once a processor met an error that stops the worker (the router let a JVM
 *     error such as {@code OutOfMemoryError} out); it stops the consumer
 */
public record ProcessorSettings(
    StreamRouter router,
    String streamArn,
    Duration initialBackoff,
    Duration maxBackoff,
    BooleanSupplier stopping,
    Consumer<Throwable> onFatal) {

  /**
   * Returns the wait after a failed round.
   *
   * @param round the round that failed, from 1
   * @return the wait, doubling from the initial backoff up to the maximum
   */
  Duration backoffAfter(int round) {
    int shift = Math.min(30, Math.max(0, round - 1));
    long millis = initialBackoff.toMillis() << shift;
    return millis <= 0 || millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(millis);
  }
}
