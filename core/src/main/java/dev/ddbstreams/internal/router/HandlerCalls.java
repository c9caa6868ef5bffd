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

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@link HandlerCall} of a handler method once, at {@code build()}.
 *
 * <p>The preferred call is a small class spun by {@link LambdaMetafactory} in the handler's own
 * package (through {@link MethodHandles#privateLookupIn}), which calls the method with an ordinary
 * {@code invokevirtual}/{@code invokestatic}: the JIT inlines it like hand-written code, where a
 * method handle held in a field stays an opaque call. Where the handler's class does not allow that
 * (a class in another module, or one loaded by another class loader, which is another unnamed
 * module), the call falls back to the method handle the router has always used. Either way the
 * handler's own exceptions, checked ones and errors included, pass through unchanged.
 */
final class HandlerCalls {
  private static final List<Class<? extends HandlerCall>> INTERFACES =
      List.of(
          HandlerCall.Of0.class,
          HandlerCall.Of1.class,
          HandlerCall.Of2.class,
          HandlerCall.Of3.class,
          HandlerCall.Of4.class);

  private HandlerCalls() {}

  /** The largest arity a handler call takes. */
  static int maxArity() {
    return INTERFACES.size() - 1;
  }

  /**
   * A generated call of {@code method} on {@code target} (ignored for a static method), or null if
   * the method's class does not allow one.
   */
  static @Nullable HandlerCall generated(Object target, Method method) {
    int arity = method.getParameterCount();
    if (arity > maxArity()) {
      return null;
    }
    Class<?> owner = method.getDeclaringClass();
    boolean isStatic = Modifier.isStatic(method.getModifiers());
    Class<? extends HandlerCall> type = INTERFACES.get(arity);
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
      MethodType factory =
          isStatic ? MethodType.methodType(type) : MethodType.methodType(type, owner);
      MethodHandle make =
          LambdaMetafactory.metafactory(
                  lookup,
                  "call",
                  factory,
                  erased(arity),
                  lookup.unreflect(method),
                  MethodType.methodType(void.class, method.getParameterTypes()))
              .getTarget();
      return type.cast(isStatic ? make.invoke() : make.invoke(target));
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable cannot) {
      // IllegalAccessException, LambdaConversionException ("invalid caller" without full
      // privilege access), IllegalAccessError: the class does not let us in; use the handle.
      return null;
    }
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

  /** Whether {@code call} was generated rather than made from a method handle. */
  static boolean isGenerated(HandlerCall call) {
    return !(call instanceof HandleCall);
  }

  private static MethodType erased(int arity) {
    return MethodType.genericMethodType(arity).changeReturnType(void.class);
  }

  /** The fallback: a method handle adapted to {@code (Object...)void} of the handler's arity. */
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
