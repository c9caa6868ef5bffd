package dev.ddbstreams.lambda.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What a local event source mapping did, counted as it goes. Thread-safe. */
public final class MappingCounters {
  /** Invocations of the function. */
  public final AtomicLong invocations = new AtomicLong();

  /** Invocations that threw. */
  public final AtomicLong functionErrors = new AtomicLong();

  /** Invocations whose response named failed records (counted only when honoured). */
  public final AtomicLong partialFailures = new AtomicLong();

  /** Records passed to the function, redeliveries included. */
  public final AtomicLong recordsDelivered = new AtomicLong();

  /** Batches split in two after a function error. */
  public final AtomicLong bisections = new AtomicLong();

  /** Records given up and reported to the on-failure destination. */
  public final AtomicLong recordsDiscarded = new AtomicLong();

  /** Records dropped by the filter criteria before any batch, as the service drops them. */
  public final AtomicLong recordsFiltered = new AtomicLong();
}
