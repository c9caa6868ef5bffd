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

/**
 * Text given as on-failure messages is not what Lambda sends to an on-failure destination: not
 * JSON, or JSON without a {@code DDBStreamBatchInfo}, or one whose coordinates are missing or
 * malformed. The message names the message's position and the field.
 */
public final class OnFailureMessageException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, and where
   */
  public OnFailureMessageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the parser's failure.
   *
   * @param message what is wrong, and where
   * @param cause the parser's failure
   */
  public OnFailureMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
