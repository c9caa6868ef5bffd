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

import org.jspecify.annotations.Nullable;

/**
 * A call of one handler method with its arguments already worked out: the receiver, if any, is
 * bound. One sub-interface per arity, so the router calls a handler without an argument array.
 *
 * <p>Whatever the handler throws passes through unchanged.
 */
sealed interface HandlerCall
    permits HandlerCall.Of0, HandlerCall.Of1, HandlerCall.Of2, HandlerCall.Of3, HandlerCall.Of4 {

  /** A handler without parameters. */
  @FunctionalInterface
  non-sealed interface Of0 extends HandlerCall {
    void call() throws Throwable;
  }

  /** A handler of one parameter. */
  @FunctionalInterface
  non-sealed interface Of1 extends HandlerCall {
    void call(@Nullable Object a) throws Throwable;
  }

  /** A handler of two parameters. */
  @FunctionalInterface
  non-sealed interface Of2 extends HandlerCall {
    void call(@Nullable Object a, @Nullable Object b) throws Throwable;
  }

  /** A handler of three parameters. */
  @FunctionalInterface
  non-sealed interface Of3 extends HandlerCall {
    void call(@Nullable Object a, @Nullable Object b, @Nullable Object c) throws Throwable;
  }

  /** A handler of four parameters (record or image, diff, context and writes). */
  @FunctionalInterface
  non-sealed interface Of4 extends HandlerCall {
    void call(@Nullable Object a, @Nullable Object b, @Nullable Object c, @Nullable Object d)
        throws Throwable;
  }
}
