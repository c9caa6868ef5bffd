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

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one record of a batch.
 *
 * @param index the record's position in the batch
 * @param eventId the record's event ID, or {@code null} if it had none
 * @param sequenceNumber the record's sequence number, or {@code null} if it had none or it was not
 *     a decimal number
 * @param status what happened
 * @param handled IDs of the handlers that finished the record in this run, in order
 * @param duplicates IDs of the handlers skipped because they had finished it before
 * @param failedHandler ID of the handler that failed or was dead-lettered, or {@code null}
 * @param failure the exception of a failed or dead-lettered record, or {@code null}
 */
public record RecordOutcome(
    int index,
    @Nullable String eventId,
    @Nullable SequenceNumber sequenceNumber,
    RecordStatus status,
    List<String> handled,
    List<String> duplicates,
    @Nullable String failedHandler,
    @Nullable Throwable failure) {

  /**
   * Creates the value, copying collections so it stays immutable.
   *
   * @param index the record's position in the batch
   * @param eventId the record's event ID, or {@code null} if it had none
   * @param sequenceNumber the record's sequence number, or {@code null} if it had none or it was
   *     not a decimal number
   * @param status what happened
   * @param handled IDs of the handlers that finished the record in this run, in order
   * @param duplicates IDs of the handlers skipped because they had finished it before
   * @param failedHandler ID of the handler that failed or was dead-lettered, or {@code null}
   * @param failure the exception of a failed or dead-lettered record, or {@code null}
   */
  public RecordOutcome {
    handled = List.copyOf(handled);
    duplicates = List.copyOf(duplicates);
  }

  /**
   * Describes the outcome by coordinates and exception type only, never by values.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "RecordOutcome{#"
        + index
        + ", eventID="
        + eventId
        + ", sequenceNumber="
        + sequenceNumber
        + ", "
        + status
        + (failedHandler == null ? "" : ", handler=" + failedHandler)
        + (failure == null ? "" : ", failure=" + failure.getClass().getName())
        + '}';
  }
}
