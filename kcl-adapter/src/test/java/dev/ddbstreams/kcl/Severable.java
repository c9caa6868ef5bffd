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
package dev.ddbstreams.kcl;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Client proxies that stop reaching the service when {@link #sever()} is called, as when a worker's
 * process dies or its network is cut: no lease renewal, no checkpoint, no read succeeds.
 */
final class Severable {
  private final AtomicBoolean severed = new AtomicBoolean();

  void sever() {
    severed.set(true);
  }

  boolean isSevered() {
    return severed.get();
  }

  <T> T wrap(Class<T> type, T delegate) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          if (severed.get()
              && !method.getName().equals("serviceName")
              && !method.getName().startsWith("serviceClientConfiguration")) {
            SdkClientException cut = SdkClientException.create("worker killed");
            if (CompletableFuture.class.isAssignableFrom(method.getReturnType())) {
              return CompletableFuture.failedFuture(cut);
            }
            throw cut;
          }
          try {
            return method.invoke(delegate, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
