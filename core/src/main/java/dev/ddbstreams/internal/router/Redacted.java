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
package dev.ddbstreams.internal.router;

import dev.ddbstreams.DdbStreamsException;
import org.jspecify.annotations.Nullable;

/**
 * A copy of an exception for logs: same class name, stack trace and cause chain, but no message
 * unless the exception is one of the library's own (whose messages never hold values). A handler's
 * exception may quote the item it failed on, and images may hold personal data.
 */
final class Redacted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;

  private Redacted(Throwable original, @Nullable Throwable cause) {
    super(messageOf(original), cause, false, true);
    this.type = original.getClass().getName();
    setStackTrace(original.getStackTrace());
  }

  /** Returns the exception itself if messages may be logged, else its redacted copy. */
  static Throwable forLog(Throwable e, boolean messagesAllowed) {
    return messagesAllowed ? e : copy(e, 0);
  }

  private static Throwable copy(Throwable e, int depth) {
    Throwable cause = e.getCause();
    return new Redacted(
        e, cause == null || cause == e || depth > 16 ? null : copy(cause, depth + 1));
  }

  private static @Nullable String messageOf(Throwable e) {
    return e instanceof DdbStreamsException ? e.getMessage() : null;
  }

  @Override
  public String toString() {
    String message = getMessage();
    return message == null
        ? type + " (message not logged: it may quote item values)"
        : type + ": " + message;
  }
}
