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

/**
 * Which throwables stop the worker instead of failing one record.
 *
 * <p>A handler's exception or {@code Error} is that record's failure: the record is retried,
 * dead-lettered or reported, and the batch goes on under its failure policy. The exceptions are the
 * errors that say the JVM itself can no longer be trusted: {@code OutOfMemoryError}, {@code
 * InternalError}, {@code UnknownError} (the {@code VirtualMachineError}s). {@code
 * StackOverflowError} is a {@code VirtualMachineError} too, but a handler survives it: the stack
 * unwinds to the router and the thread is as good as before, so it fails the record like any other
 * error.
 */
final class Fatal {
  private Fatal() {}

  /** Whether the throwable must stop the worker rather than fail one record. */
  static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }

  /** Rethrows the throwable if it is fatal; returns otherwise. */
  static void rethrowIfFatal(Throwable t) {
    if (isFatal(t)) {
      throw (VirtualMachineError) t;
    }
  }
}
