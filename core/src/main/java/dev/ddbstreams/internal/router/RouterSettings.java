package dev.ddbstreams.internal.router;

import dev.ddbstreams.DeadLetterSink;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.FilterPattern;
import dev.ddbstreams.IdempotencyKeyStrategy;
import dev.ddbstreams.IdempotencyStore;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.ViewType;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything a router was built with, checked by the public builder. */
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
    List<FilterPattern> filters) {}
