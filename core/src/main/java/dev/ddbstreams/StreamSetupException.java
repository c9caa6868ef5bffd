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
 * {@link StreamSetup} could not give a table the stream a router needs: the table has a stream of
 * another view type, it is missing, or the stream did not become active in time. The message says
 * what to do.
 */
public final class StreamSetupException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and what to do, naming the table and view types
   */
  public StreamSetupException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the service's error.
   *
   * @param message what failed
   * @param cause the service's error
   */
  public StreamSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
