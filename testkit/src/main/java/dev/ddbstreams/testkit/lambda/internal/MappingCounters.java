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
package dev.ddbstreams.testkit.lambda.internal;

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
