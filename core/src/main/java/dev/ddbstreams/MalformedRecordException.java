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

import org.jspecify.annotations.Nullable;

/**
 * A raw stream record lacks something every stream record has (an event ID, a known event name, a
 * sequence number that is a number, the {@code dynamodb} section) or carries a key attribute that a
 * matcher needs in a form it cannot use.
 */
public final class MalformedRecordException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String eventId;
  private final @Nullable String sequenceNumber;

  /**
   * Creates the exception.
   *
   * @param eventId the record's event ID, if it has one
   * @param sequenceNumber the record's sequence number, if it has one
   * @param problem what is wrong, without attribute values
   */
  public MalformedRecordException(
      @Nullable String eventId, @Nullable String sequenceNumber, String problem) {
    super(
        "Malformed stream record (eventID="
            + eventId
            + ", sequenceNumber="
            + sequenceNumber
            + "): "
            + problem);
    this.eventId = eventId;
    this.sequenceNumber = sequenceNumber;
  }

  /**
   * Returns the event ID of the record, if it had one.
   *
   * @return the event ID or {@code null}
   */
  public @Nullable String eventId() {
    return eventId;
  }

  /**
   * Returns the sequence number of the record, if it had one.
   *
   * @return the sequence number as sent, or {@code null}
   */
  public @Nullable String sequenceNumber() {
    return sequenceNumber;
  }
}
