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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@link HandlerCall} of a handler method once, at {@code build()}: its method handle,
 * receiver bound, adapted to {@code (Object...)void} of its arity and called with {@code
 * invokeExact}, without an argument array. The handler's own exceptions, checked ones and errors
 * included, pass through unchanged.
 *
 * <p>Classes spun per handler with {@code LambdaMetafactory} were tried and measured: no change in
 * throughput (the router has one call site for every handler, so the JIT inlines neither) nor in
 * cold start, for a hidden class per handler at every {@code build()}; see docs/performance.md.
 */
final class HandlerCalls {
  /** The most parameters a handler takes: record or image, diff, context and writes. */
  private static final int MAX_ARITY = 4;

  private HandlerCalls() {}

  /** The largest arity a handler call takes. */
  static int maxArity() {
    return MAX_ARITY;
  }

  /**
   * A call through {@code handle}, a method handle of the handler with its receiver bound.
   *
   * @throws IllegalArgumentException if the handle takes more arguments than a handler can
   */
  static HandlerCall ofHandle(MethodHandle handle) {
    int arity = handle.type().parameterCount();
    if (arity > maxArity()) {
      throw new IllegalArgumentException("a handler takes at most " + maxArity() + " parameters");
    }
    return new HandleCall(handle.asType(erased(arity)));
  }

  private static MethodType erased(int arity) {
    return MethodType.genericMethodType(arity).changeReturnType(void.class);
  }

  /** A method handle adapted to {@code (Object...)void} of the handler's arity. */
  private static final class HandleCall
      implements HandlerCall.Of0,
          HandlerCall.Of1,
          HandlerCall.Of2,
          HandlerCall.Of3,
          HandlerCall.Of4 {
    private final MethodHandle handle;

    HandleCall(MethodHandle handle) {
      this.handle = handle;
    }

    @Override
    public void call() throws Throwable {
      handle.invokeExact();
    }

    @Override
    public void call(@Nullable Object a) throws Throwable {
      handle.invokeExact(a);
    }

    @Override
    public void call(@Nullable Object a, @Nullable Object b) throws Throwable {
      handle.invokeExact(a, b);
    }

    @Override
    public void call(@Nullable Object a, @Nullable Object b, @Nullable Object c) throws Throwable {
      handle.invokeExact(a, b, c);
    }

    @Override
    public void call(@Nullable Object a, @Nullable Object b, @Nullable Object c, @Nullable Object d)
        throws Throwable {
      handle.invokeExact(a, b, c, d);
    }
  }
}
