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
