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

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A record a handler could not process after every in-process attempt, with what is needed to
 * process it later: the whole raw record, the handler and its failure.
 *
 * <p>{@link #toString()} names the record by its coordinates and the failure by its type only: the
 * record's images and the failure's message may hold personal data. A sink that stores the letter
 * writes {@link #record()} itself.
 *
 * @param record the raw record, images included
 * @param handlerId the stable ID of the handler that failed
 * @param failure the last exception the handler threw
 * @param attempts how many times the handler was tried
 * @param context the batch the record came in
 */
public record DeadLetter(
    Record record, String handlerId, Throwable failure, int attempts, BatchContext context) {

  /**
   * Describes the letter by the record's event ID and sequence number, the handler, the attempts
   * and the failure's type; never by images or the failure's message.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "DeadLetter{eventID="
        + record.eventID()
        + ", sequenceNumber="
        + (record.dynamodb() == null ? null : record.dynamodb().sequenceNumber())
        + ", handler="
        + handlerId
        + ", attempts="
        + attempts
        + ", failure="
        + failure.getClass().getName()
        + '}';
  }
}
