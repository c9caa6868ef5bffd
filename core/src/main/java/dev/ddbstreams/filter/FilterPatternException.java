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
package dev.ddbstreams.filter;

import dev.ddbstreams.DdbStreamsException;

/**
 * A filter pattern is not valid JSON, or uses an operator or form that Lambda event filtering does
 * not support. The message names the offending path and operator, never an attribute value taken
 * from a record.
 */
public final class FilterPatternException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the pattern, naming the path and operator
   */
  public FilterPatternException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong with the pattern
   * @param cause the parser's or matcher's failure
   */
  public FilterPatternException(String message, Throwable cause) {
    super(message, cause);
  }
}
