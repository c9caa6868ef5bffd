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
package dev.ddbstreams.testkit.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.ddbstreams.filter.FilterCriteria;
import dev.ddbstreams.filter.FilterPattern;
import dev.ddbstreams.filter.FilterPatternException;
import dev.ddbstreams.testkit.lambda.internal.BatchInvoker;
import dev.ddbstreams.testkit.lambda.internal.LocalFunction;
import dev.ddbstreams.testkit.lambda.internal.MappingCounters;
import dev.ddbstreams.testkit.lambda.internal.MappingSettings;
import dev.ddbstreams.testkit.lambda.internal.ShardPump;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Feeds a real DynamoDB stream to a Lambda handler in this process, as a Lambda event source
 * mapping would: for tests against the emulator, and to try mapping settings before deploying.
 *
 * <pre>{@code
 * LocalEventSourceMapping mapping = LocalEventSourceMapping.builder()
 *     .streams(dynamoDbStreamsClient)
 *     .streamArn(table.latestStreamArn())
 *     .handler(new Handler())                    // a DynamoDbStreamLambda or DynamoDbStreamJsonLambda
 *     .startingPosition(StartingPosition.TRIM_HORIZON)
 *     .batchSize(100)
 *     .reportBatchItemFailures(true)
 *     .build();
 * mapping.drain(Duration.ofMinutes(1));          // until every shard is caught up
 * }</pre>
 *
 * <h2>What it reproduces</h2>
 *
 * <ul>
 *   <li>Shards are read with the streams API, parents before children; shards without a pending
 *       parent are read concurrently. Records are delivered in shard order.
 *   <li>Every event goes through Lambda's JSON: the records are written as Lambda's event JSON; a
 *       {@link RequestStreamHandler} reads the bytes, a {@link RequestHandler} gets the event as
 *       the Lambda Java runtime's serializer decodes it, and its response is encoded by that
 *       runtime's serializer and read back.
 *   <li>{@code StartingPosition} TRIM_HORIZON or LATEST (taken at {@link Builder#build()}).
 *   <li>{@code BatchSize}, {@code MaximumBatchingWindowInSeconds} (an invocation waits up to the
 *       window for a full batch), {@code ParallelizationFactor} (up to 10 concurrent batches per
 *       shard; records of one partition key go to the same one, in order).
 *   <li>{@code ReportBatchItemFailures}: the lowest sequence number named is the checkpoint and the
 *       batch is retried from it; an empty, null or unknown identifier fails the whole batch.
 *       Without the setting the response is ignored and the batch counts as done.
 *   <li>Function errors (the handler throws an exception or an error) retry the whole batch; {@code
 *       BisectBatchOnFunctionError} splits it in two first (a split is not counted as a retry). An
 *       error of this JVM itself ({@code OutOfMemoryError}, {@code InternalError}) stops the
 *       mapping instead: {@link #drain} throws, and nothing after the batch is delivered.
 *   <li>{@code MaximumRetryAttempts} and {@code MaximumRecordAgeInSeconds}: records given up are
 *       reported to the {@link Builder#onFailure on-failure destination} in the JSON record Lambda
 *       sends to SQS or SNS, with their stream coordinates, not their contents, and the shard moves
 *       on.
 *   <li>A Lambda context with a request ID and a remaining time counting down from the function
 *       timeout.
 *   <li>{@code FilterCriteria} ({@link Builder#filterCriteria(FilterCriteria)}): records no pattern
 *       matches are dropped before batching and never delivered, as the service drops them.
 * </ul>
 *
 * <h2>What it does not</h2>
 *
 * Not reproduced: the function timeout is not enforced (the handler sees the deadline and may
 * finish late); retries follow each other at once instead of with Lambda's backoff; the 6 MB
 * payload limit; tumbling windows; concurrency limits and throttling; checkpoints that survive the
 * process (positions are kept in memory); shard iterator expiry and the stream's 24 hour trimming
 * during a run; cold starts (one handler instance serves every invocation, concurrently when
 * several shards or lanes run, so the handler must be thread-safe).
 *
 * <p>Not thread-safe: call {@link #drain} from one thread at a time.
 */
public final class LocalEventSourceMapping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalEventSourceMapping.class);

  private final DynamoDbStreamsClient streams;
  private final MappingSettings settings;
  private final StartingPosition startingPosition;
  private final MappingCounters counters = new MappingCounters();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final BatchInvoker invoker;
  private final ExecutorService shardThreads;
  private final Map<String, ShardPosition> positions = new ConcurrentHashMap<>();
  private @Nullable String partitionKey;
  private volatile boolean closed;

  /** Where the mapping is in one shard. */
  private record ShardPosition(
      @Nullable String lastSequenceNumber, @Nullable String latestIterator, boolean finished) {}

  private LocalEventSourceMapping(Builder b, LocalFunction function) {
    this.streams = Objects.requireNonNull(b.streams);
    this.startingPosition = b.startingPosition;
    this.settings =
        new MappingSettings(
            Objects.requireNonNull(b.streamArn),
            b.batchSize,
            b.batchingWindow,
            b.reportBatchItemFailures,
            b.bisect,
            b.maximumRetryAttempts,
            b.maximumRecordAge,
            b.parallelizationFactor,
            b.functionTimeout,
            b.functionName,
            b.onFailure,
            b.filterCriteria);
    this.invoker = new BatchInvoker(settings, function, counters, stop);
    this.shardThreads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "local-esm-shard");
              t.setDaemon(true);
              return t;
            });
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
   * Reads every shard and delivers its records until all shards are caught up (or closed and done,
   * their children then read too). Can be called again to deliver records written since.
   *
   * @param timeout how long to try; a batch that keeps failing with unlimited retries blocks its
   *     shard as in Lambda, so this bounds the wait
   * @return {@code true} if every shard was caught up; {@code false} on timeout, after which the
   *     mapping is stopped and closed
   * @throws IllegalStateException if the mapping is closed or delivery failed unexpectedly
   */
  public boolean drain(Duration timeout) {
    if (closed) {
      throw new IllegalStateException("The local event source mapping is closed");
    }
    long end = System.nanoTime() + timeout.toNanos();
    Set<String> caughtUp = new HashSet<>();
    while (true) {
      List<Shard> shards = describe().shards();
      Set<String> known = new HashSet<>();
      shards.forEach(s -> known.add(s.shardId()));
      Map<String, Future<ShardPump.End>> running = new HashMap<>();
      for (Shard shard : shards) {
        String id = shard.shardId();
        ShardPosition position = positions.get(id);
        boolean finished = position != null && position.finished();
        String parent = shard.parentShardId();
        boolean parentPending = parent != null && known.contains(parent) && !isFinished(parent);
        if (finished || parentPending || caughtUp.contains(id)) {
          continue;
        }
        String iterator = iterator(shard, position);
        running.put(id, shardThreads.submit(() -> pump().run(id, iterator)));
      }
      if (running.isEmpty()) {
        return true;
      }
      for (Map.Entry<String, Future<ShardPump.End>> e : running.entrySet()) {
        ShardPump.End result;
        try {
          result = e.getValue().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException timedOut) {
          LOG.warn("Local event source mapping timed out after {}; stopping it", timeout);
          close();
          return false;
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          close();
          throw new IllegalStateException("Interrupted while draining", interrupted);
        } catch (ExecutionException failed) {
          close();
          throw new IllegalStateException("Reading shard " + e.getKey() + " failed", failed);
        }
        ShardPosition before = positions.get(e.getKey());
        String last =
            result.lastSequenceNumber() != null
                ? result.lastSequenceNumber()
                : before == null ? null : before.lastSequenceNumber();
        positions.put(e.getKey(), new ShardPosition(last, null, result.closed()));
        caughtUp.add(e.getKey());
        if (result.closed()) {
          LOG.info("Shard {} is closed and every record of it delivered", e.getKey());
        }
      }
    }
  }

  /**
   * Returns what the mapping has done so far.
   *
   * @return counts of invocations, errors and records
   */
  public Stats stats() {
    return new Stats(
        counters.invocations.get(),
        counters.functionErrors.get(),
        counters.partialFailures.get(),
        counters.recordsDelivered.get(),
        counters.bisections.get(),
        counters.recordsDiscarded.get(),
        counters.recordsFiltered.get());
  }

  /** Stops delivering: batches being retried are abandoned. Does not close the streams client. */
  @Override
  public void close() {
    closed = true;
    stop.set(true);
    shardThreads.shutdownNow();
  }

  private boolean isFinished(String shardId) {
    ShardPosition p = positions.get(shardId);
    return p != null && p.finished();
  }

  private ShardPump pump() {
    return new ShardPump(streams, settings, invoker, partitionKey(), stop, counters);
  }

  private String partitionKey() {
    if (partitionKey == null) {
      partitionKey =
          describe().keySchema().stream()
              .filter(k -> k.keyType() == KeyType.HASH)
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("stream has no HASH key"))
              .attributeName();
    }
    return partitionKey;
  }

  private String iterator(Shard shard, @Nullable ShardPosition position) {
    if (position != null && position.latestIterator() != null) {
      return position.latestIterator();
    }
    if (position != null && position.lastSequenceNumber() != null) {
      return streams
          .getShardIterator(
              b ->
                  b.streamArn(settings.streamArn())
                      .shardId(shard.shardId())
                      .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                      .sequenceNumber(position.lastSequenceNumber()))
          .shardIterator();
    }
    return streams
        .getShardIterator(
            b ->
                b.streamArn(settings.streamArn())
                    .shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
        .shardIterator();
  }

  /**
   * LATEST: positions open shards at their tip now and skips closed ones, as a new mapping does.
   */
  private void startAtLatest() {
    for (Shard shard : describe().shards()) {
      boolean open = shard.sequenceNumberRange().endingSequenceNumber() == null;
      String iterator =
          open
              ? streams
                  .getShardIterator(
                      b ->
                          b.streamArn(settings.streamArn())
                              .shardId(shard.shardId())
                              .shardIteratorType(ShardIteratorType.LATEST))
                  .shardIterator()
              : null;
      positions.put(shard.shardId(), new ShardPosition(null, iterator, !open));
    }
  }

  private StreamDescription describe() {
    List<Shard> shards = new ArrayList<>();
    String start = null;
    StreamDescription page;
    do {
      String from = start;
      page =
          streams
              .describeStream(b -> b.streamArn(settings.streamArn()).exclusiveStartShardId(from))
              .streamDescription();
      shards.addAll(page.shards());
      start = page.lastEvaluatedShardId();
    } while (start != null);
    return page.toBuilder().shards(shards).build();
  }

  /**
   * What a mapping has done.
   *
   * @param invocations invocations of the function
   * @param functionErrors invocations that threw
   * @param partialFailures invocations whose partial batch response named a record (when honoured)
   * @param recordsDelivered records passed to the function, redeliveries included
   * @param bisections batches split in two after a function error
   * @param recordsDiscarded records given up to the on-failure destination
   * @param recordsFiltered records dropped by the filter criteria
   */
  public record Stats(
      long invocations,
      long functionErrors,
      long partialFailures,
      long recordsDelivered,
      long bisections,
      long recordsDiscarded,
      long recordsFiltered) {}

  /**
   * Builds a {@link LocalEventSourceMapping}. Defaults are Lambda's: batch size 100, no batching
   * window, partial batch responses ignored, no bisecting, unlimited retries and record age,
   * parallelization factor 1; the starting position defaults to TRIM_HORIZON and the function
   * timeout to 30 seconds. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable DynamoDbStreamsClient streams;
    private @Nullable String streamArn;
    private @Nullable LocalFunction function;
    private StartingPosition startingPosition = StartingPosition.TRIM_HORIZON;
    private int batchSize = 100;
    private Duration batchingWindow = Duration.ZERO;
    private boolean reportBatchItemFailures;
    private boolean bisect;
    private int maximumRetryAttempts = -1;
    private @Nullable Duration maximumRecordAge;
    private int parallelizationFactor = 1;
    private Duration functionTimeout = Duration.ofSeconds(30);
    private String functionName = "local-function";
    private Consumer<String> onFailure = message -> {};
    private @Nullable FilterCriteria filterCriteria;
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the client the stream is read with.
     *
     * @param client a DynamoDB Streams client
     * @return this builder
     */
    public Builder streams(DynamoDbStreamsClient client) {
      this.streams = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the stream to read.
     *
     * @param arn the stream ARN, such as a table's {@code latestStreamArn()}
     * @return this builder
     */
    public Builder streamArn(String arn) {
      this.streamArn = Objects.requireNonNull(arn, "arn");
      return this;
    }

    /**
     * Sets the function: a handler of the runtime's event classes, such as a {@code
     * DynamoDbStreamLambda}. Events are decoded and responses encoded with the Lambda Java
     * runtime's serializer ({@code com.amazonaws:aws-lambda-java-serialization}, which must be on
     * the class path).
     *
     * @param handler the handler; called from several threads when shards or lanes run at once
     * @return this builder
     */
    public Builder handler(RequestHandler<DynamodbEvent, StreamsEventResponse> handler) {
      this.function = LocalFunction.of(Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * Sets the function: a stream handler, such as a {@code DynamoDbStreamJsonLambda}, given the
     * event JSON bytes.
     *
     * @param handler the handler; called from several threads when shards or lanes run at once
     * @return this builder
     */
    public Builder handler(RequestStreamHandler handler) {
      this.function = LocalFunction.of(Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * Sets where reading starts. Default TRIM_HORIZON.
     *
     * @param position the starting position
     * @return this builder
     */
    public Builder startingPosition(StartingPosition position) {
      this.startingPosition = Objects.requireNonNull(position, "position");
      return this;
    }

    /**
     * Sets {@code BatchSize}. Default 100.
     *
     * @param size 1 to 10,000
     * @return this builder
     */
    public Builder batchSize(int size) {
      if (size < 1 || size > 10_000) {
        problems.add("batchSize must be 1 to 10000, was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /**
     * Sets {@code MaximumBatchingWindowInSeconds}. Default zero.
     *
     * @param window zero to 300 seconds
     * @return this builder
     */
    public Builder maximumBatchingWindow(Duration window) {
      if (window.isNegative() || window.compareTo(Duration.ofSeconds(300)) > 0) {
        problems.add("maximumBatchingWindow must be 0 to 300 seconds, was " + window);
      }
      this.batchingWindow = window;
      return this;
    }

    /**
     * Sets {@code FunctionResponseTypes: ReportBatchItemFailures}. Default off, as in Lambda; this
     * library's handlers need it on, or failed records count as done.
     *
     * @param report whether partial batch responses are honoured
     * @return this builder
     */
    public Builder reportBatchItemFailures(boolean report) {
      this.reportBatchItemFailures = report;
      return this;
    }

    /**
     * Sets {@code BisectBatchOnFunctionError}. Default off.
     *
     * @param bisect whether a batch is split in two after a function error
     * @return this builder
     */
    public Builder bisectBatchOnFunctionError(boolean bisect) {
      this.bisect = bisect;
      return this;
    }

    /**
     * Sets {@code MaximumRetryAttempts}. Default -1: retry until the records expire.
     *
     * @param attempts -1, or 0 to 10,000
     * @return this builder
     */
    public Builder maximumRetryAttempts(int attempts) {
      if (attempts < -1 || attempts > 10_000) {
        problems.add("maximumRetryAttempts must be -1 to 10000, was " + attempts);
      }
      this.maximumRetryAttempts = attempts;
      return this;
    }

    /**
     * Sets {@code MaximumRecordAgeInSeconds}. Default: no limit. Record ages are measured from
     * {@code ApproximateCreationDateTime}, which DynamoDB Streams rounds down to the second.
     *
     * @param age 60 seconds to 7 days
     * @return this builder
     */
    public Builder maximumRecordAge(Duration age) {
      if (age.compareTo(Duration.ofSeconds(60)) < 0 || age.compareTo(Duration.ofDays(7)) > 0) {
        problems.add("maximumRecordAge must be 60 seconds to 7 days, was " + age);
      }
      this.maximumRecordAge = age;
      return this;
    }

    /**
     * Sets the mapping's filter criteria, for example {@code router.filterCriteria()}: records that
     * no pattern matches are dropped before batching and never delivered, as the service does.
     *
     * @param criteria the criteria
     * @return this builder
     */
    public Builder filterCriteria(FilterCriteria criteria) {
      this.filterCriteria = Objects.requireNonNull(criteria, "criteria");
      return this;
    }

    /**
     * Sets the mapping's filter criteria from pattern texts, as in the mapping's {@code
     * FilterCriteria.Filters[].Pattern}: at most five, ORed. Invalid patterns are {@link #build()}
     * problems.
     *
     * @param patterns the pattern JSON texts
     * @return this builder
     */
    public Builder filterCriteria(String... patterns) {
      List<FilterPattern> parsed = new ArrayList<>();
      for (String pattern : patterns) {
        try {
          parsed.add(FilterPattern.parse(pattern));
        } catch (FilterPatternException e) {
          problems.add("filter pattern " + (parsed.size() + 1) + ": " + e.getMessage());
        }
      }
      if (parsed.size() > FilterCriteria.MAX_FILTERS) {
        problems.add(
            "at most " + FilterCriteria.MAX_FILTERS + " filter patterns, got " + parsed.size());
      }
      this.filterCriteria = new FilterCriteria(parsed, List.of());
      return this;
    }

    /**
     * Sets the on-failure destination, which learns of records given up. Each call gets one
     * on-failure message exactly as Lambda sends it to an SQS queue or SNS topic: the JSON
     * invocation record whose {@code DDBStreamBatchInfo} holds the stream ARN, shard ID, sequence
     * number range and batch size, and whose {@code requestContext} holds the condition ({@code
     * RetryAttemptsExhausted} or {@code RecordAgeExceeded}) and invoke count; never the records'
     * contents. Read it with {@code OnFailureMessages.parse} from {@code ddbstreams-lambda}, as
     * production code reads the queue:
     *
     * <pre>{@code
     * List<String> queue = new CopyOnWriteArrayList<>();
     * builder.onFailure(queue::add);
     * ...
     * List<FailedBatch> givenUp = OnFailureMessages.parse(String.join("\n", queue));
     * }</pre>
     *
     * @param destination called once per batch given up, from a delivery thread
     * @return this builder
     */
    public Builder onFailure(Consumer<String> destination) {
      this.onFailure = Objects.requireNonNull(destination, "destination");
      return this;
    }

    /**
     * Sets {@code ParallelizationFactor}. Default 1.
     *
     * @param factor 1 to 10 concurrent batches per shard
     * @return this builder
     */
    public Builder parallelizationFactor(int factor) {
      if (factor < 1 || factor > 10) {
        problems.add("parallelizationFactor must be 1 to 10, was " + factor);
      }
      this.parallelizationFactor = factor;
      return this;
    }

    /**
     * Sets the function timeout, from which the context's remaining time counts down. Not enforced.
     * Default 30 seconds.
     *
     * @param timeout 1 second to 15 minutes
     * @return this builder
     */
    public Builder functionTimeout(Duration timeout) {
      if (timeout.compareTo(Duration.ofSeconds(1)) < 0
          || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
        problems.add("functionTimeout must be 1 second to 15 minutes, was " + timeout);
      }
      this.functionTimeout = timeout;
      return this;
    }

    /**
     * Sets the function name shown in the context. Default {@code local-function}.
     *
     * @param name the name
     * @return this builder
     */
    public Builder functionName(String name) {
      this.functionName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Checks the settings and creates the mapping. With LATEST, reads the stream's shards and takes
     * their current ends as the starting points, as creating a mapping does.
     *
     * @return the mapping
     * @throws IllegalArgumentException listing every problem
     */
    public LocalEventSourceMapping build() {
      List<String> all = new ArrayList<>(problems);
      if (streams == null) {
        all.add("streams client is required");
      }
      if (streamArn == null) {
        all.add("streamArn is required");
      }
      if (function == null) {
        all.add("handler is required");
      }
      if (!all.isEmpty()) {
        throw new IllegalArgumentException("Invalid local event source mapping: " + all);
      }
      LocalEventSourceMapping mapping =
          new LocalEventSourceMapping(this, Objects.requireNonNull(function));
      if (startingPosition == StartingPosition.LATEST) {
        mapping.startAtLatest();
      }
      return mapping;
    }
  }
}
