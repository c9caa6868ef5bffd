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

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.internal.record.LazyImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Runs a batch under the failure policy, in order or in parallel across items.
 *
 * <p>In order, a failed record stops the batch, its item, or nothing, by the {@link FailurePolicy};
 * across items, {@link ParallelBatch} runs it. Either way no record starts within the deadline
 * margin, and every record gets an outcome.
 */
public final class BatchProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

  private final RouterSettings settings;
  private final RecordProcessor records;
  private final ParallelBatch parallel;
  private final Observation observation;

  /**
   * Creates the processor.
   *
   * @param settings the router's settings
   * @param handlers the handlers, in dispatch order
   */
  BatchProcessor(RouterSettings settings, List<HandlerMethod> handlers) {
    this(settings, handlers, Sleeper.THREAD);
  }

  BatchProcessor(RouterSettings settings, List<HandlerMethod> handlers, Sleeper sleeper) {
    this.settings = settings;
    boolean logMessages = settings.logExceptionMessages();
    IdempotencyGuard guard =
        settings.idempotencyStore() == null
            ? IdempotencyGuard.NONE
            : new StoreGuard(
                settings.idempotencyStore(),
                new IdempotencyKeys(
                    settings.idempotencyNamespace(), settings.idempotencyKeyStrategy()),
                settings.idempotencyLease(),
                logMessages);
    this.observation = Observers.of(settings.observers(), settings.observeKeys(), logMessages);
    this.records =
        new RecordProcessor(
            new Dispatcher(settings, handlers),
            guard,
            new Attempts(
                settings.retryPolicy(),
                settings.deadlineMargin(),
                sleeper,
                logMessages,
                observation),
            DeadLetters.of(settings.deadLetterSink(), logMessages),
            logMessages,
            observation,
            LogContext.of(settings.logContext()));
    this.parallel =
        new ParallelBatch(
            settings.parallelism(),
            settings.failurePolicy(),
            settings.deadlineMargin(),
            this::processSafely);
  }

  /** Runs a batch. */
  public BatchResult process(List<Record> batch, BatchContext context) {
    long start = observation.nanos();
    long startMillis = observation.millis(context);
    BatchResult result =
        settings.parallelism() <= 1 || batch.size() <= 1
            ? new BatchResult(sequential(batch, context))
            : new BatchResult(parallel.run(batch, context));
    observation.batch(batch, context, start, startMillis, result);
    return result;
  }

  private List<RecordOutcome> sequential(List<Record> batch, BatchContext context) {
    List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
    Set<Object> failedItems = new HashSet<>();
    boolean stopped = false;
    long cutoff = cutoff(context, settings.deadlineMargin());
    String streamArn = context.streamArn().orElse(null);
    for (int i = 0; i < batch.size(); i++) {
      // Without its images when the batch is lazy: routing reads metadata and keys only.
      Record raw = LazyBatch.routing(batch, i);
      Object item = itemKey(raw, i);
      // Hashing a key map is not free: only look when an item has failed.
      if (stopped || (!failedItems.isEmpty() && failedItems.contains(item))) {
        outcomes.add(Outcomes.notRun(i, raw));
        continue;
      }
      if (pastDeadline(context, cutoff)) {
        stopped = true;
        outcomes.add(Outcomes.notRun(i, raw));
        continue;
      }
      RecordOutcome outcome = processSafely(i, raw, LazyBatch.images(batch, i), context, streamArn);
      outcomes.add(outcome);
      if (outcome.status() == RecordStatus.FAILED) {
        switch (settings.failurePolicy()) {
          case STOP_AT_FIRST_FAILURE -> stopped = true;
          case SKIP_FAILED_ITEM -> failedItems.add(item);
          case CONTINUE -> {}
        }
      }
    }
    return outcomes;
  }

  /**
   * Runs one record. The stages report every handler, store and sink failure as the outcome; an
   * exception that still gets here is a fault of the router itself, and fails the record rather
   * than the batch. Only a fatal error passes.
   */
  private RecordOutcome processSafely(
      int index,
      Record raw,
      @Nullable LazyImages images,
      BatchContext context,
      @Nullable String streamArn) {
    try {
      return records.process(index, raw, images, context, streamArn);
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      LOG.error(
          "Router fault on record eventID={} sequenceNumber={}; the record fails",
          raw.eventID(),
          raw.dynamodb() == null ? null : raw.dynamodb().sequenceNumber(),
          Redacted.forLog(e, settings.logExceptionMessages()));
      return Outcomes.of(index, raw, RecordStatus.FAILED, RecordProcessor.ROUTER_ID, e);
    }
  }

  /** Epoch millis after which no record starts, or MAX_VALUE without a deadline; once a batch. */
  static long cutoff(BatchContext context, Duration deadlineMargin) {
    return context
        .deadline()
        .map(d -> d.minus(deadlineMargin).toEpochMilli())
        .orElse(Long.MAX_VALUE);
  }

  static boolean pastDeadline(BatchContext context, long cutoff) {
    // The clock's millis() needs no Instant: this runs before every record.
    return cutoff != Long.MAX_VALUE && context.clock().millis() > cutoff;
  }

  /** The item a record belongs to: its key attributes; a record without keys is its own item. */
  static Object itemKey(Record raw, int index) {
    if (raw.dynamodb() == null || !raw.dynamodb().hasKeys() || raw.dynamodb().keys().isEmpty()) {
      return index;
    }
    return raw.dynamodb().keys();
  }

  /** Stops the worker threads, if any were started. */
  @Override
  public void close() {
    parallel.close();
  }
}
