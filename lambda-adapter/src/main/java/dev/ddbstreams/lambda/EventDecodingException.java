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
package dev.ddbstreams.lambda;

import dev.ddbstreams.DdbStreamsException;
import org.jspecify.annotations.Nullable;

/**
 * A Lambda event could not be turned into stream records: the JSON is malformed, a field has the
 * wrong type, an attribute value has no known type, or the records come from more than one stream.
 *
 * <p>The message names the record's index and event ID (when it was read before the problem) and
 * the JSON path, such as {@code /Records/3/dynamodb/NewImage/address/M/city}. It never contains
 * values, and the parser's own exception is not attached as the cause because its message may quote
 * the input.
 */
public final class EventDecodingException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final int recordIndex;
  private final @Nullable String eventId;
  private final String jsonPath;

  /**
   * Creates the exception.
   *
   * @param recordIndex the index of the record in {@code Records}, or -1 outside any record
   * @param eventId the record's event ID if it was read, else {@code null}
   * @param jsonPath where in the event the problem is, as a JSON pointer
   * @param problem what is wrong, without values
   */
  public EventDecodingException(
      int recordIndex, @Nullable String eventId, String jsonPath, String problem) {
    super(
        "Cannot decode DynamoDB stream event"
            + (recordIndex < 0 ? "" : " record #" + recordIndex)
            + (eventId == null ? "" : " (eventID=" + eventId + ")")
            + " at "
            + (jsonPath.isEmpty() ? "/" : jsonPath)
            + ": "
            + problem);
    this.recordIndex = recordIndex;
    this.eventId = eventId;
    this.jsonPath = jsonPath;
  }

  /**
   * Returns the index of the record in the event's {@code Records} array.
   *
   * @return the index, or -1 if the problem is outside any record
   */
  public int recordIndex() {
    return recordIndex;
  }

  /**
   * Returns the event ID of the record, if it was read before the problem.
   *
   * @return the event ID or {@code null}
   */
  public @Nullable String eventId() {
    return eventId;
  }

  /**
   * Returns where in the event the problem is.
   *
   * @return a JSON pointer, such as {@code /Records/0/dynamodb/Keys/PK}
   */
  public String jsonPath() {
    return jsonPath;
  }
}
