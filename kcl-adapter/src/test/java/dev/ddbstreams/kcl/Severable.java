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
