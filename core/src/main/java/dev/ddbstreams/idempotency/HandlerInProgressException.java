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
package dev.ddbstreams.idempotency;

import dev.ddbstreams.DdbStreamsException;

/**
 * Another worker holds the in-progress lease of this (handler, record) pair: the record fails here
 * and is retried, by which time the other worker has finished or its lease has expired.
 */
public final class HandlerInProgressException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param key the key whose lease another worker holds
   */
  public HandlerInProgressException(IdempotencyKey key) {
    super("Another worker is running handler " + key.handlerId() + " on record " + key.recordId());
  }
}
