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
package dev.ddbstreams.micrometer;

import dev.ddbstreams.BatchEvent;
import dev.ddbstreams.EventName;
import dev.ddbstreams.HandlerEvent;
import dev.ddbstreams.HandlerOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Records a router's handler outcomes, handler durations, throughput and record age in a Micrometer
 * {@link MeterRegistry}. The same meters under Lambda and KCL: register it on the router.
 *
 * <pre>{@code
 * StreamRouter router = StreamRouter.builder()
 *     .handlers(new PetHandlers(notifier))
 *     .observer(new MicrometerObserver(registry))
 *     .build();
 * }</pre>
 *
 * <h2>Meters</h2>
 *
 * Names follow Micrometer's convention (lower case, dot-separated; each registry renders them in
 * its monitoring system's style). Tags are low-cardinality: handler IDs, outcomes, event names and
 * table names are bounded; record coordinates are never tags.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #HANDLER_OUTCOMES}</td><td>counter</td><td>handler, outcome, event.name</td>
 *       <td>every {@link HandlerEvent}: one per handler and record, one per retry</td></tr>
 *   <tr><td>{@value #HANDLER_INVOCATIONS}</td><td>timer</td><td>handler, outcome, event.name</td>
 *       <td>how long handlers ran, for outcomes where one was called (handled, failed, retried,
 *       dead_lettered): all attempts and their backoff, or the one retried attempt</td></tr>
 *   <tr><td>{@value #RECORDS}</td><td>counter</td><td>stream, status</td>
 *       <td>records by final {@link RecordStatus}: throughput</td></tr>
 *   <tr><td>{@value #BATCHES}</td><td>timer</td><td>stream</td><td>how long batches took</td></tr>
 *   <tr><td>{@value #BATCH_RECORDS}</td><td>distribution summary</td><td>stream</td>
 *       <td>records per batch</td></tr>
 *   <tr><td>{@value #RECORD_AGE}</td><td>timer</td><td>stream</td>
 *       <td>per batch, the age of its newest record when it started (Lambda's {@code
 *       IteratorAge}): how far behind the stream the consumer is</td></tr>
 * </table>
 *
 * <p>Tag values: {@code handler} is the handler ID ({@code ddbstreams:router} for records that
 * ended before any handler); {@code outcome} is the {@link HandlerOutcome} in lower case ({@code
 * handled}, {@code failed}, {@code retried}, {@code dead_lettered}, {@code duplicate}, {@code
 * filtered}, {@code not_run}); {@code event.name} is {@code INSERT}, {@code MODIFY}, {@code REMOVE}
 * or {@code unknown}; {@code stream} is the table name from the stream ARN, or {@code unknown};
 * {@code status} is the {@link RecordStatus} in lower case. Percentiles and histograms are off, as
 * Micrometer's defaults are; turn them on with a {@code MeterFilter}, for example for {@value
 * #RECORD_AGE}.
 *
 * <p>Thread-safe. Meters are created on first use and cached, so the record path costs a map lookup
 * and the meters' own updates.
 */
public final class MicrometerObserver implements StreamObserver {
  /** Counter of handler outcomes. */
  public static final String HANDLER_OUTCOMES = "ddbstreams.handler.outcomes";

  /** Timer of handler runs. */
  public static final String HANDLER_INVOCATIONS = "ddbstreams.handler.invocations";

  /** Counter of records by final status. */
  public static final String RECORDS = "ddbstreams.records";

  /** Timer of batches. */
  public static final String BATCHES = "ddbstreams.batches";

  /** Distribution summary of batch sizes. */
  public static final String BATCH_RECORDS = "ddbstreams.batch.records";

  /** Timer of the newest record's age per batch. */
  public static final String RECORD_AGE = "ddbstreams.record.age";

  /** The table tag value when the stream ARN is not known. */
  public static final String UNKNOWN = "unknown";

  private static final RecordStatus[] STATUSES = RecordStatus.values();

  private final MeterRegistry registry;
  private final ConcurrentMap<HandlerKey, HandlerMeters> handlerMeters = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, StreamMeters> streamMeters = new ConcurrentHashMap<>();

  /**
   * Creates the observer.
   *
   * @param registry where meters are registered
   */
  public MicrometerObserver(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  private record HandlerKey(String handler, HandlerOutcome outcome, @Nullable EventName event) {}

  private record HandlerMeters(Counter outcomes, @Nullable Timer invocations) {}

  @Override
  public void onHandler(HandlerEvent event) {
    HandlerMeters meters =
        handlerMeters.computeIfAbsent(
            new HandlerKey(event.handlerId(), event.outcome(), event.eventName().orElse(null)),
            this::handlerMeters);
    meters.outcomes().increment();
    Timer invocations = meters.invocations();
    if (invocations != null && event.attempts() > 0) {
      invocations.record(event.durationNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private HandlerMeters handlerMeters(HandlerKey key) {
    String[] tags = {
      "handler",
      key.handler(),
      "outcome",
      key.outcome().name().toLowerCase(Locale.ROOT),
      "event.name",
      key.event() == null ? UNKNOWN : key.event().name()
    };
    // Outcomes on which no handler ever runs get no timer: it would only ever count zero.
    boolean runs =
        switch (key.outcome()) {
          case HANDLED, FAILED, RETRIED, DEAD_LETTERED -> true;
          case DUPLICATE, FILTERED, NOT_RUN -> false;
        };
    return new HandlerMeters(
        Counter.builder(HANDLER_OUTCOMES)
            .description("Handler outcomes on records, and retries")
            .tags(tags)
            .register(registry),
        runs
            ? Timer.builder(HANDLER_INVOCATIONS)
                .description("How long handlers ran on a record, with retries and their backoff")
                .tags(tags)
                .register(registry)
            : null);
  }

  @Override
  public void onBatch(BatchEvent event) {
    StreamMeters meters =
        streamMeters.computeIfAbsent(
            event.batch().streamArn().map(MicrometerObserver::tableName).orElse(UNKNOWN),
            this::streamMeters);
    meters.batches().record(event.duration());
    meters.batchRecords().record(event.size());
    event.newestRecordAge().ifPresent(meters.recordAge()::record);
    for (RecordStatus status : STATUSES) {
      int n = event.count(status);
      if (n > 0) {
        meters.records()[status.ordinal()].increment(n);
      }
    }
  }

  private record StreamMeters(
      Timer batches, DistributionSummary batchRecords, Timer recordAge, Counter[] records) {}

  private StreamMeters streamMeters(String table) {
    Counter[] records = new Counter[STATUSES.length];
    for (RecordStatus status : STATUSES) {
      records[status.ordinal()] =
          Counter.builder(RECORDS)
              .description("Records processed, by final status")
              .tags("stream", table, "status", status.name().toLowerCase(Locale.ROOT))
              .register(registry);
    }
    return new StreamMeters(
        Timer.builder(BATCHES)
            .description("How long batches took")
            .tag("stream", table)
            .register(registry),
        DistributionSummary.builder(BATCH_RECORDS)
            .description("Records per batch")
            .baseUnit("records")
            .tag("stream", table)
            .register(registry),
        Timer.builder(RECORD_AGE)
            .description("Age of each batch's newest record when the batch started")
            .tag("stream", table)
            .register(registry),
        records);
  }

  /**
   * The table name of a DynamoDB stream ARN ({@code arn:aws:dynamodb:region:account:table/NAME/
   * stream/LABEL}), or {@link #UNKNOWN}.
   */
  static String tableName(String streamArn) {
    int table = streamArn.indexOf(":table/");
    if (table < 0) {
      return UNKNOWN;
    }
    int start = table + ":table/".length();
    int end = streamArn.indexOf('/', start);
    String name = end < 0 ? streamArn.substring(start) : streamArn.substring(start, end);
    return name.isEmpty() ? UNKNOWN : name;
  }

  /**
   * Describes the observer.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "MicrometerObserver{" + registry.getClass().getSimpleName() + '}';
  }
}
