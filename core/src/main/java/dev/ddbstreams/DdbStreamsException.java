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

/**
 * Root of every exception this library throws on purpose.
 *
 * <p>Messages name what a person needs to find the cause (event ID, sequence number, handler,
 * attribute path, setting) and never contain attribute values: images may hold personal data, and
 * exceptions end up in logs.
 */
public class DdbStreamsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, without attribute values
   */
  public DdbStreamsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and a cause.
   *
   * @param message what went wrong, without attribute values
   * @param cause the underlying failure
   */
  public DdbStreamsException(String message, Throwable cause) {
    super(message, cause);
  }
}
