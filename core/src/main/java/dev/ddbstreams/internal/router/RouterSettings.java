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

import dev.ddbstreams.DeadLetterSink;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamObserver;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.filter.FilterPattern;
import dev.ddbstreams.idempotency.IdempotencyKeyStrategy;
import dev.ddbstreams.idempotency.IdempotencyStore;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a router was built with, checked by the public builder.
 *
 * @param observers observers in registration order, empty for none
 * @param observeKeys whether observer events carry the records' key attributes
 * @param logContext whether handler runs put the record's coordinates in the MDC
 */
public record RouterSettings(
    String partitionKey,
    @Nullable String sortKey,
    FailurePolicy failurePolicy,
    RetryPolicy retryPolicy,
    @Nullable DeadLetterSink deadLetterSink,
    @Nullable IdempotencyStore idempotencyStore,
    String idempotencyNamespace,
    IdempotencyKeyStrategy idempotencyKeyStrategy,
    Duration idempotencyLease,
    int parallelism,
    Duration deadlineMargin,
    @Nullable ViewType viewType,
    boolean logExceptionMessages,
    List<FilterPattern> filters,
    List<StreamObserver> observers,
    boolean observeKeys,
    boolean logContext) {

  /** Settings without observers, with the MDC log context on. */
  public RouterSettings(
      String partitionKey,
      @Nullable String sortKey,
      FailurePolicy failurePolicy,
      RetryPolicy retryPolicy,
      @Nullable DeadLetterSink deadLetterSink,
      @Nullable IdempotencyStore idempotencyStore,
      String idempotencyNamespace,
      IdempotencyKeyStrategy idempotencyKeyStrategy,
      Duration idempotencyLease,
      int parallelism,
      Duration deadlineMargin,
      @Nullable ViewType viewType,
      boolean logExceptionMessages,
      List<FilterPattern> filters) {
    this(
        partitionKey,
        sortKey,
        failurePolicy,
        retryPolicy,
        deadLetterSink,
        idempotencyStore,
        idempotencyNamespace,
        idempotencyKeyStrategy,
        idempotencyLease,
        parallelism,
        deadlineMargin,
        viewType,
        logExceptionMessages,
        filters,
        List.of(),
        false,
        true);
  }
}
