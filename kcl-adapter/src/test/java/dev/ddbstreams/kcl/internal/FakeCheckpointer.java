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
package dev.ddbstreams.kcl.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * A KCL checkpointer that records what it was asked to write, and throws the exceptions it is
 * given, one per call, before writing.
 */
final class FakeCheckpointer {
  /** Checkpoints written, in order: sequence numbers, or {@code SHARD_END}. */
  final List<String> written = new CopyOnWriteArrayList<>();

  /** Calls made, failed ones included. */
  final List<String> calls = new CopyOnWriteArrayList<>();

  private final Deque<Exception> failures = new ArrayDeque<>();

  /** Makes the next call throw the exception. */
  synchronized FakeCheckpointer failNext(Exception e) {
    failures.add(e);
    return this;
  }

  RecordProcessorCheckpointer checkpointer() {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (!method.getName().equals("checkpoint")) {
            throw new UnsupportedOperationException(method.getName());
          }
          String where = args == null || args.length == 0 ? "SHARD_END" : String.valueOf(args[0]);
          calls.add(where);
          Exception failure;
          synchronized (this) {
            failure = failures.poll();
          }
          if (failure != null) {
            throw failure;
          }
          written.add(where);
          return null;
        };
    return (RecordProcessorCheckpointer)
        Proxy.newProxyInstance(
            RecordProcessorCheckpointer.class.getClassLoader(),
            new Class<?>[] {RecordProcessorCheckpointer.class},
            handler);
  }
}
