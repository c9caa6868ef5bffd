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
import dev.ddbstreams.SequenceNumber;
import org.slf4j.MDC;
import org.slf4j.helpers.NOPMDCAdapter;

/**
 * Puts a record's coordinates into SLF4J's MDC while one of its handlers runs, so that every log
 * line written meanwhile (the handler's own, the retry and dead-letter lines) says which stream,
 * shard, record and handler it is about. Coordinates only, never keys or values. {@link #NONE}, for
 * a router built with {@code logContext(false)}, leaves the MDC alone.
 */
interface LogContext {
  /** The MDC key of the stream ARN. */
  String STREAM_ARN = "ddbstreams.streamArn";

  /** The MDC key of the shard ID. */
  String SHARD_ID = "ddbstreams.shardId";

  /** The MDC key of the record's event ID. */
  String EVENT_ID = "ddbstreams.eventId";

  /** The MDC key of the record's sequence number. */
  String SEQUENCE_NUMBER = "ddbstreams.sequenceNumber";

  /** The MDC key of the handler's ID. */
  String HANDLER_ID = "ddbstreams.handlerId";

  /** Leaves the MDC alone. */
  LogContext NONE =
      new LogContext() {
        @Override
        public void enter(RecordView view, String handlerId, BatchContext context) {}

        @Override
        public void exit() {}
      };

  /** Puts the coordinates in the MDC; absent ones are left out. */
  LogContext MDC_KEYS =
      new LogContext() {
        @Override
        public void enter(RecordView view, String handlerId, BatchContext context) {
          context.streamArn().ifPresent(arn -> MDC.put(STREAM_ARN, arn));
          context.shardId().ifPresent(shard -> MDC.put(SHARD_ID, shard));
          MDC.put(EVENT_ID, view.record.eventId());
          SequenceNumber sequence = view.sequenceNumber(); // a snapshot has none
          if (sequence != null) {
            MDC.put(SEQUENCE_NUMBER, sequence.toString());
          }
          MDC.put(HANDLER_ID, handlerId);
        }

        @Override
        public void exit() {
          MDC.remove(STREAM_ARN);
          MDC.remove(SHARD_ID);
          MDC.remove(EVENT_ID);
          MDC.remove(SEQUENCE_NUMBER);
          MDC.remove(HANDLER_ID);
        }
      };

  /**
   * Returns the log context of a router: {@link #MDC_KEYS} if enabled and the logging backend keeps
   * the MDC, else {@link #NONE}. Backends without an MDC ({@code slf4j-simple}, SLF4J's no-op) get
   * an adapter that drops everything: feeding it would cost every handler run for nothing.
   */
  static LogContext of(boolean enabled) {
    return enabled && !(MDC.getMDCAdapter() instanceof NOPMDCAdapter) ? MDC_KEYS : NONE;
  }

  /**
   * Marks the current thread as running a handler on a record. Must be followed by {@link #exit()}
   * on the same thread.
   */
  void enter(RecordView view, String handlerId, BatchContext context);

  /** Removes what {@link #enter} put. */
  void exit();
}
