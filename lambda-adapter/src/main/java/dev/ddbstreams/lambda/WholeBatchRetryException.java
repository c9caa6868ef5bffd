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
 * Thrown by a Lambda handler set to {@link WholeBatchFailure#THROW} when the batch must be retried
 * as a whole, so that Lambda sees a function error.
 */
public final class WholeBatchRetryException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which records could not be checkpointed, without values
   */
  public WholeBatchRetryException(String message) {
    super(message);
  }
}
