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

import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.SequenceNumber;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Builds record outcomes, from a parsed view or from the raw record when parsing failed. */
final class Outcomes {
  private Outcomes() {}

  static RecordOutcome of(
      RecordView view,
      RecordStatus status,
      List<String> handled,
      List<String> duplicates,
      @Nullable String failedHandler,
      @Nullable Throwable failure) {
    return new RecordOutcome(
        view.index,
        view.record.eventId(),
        view.sequenceNumber(),
        status,
        handled,
        duplicates,
        failedHandler,
        failure);
  }

  static RecordOutcome notRun(int index, Record raw) {
    return of(index, raw, RecordStatus.NOT_RUN, null, null);
  }

  static RecordOutcome of(
      int index,
      Record raw,
      RecordStatus status,
      @Nullable String failedHandler,
      @Nullable Throwable failure) {
    return new RecordOutcome(
        index,
        raw.eventID(),
        raw.dynamodb() == null ? null : sequenceOrNull(raw.dynamodb().sequenceNumber()),
        status,
        List.of(),
        List.of(),
        failedHandler,
        failure);
  }

  /**
   * Returns the sequence number of a record that may be malformed, or null when it has none or it
   * is not a decimal number (the outcome then asks for the whole batch again).
   */
  static @Nullable SequenceNumber sequenceOrNull(@Nullable String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return SequenceNumber.of(text);
    } catch (IllegalArgumentException notDigits) {
      return null;
    }
  }
}
