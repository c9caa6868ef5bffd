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
package dev.ddbstreams;

import dev.ddbstreams.filter.FilterCriteria;
import dev.ddbstreams.filter.FilterPattern;
import dev.ddbstreams.filter.FilterPatternException;
import dev.ddbstreams.idempotency.IdempotencyKeyStrategy;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.internal.router.BatchProcessor;
import dev.ddbstreams.internal.router.RouterSettings;
import dev.ddbstreams.internal.router.Routers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Routes the records of a DynamoDB stream batch to annotated handler methods and reports where the
 * stream must resume.
 *
 * <pre>{@code
 * StreamRouter router = StreamRouter.builder()
 *     .keys("PK", "SK")
 *     .handlers(new PetHandlers(notifier), new ActivityHandlers(table))
 *     .idempotency(store)
 *     .build();
 * BatchResult result = router.process(records);
 * result.firstFailedSequenceNumber().ifPresent(checkpoint -> ...);
 * }</pre>
 *
 * <h2>Order and fan-out</h2>
 *
 * Every handler whose matchers accept a record runs, in registration order (the order of the
 * objects given to {@link Builder#handlers}), then in the order the methods are declared in their
 * class (superclass methods after the class's own). The handlers of one record run one after
 * another; if one fails, the later ones wait for the retry. Records run in batch order, or with
 * {@link Builder#parallelism(int)} concurrently across items and in order within an item.
 *
 * <h2>Failures</h2>
 *
 * A failing handler (an exception, or an {@code Error} such as {@code AssertionError} or {@code
 * StackOverflowError}) is retried in-process per the {@link RetryPolicy}; then the record goes to
 * the {@link DeadLetterSink} if there is one, or fails. What a failure does to the rest of the
 * batch is the {@link FailurePolicy}. The result's checkpoint is always the lowest sequence number
 * that must be delivered again. With an {@link IdempotencyStore}, a redelivered record runs only
 * the handlers that had not finished it. A failing store or sink fails the record; {@code process}
 * never throws for a handler, store or sink failure, and releases the idempotency lease of every
 * record it gives up on.
 *
 * <p>Built once and reused: a router is immutable and thread-safe, and may process batches of
 * several shards at once.
 */
public final class StreamRouter implements AutoCloseable {
  private final BatchProcessor processor;
  private final List<HandlerInfo> handlers;
  private final RouterSettings settings;

  private StreamRouter(RouterSettings settings, Routers.Built built) {
    this.settings = settings;
    this.processor = built.processor();
    this.handlers = built.handlers();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Processes a batch without adapter context.
   *
   * @param batch records of one shard, in stream order
   * @return what happened to each record and where to resume
   */
  public BatchResult process(List<Record> batch) {
    return process(batch, BatchContext.none());
  }

  /**
   * Processes a batch. Returns when every record has run or been given up, with parallelism too: no
   * task of the batch is still running. If the calling thread is interrupted meanwhile, running
   * handlers are interrupted, nothing more starts, and the interrupt stays set.
   *
   * @param batch records of one shard, in stream order
   * @param context what the adapter knows about the batch: stream ARN, shard, deadline
   * @return what happened to each record and where to resume
   * @throws VirtualMachineError only an error of the JVM itself ({@code OutOfMemoryError}, {@code
   *     InternalError}, {@code UnknownError}) thrown by a handler, store or sink: the worker must
   *     stop, and no record after it is reported done
   */
  public BatchResult process(List<Record> batch, BatchContext context) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(context, "context");
    return processor.process(batch, context);
  }

  /**
   * Returns the handlers in dispatch order.
   *
   * @return what each handler matches
   */
  public List<HandlerInfo> handlers() {
    return handlers;
  }

  /**
   * Returns the name of the partition key attribute.
   *
   * @return the attribute name
   */
  public String partitionKey() {
    return settings.partitionKey();
  }

  /**
   * Returns the name of the sort key attribute.
   *
   * @return the attribute name, or empty for tables without a sort key
   */
  public Optional<String> sortKey() {
    return Optional.ofNullable(settings.sortKey());
  }

  /**
   * Returns the router-wide filter patterns given to {@link Builder#filter}.
   *
   * @return the patterns, empty if none
   */
  public List<FilterPattern> filters() {
    return settings.filters();
  }

  /**
   * Returns the in-process retry policy given to {@link Builder#retry}.
   *
   * @return the policy, {@link RetryPolicy#NONE} by default
   */
  public RetryPolicy retryPolicy() {
    return settings.retryPolicy();
  }

  /**
   * Returns the stream view type given to {@link Builder#viewType}.
   *
   * @return the view type, or empty if not declared
   */
  public Optional<ViewType> viewType() {
    return Optional.ofNullable(settings.viewType());
  }

  /**
   * Generates the Lambda {@code FilterCriteria} that keeps every record some handler of this router
   * would accept, so the event source mapping drops the rest before invoking the function. Sound by
   * construction: a record a handler wants is never dropped; constraints Lambda cannot express for
   * DynamoDB mappings are left out and listed in {@link FilterCriteria#notes()}.
   *
   * <pre>{@code
   * System.out.println(router.filterCriteria().json());
   * }</pre>
   *
   * @return the criteria, at most {@link FilterCriteria#MAX_FILTERS} patterns
   */
  public FilterCriteria filterCriteria() {
    return FilterCriteria.forHandlers(
        handlers, settings.partitionKey(), settings.sortKey(), settings.viewType(), filters());
  }

  /** Stops the router's worker threads, if parallelism started any. */
  @Override
  public void close() {
    processor.close();
  }

  /**
   * Builds a {@link StreamRouter}. {@link #build()} checks every setting and handler and reports
   * all problems at once. Not thread-safe.
   */
  public static final class Builder {
    private String partitionKey = "PK";
    private @Nullable String sortKey = "SK";
    private final List<Object> handlers = new ArrayList<>();
    private FailurePolicy failurePolicy = FailurePolicy.STOP_AT_FIRST_FAILURE;
    private RetryPolicy retryPolicy = RetryPolicy.NONE;
    private @Nullable DeadLetterSink deadLetterSink;
    private @Nullable IdempotencyStore idempotencyStore;
    private String namespace = "ddbstreams";
    private IdempotencyKeyStrategy keyStrategy = IdempotencyKeyStrategy.EVENT_ID;
    private Duration lease = Duration.ofMinutes(5);
    private int parallelism = 1;
    private Duration deadlineMargin = Duration.ofSeconds(1);
    private @Nullable ViewType viewType;
    private boolean logExceptionMessages;
    private final List<FilterPattern> filters = new ArrayList<>();
    private final List<StreamObserver> observers = new ArrayList<>();
    private boolean observeKeys;
    private boolean logContext = true;
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the names of the table's key attributes. Defaults to {@code PK} and {@code SK}.
     *
     * @param partitionKey the partition key attribute
     * @param sortKey the sort key attribute
     * @return this builder
     */
    public Builder keys(String partitionKey, String sortKey) {
      this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
      this.sortKey = Objects.requireNonNull(sortKey, "sortKey");
      return this;
    }

    /**
     * Sets the partition key attribute of a table without a sort key.
     *
     * @param partitionKey the partition key attribute
     * @return this builder
     */
    public Builder keys(String partitionKey) {
      this.partitionKey = Objects.requireNonNull(partitionKey, "partitionKey");
      this.sortKey = null;
      return this;
    }

    /**
     * Adds handler objects: instances of classes with annotated handler methods. Their order is the
     * dispatch order.
     *
     * @param handlerObjects the handler objects
     * @return this builder
     */
    public Builder handlers(Object... handlerObjects) {
      for (Object h : handlerObjects) {
        handlers.add(Objects.requireNonNull(h, "handler object"));
      }
      return this;
    }

    /**
     * Sets what a failed record does to the rest of the batch. Default {@link
     * FailurePolicy#STOP_AT_FIRST_FAILURE}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder failurePolicy(FailurePolicy policy) {
      this.failurePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets in-process retries of failing handlers. Default {@link RetryPolicy#NONE}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder retry(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets where records go that fail every attempt, so the batch can go on. Without one, a failing
     * record is retried until it succeeds or leaves the stream.
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder deadLetter(DeadLetterSink sink) {
      this.deadLetterSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Keeps track of finished (handler, record) pairs so redelivered records do not run a handler
     * twice.
     *
     * @param store the store
     * @return this builder
     */
    public Builder idempotency(IdempotencyStore store) {
      this.idempotencyStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the namespace of idempotency keys, so applications can share a store. Default {@code
     * ddbstreams}.
     *
     * @param namespace a non-empty name
     * @return this builder
     */
    public Builder idempotencyNamespace(String namespace) {
      if (namespace == null || namespace.isEmpty()) {
        problems.add("idempotencyNamespace must not be empty");
      } else {
        this.namespace = namespace;
      }
      return this;
    }

    /**
     * Sets what identifies a record in idempotency keys. Default {@link
     * IdempotencyKeyStrategy#EVENT_ID}.
     *
     * @param strategy the strategy
     * @return this builder
     */
    public Builder idempotencyKey(IdempotencyKeyStrategy strategy) {
      this.keyStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /**
     * Sets how long an in-progress lease lasts when the batch has no deadline (under KCL). With a
     * deadline (Lambda), the lease ends at the deadline. Default 5 minutes.
     *
     * @param lease a positive duration
     * @return this builder
     */
    public Builder idempotencyLease(Duration lease) {
      if (lease == null || lease.isNegative() || lease.isZero()) {
        problems.add("idempotencyLease must be positive");
      } else {
        this.lease = lease;
      }
      return this;
    }

    /**
     * Runs records of different items concurrently on this many threads; records of one item always
     * run in order. Default 1.
     *
     * @param threads 1 to 256
     * @return this builder
     */
    public Builder parallelism(int threads) {
      if (threads < 1 || threads > 256) {
        problems.add("parallelism must be between 1 and 256, was " + threads);
      } else {
        this.parallelism = threads;
      }
      return this;
    }

    /**
     * Sets how close to the batch's deadline no new record is started: records left then are
     * reported not run, so the stream resumes from them instead of the whole invocation timing out.
     * Default 1 second.
     *
     * @param margin zero or more
     * @return this builder
     */
    public Builder deadlineMargin(Duration margin) {
      if (margin == null || margin.isNegative()) {
        problems.add("deadlineMargin must not be negative");
      } else {
        this.deadlineMargin = margin;
      }
      return this;
    }

    /**
     * Declares the stream's view type, so {@link #build()} rejects handlers that need images the
     * stream will not carry instead of failing on the first record.
     *
     * @param type the table's {@code StreamViewType}
     * @return this builder
     */
    public Builder viewType(ViewType type) {
      this.viewType = type == ViewType.UNKNOWN ? null : type;
      return this;
    }

    /**
     * Lets logs show the messages of handlers' exceptions. By default a handler's exception is
     * logged with its type, stack trace and causes but without its message, since a message may
     * quote the item the handler failed on, and images may hold personal data. The library's own
     * exceptions never quote values and are always logged whole. The exceptions in {@link
     * BatchResult} and {@link DeadLetter} are never redacted.
     *
     * @param allowed {@code true} to log messages
     * @return this builder
     */
    public Builder logExceptionMessages(boolean allowed) {
      this.logExceptionMessages = allowed;
      return this;
    }

    /**
     * Adds router-wide Lambda filter patterns: a record must match one of them (they are ORed, as
     * the filters of an event source mapping), or no handler sees it and its status is {@link
     * RecordStatus#FILTERED}. Each handler may add its own pattern with {@code filter = ...} on its
     * annotation. A pattern that is invalid, or has a part that can never match, is a {@link
     * #build()} problem.
     *
     * <pre>{@code
     * .filter("{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"prefix\": \"USER#\"}]}}}}")
     * }</pre>
     *
     * @param patterns pattern JSON texts; calls add to the patterns given before
     * @return this builder
     */
    public Builder filter(String... patterns) {
      for (String json : patterns) {
        try {
          filters.add(FilterPattern.parseStrict(Objects.requireNonNull(json, "pattern")));
        } catch (FilterPatternException e) {
          problems.add("router filter " + (filters.size() + 1) + " is invalid: " + e.getMessage());
        }
      }
      return this;
    }

    /**
     * Adds an observer, told of every handler outcome and every batch: for metrics, such as {@code
     * MicrometerObserver} ({@code ddbstreams-micrometer}) or the Lambda adapter's {@code
     * EmbeddedMetrics}. Calls add; observers are told in the order they were added. An observer
     * that throws never fails a record. Without observers the router does no observing work.
     *
     * @param observer the observer
     * @return this builder
     */
    public Builder observer(StreamObserver observer) {
      observers.add(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * Lets observer events carry the records' key attributes ({@link HandlerEvent#keys()}). Off by
     * default: keys are item values too, and may identify a person.
     *
     * @param allowed {@code true} to pass keys to observers
     * @return this builder
     */
    public Builder observeKeys(boolean allowed) {
      this.observeKeys = allowed;
      return this;
    }

    /**
     * Sets whether the record's coordinates are put into SLF4J's MDC while each of its handlers
     * runs, so that log lines written meanwhile carry them: {@code ddbstreams.streamArn}, {@code
     * ddbstreams.shardId}, {@code ddbstreams.eventId}, {@code ddbstreams.sequenceNumber} and {@code
     * ddbstreams.handlerId} (absent ones left out; never keys or values). The keys are removed when
     * the handler's stage ends. On by default; a logging backend without an MDC ({@code
     * slf4j-simple}, SLF4J's no-op) is not fed, as it would drop the keys anyway.
     *
     * @param enabled {@code false} to leave the MDC alone
     * @return this builder
     */
    public Builder logContext(boolean enabled) {
      this.logContext = enabled;
      return this;
    }

    /**
     * Checks every setting and handler and builds the router.
     *
     * @return the router
     * @throws HandlerDefinitionException listing every problem found
     */
    public StreamRouter build() {
      List<String> all = new ArrayList<>(problems);
      if (partitionKey.isEmpty() || (sortKey != null && sortKey.isEmpty())) {
        all.add("key attribute names must not be empty: " + Arrays.asList(partitionKey, sortKey));
      }
      RouterSettings settings =
          new RouterSettings(
              partitionKey,
              sortKey,
              failurePolicy,
              retryPolicy,
              deadLetterSink,
              idempotencyStore,
              namespace,
              keyStrategy,
              lease,
              parallelism,
              deadlineMargin,
              viewType,
              logExceptionMessages,
              List.copyOf(filters),
              List.copyOf(observers),
              observeKeys,
              logContext);
      return new StreamRouter(settings, Routers.build(settings, List.copyOf(handlers), all));
    }
  }
}
