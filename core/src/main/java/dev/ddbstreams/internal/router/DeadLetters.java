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
import dev.ddbstreams.DeadLetter;
import dev.ddbstreams.DeadLetterSink;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The dead-letter step after a handler's last attempt. {@link #NONE}, for a router without a sink,
 * takes nothing, so the record fails and is delivered again: nothing is ever dropped.
 *
 * <table>
 *   <caption>DeadLetters</caption>
 *   <tr><th>the sink</th><th>the record</th></tr>
 *   <tr><td>none configured</td><td>fails</td></tr>
 *   <tr><td>returns</td><td>dead-lettered; the batch goes on</td></tr>
 *   <tr><td>throws anything but a fatal error</td><td>fails (the sink's error is logged)</td></tr>
 *   <tr><td>throws a fatal error ({@link Fatal})</td><td>rethrown</td></tr>
 * </table>
 */
interface DeadLetters {

  /** Takes nothing. */
  DeadLetters NONE = (raw, handlerId, failure, attempts, context, description) -> false;

  /**
   * Offers a record to the sink.
   *
   * @param raw the record
   * @param handlerId the handler that failed, or the router's ID for a malformed record
   * @param failure the last failure
   * @param attempts how many calls were made
   * @param context the batch
   * @param description the record's coordinates for logs
   * @return {@code true} if the sink took it
   * @throws VirtualMachineError if the sink threw one; nothing else
   */
  boolean take(
      Record raw,
      String handlerId,
      Throwable failure,
      int attempts,
      BatchContext context,
      String description);

  /** Returns the step for a sink, or {@link #NONE}. */
  static DeadLetters of(@Nullable DeadLetterSink sink, boolean logMessages) {
    return sink == null ? NONE : new ToSink(sink, logMessages);
  }

  /** Hands records to a sink. Thread-safe if the sink is. */
  final class ToSink implements DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

    private final DeadLetterSink sink;
    private final boolean logMessages;

    ToSink(DeadLetterSink sink, boolean logMessages) {
      this.sink = sink;
      this.logMessages = logMessages;
    }

    @Override
    public boolean take(
        Record raw,
        String handlerId,
        Throwable failure,
        int attempts,
        BatchContext context,
        String description) {
      try {
        sink.accept(new DeadLetter(raw, handlerId, failure, attempts, context));
      } catch (Throwable sinkFailure) {
        Fatal.rethrowIfFatal(sinkFailure);
        LOG.error(
            "Dead-letter sink failed on {} for {}; the record counts as failed",
            description,
            handlerId,
            Redacted.forLog(sinkFailure, logMessages));
        return false;
      }
      LOG.error(
          "Dead-lettered {} for {} after {} attempt(s): {}",
          description,
          handlerId,
          attempts,
          failure.getClass().getName());
      return true;
    }
  }
}
