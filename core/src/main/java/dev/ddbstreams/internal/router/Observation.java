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
package dev.ddbstreams.internal.router;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.HandlerOutcome;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The observing step of the record path. {@link #NONE}, for a router without observers, reads no
 * clock and builds no event, so an unobserved router pays nothing; {@link Observers} tells the
 * registered {@code StreamObserver}s.
 */
interface Observation {

  /** Observes nothing and reads no clock. */
  Observation NONE =
      new Observation() {
        @Override
        public long nanos() {
          return 0;
        }

        @Override
        public long millis(BatchContext context) {
          return 0;
        }

        @Override
        public void handler(
            RecordView view,
            BatchContext context,
            String handlerId,
            HandlerOutcome outcome,
            long startNanos,
            long endNanos,
            int attempts,
            @Nullable Throwable failure) {}

        @Override
        public void batch(
            List<Record> batch,
            BatchContext context,
            long startNanos,
            long startMillis,
            BatchResult result) {}
      };

  /** A monotonic clock for durations: {@code System.nanoTime()}, or 0 when nothing observes. */
  long nanos();

  /** The batch context's clock in epoch milliseconds, or 0 when nothing observes. */
  long millis(BatchContext context);

  /**
   * Tells the observers of one handler's outcome on one record.
   *
   * @param view the record
   * @param context its batch
   * @param handlerId the handler
   * @param outcome what happened
   * @param startNanos {@link #nanos()} before the handler's first attempt (or the retried one)
   * @param endNanos {@link #nanos()} after its last attempt; equal to the start if it did not run
   * @param attempts calls made
   * @param failure the failure, or {@code null}
   */
  void handler(
      RecordView view,
      BatchContext context,
      String handlerId,
      HandlerOutcome outcome,
      long startNanos,
      long endNanos,
      int attempts,
      @Nullable Throwable failure);

  /**
   * Tells the observers of a finished batch, and first of its records that ended without a handler
   * (filtered, not run, malformed).
   *
   * @param batch the records
   * @param context the batch
   * @param startNanos {@link #nanos()} when the batch started
   * @param startMillis {@link #millis} when the batch started: records' ages are taken then
   * @param result what happened to each record
   */
  void batch(
      List<Record> batch,
      BatchContext context,
      long startNanos,
      long startMillis,
      BatchResult result);
}
