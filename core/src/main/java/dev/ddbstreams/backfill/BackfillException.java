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
package dev.ddbstreams.backfill;

import dev.ddbstreams.DdbStreamsException;

/**
 * A segment of a backfill could not go on: a record of a page failed in the router (after the
 * router's own retries, and without a dead-letter sink that took it), or the scan or the checkpoint
 * store failed. The segment keeps its last checkpoint, so a later run resumes it there. Messages
 * name the segment, the record's event ID and the handler, never item values.
 */
public final class BackfillException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final int segment;

  /**
   * Creates the exception.
   *
   * @param segment the segment that failed
   * @param message what failed, without attribute values
   * @param cause the underlying failure
   */
  public BackfillException(int segment, String message, Throwable cause) {
    super("Segment " + segment + ": " + message, cause);
    this.segment = segment;
  }

  /**
   * Returns the segment that failed.
   *
   * @return the segment number
   */
  public int segment() {
    return segment;
  }
}
