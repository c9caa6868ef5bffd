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
import dev.ddbstreams.HandlerEvent;
import dev.ddbstreams.HandlerOutcome;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.internal.record.LazyImages;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Runs one record through its matching handlers, one stage after another: parse and match ({@link
 * Dispatcher}), then per handler the idempotency guard ({@link IdempotencyGuard}), the attempts
 * ({@link Attempts}) and the dead letter ({@link DeadLetters}). Never throws but a fatal error
 * ({@link Fatal}): every other failure is the record's outcome, and a lease taken for a record that
 * fails is released. Thread-safe: it keeps no state between records.
 */
final class RecordProcessor {
  /** The handler ID used for records that fail before any handler, such as malformed ones. */
  static final String ROUTER_ID = HandlerEvent.ROUTER_ID;

  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

  private final Dispatcher dispatcher;
  private final IdempotencyGuard guard;
  private final Attempts attempts;
  private final DeadLetters deadLetters;
  private final boolean logMessages;
  private final Observation observation;
  private final LogContext logContext;

  RecordProcessor(
      Dispatcher dispatcher,
      IdempotencyGuard guard,
      Attempts attempts,
      DeadLetters deadLetters,
      boolean logMessages) {
    this(dispatcher, guard, attempts, deadLetters, logMessages, Observation.NONE, LogContext.NONE);
  }

  RecordProcessor(
      Dispatcher dispatcher,
      IdempotencyGuard guard,
      Attempts attempts,
      DeadLetters deadLetters,
      boolean logMessages,
      Observation observation,
      LogContext logContext) {
    this.dispatcher = dispatcher;
    this.guard = guard;
    this.attempts = attempts;
    this.deadLetters = deadLetters;
    this.logMessages = logMessages;
    this.observation = observation;
    this.logContext = logContext;
  }

  RecordOutcome process(int index, Record raw, BatchContext context, @Nullable String streamArn) {
    return process(index, raw, null, context, streamArn);
  }

  /**
   * Runs a record. {@code raw} is what routing reads; with {@code images}, it lacks its images,
   * which are decoded when a matcher or handler first reads them.
   */
  RecordOutcome process(
      int index,
      Record raw,
      @Nullable LazyImages images,
      BatchContext context,
      @Nullable String streamArn) {
    RecordView view;
    HandlerMethod[] matched;
    try {
      view = dispatcher.view(index, raw, images, streamArn);
      if (!dispatcher.passesRouterFilters(view)) {
        return done(view, RecordStatus.FILTERED, "Filtered out {}");
      }
      matched = dispatcher.match(view);
    } catch (RuntimeException e) {
      if (!Attempts.isBadInput(e)) {
        throw e;
      }
      return malformed(index, raw, images, context, e);
    }
    if (matched.length == 0) {
      return done(view, RecordStatus.NO_MATCH, "No handler for {}");
    }
    // What the handlers have done so far, in locals: a record costs no progress object.
    List<String> handled = List.of();
    List<String> duplicates = List.of();
    @Nullable String deadLettered = null;
    @Nullable Throwable deadLetterError = null;
    for (int i = 0; i < matched.length; i++) {
      HandlerMethod handler = matched[i];
      Step step = runHandler(handler, view, raw, context);
      if (step == Done.HANDLED) {
        handled = append(handled, handler);
      } else if (step == Done.DUPLICATE) {
        duplicates = append(duplicates, handler);
      } else if (step instanceof Failed failed) {
        return Outcomes.of(
            view, RecordStatus.FAILED, handled, duplicates, handler.id, failed.failure());
      } else {
        deadLettered = handler.id;
        deadLetterError = ((DeadLettered) step).failure();
      }
    }
    return outcome(view, handled, duplicates, deadLettered, deadLetterError);
  }

  /** Runs one handler through the stages with the record's coordinates in the log context. */
  private Step runHandler(
      HandlerMethod handler, RecordView view, Record raw, BatchContext context) {
    logContext.enter(view, handler.id, context);
    try {
      return runStages(handler, view, raw, context);
    } finally {
      logContext.exit();
    }
  }

  private Step runStages(HandlerMethod handler, RecordView view, Record raw, BatchContext context) {
    IdempotencyGuard.Entry entry = guard.enter(handler.id, view, context);
    if (entry instanceof IdempotencyGuard.Duplicate) {
      observe(handler, view, context, HandlerOutcome.DUPLICATE, 0, 0, 0, null);
      return Done.DUPLICATE;
    }
    if (entry instanceof IdempotencyGuard.Refused refused) {
      observe(handler, view, context, HandlerOutcome.FAILED, 0, 0, 0, refused.failure());
      return new Failed(refused.failure());
    }
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) entry).lease();
    try {
      long started = observation.nanos();
      Attempts.Result result = attempts.run(handler, view, context, lease);
      long ended = observation.nanos();
      int calls = result.attempts();
      Throwable failure = result.failure();
      if (failure == null) {
        switch (result.commit()) {
          case COMMITTED -> {
            observe(handler, view, context, HandlerOutcome.HANDLED, started, ended, calls, null);
            return Done.HANDLED;
          }
          case ALREADY_COMPLETED -> {
            observe(handler, view, context, HandlerOutcome.DUPLICATE, started, ended, calls, null);
            return Done.DUPLICATE;
          }
          default -> {
            Throwable notMarked = lease.complete();
            if (notMarked != null) {
              observe(
                  handler, view, context, HandlerOutcome.FAILED, started, ended, calls, notMarked);
              return new Failed(notMarked);
            }
            observe(handler, view, context, HandlerOutcome.HANDLED, started, ended, calls, null);
            return Done.HANDLED;
          }
        }
      }
      if (result.commit() == Attempts.Commit.LEASE_LOST) {
        // Another worker has the record now: neither mark it nor dead-letter it from here.
        observe(handler, view, context, HandlerOutcome.FAILED, started, ended, calls, failure);
        return new Failed(failure);
      }
      if (deadLetters.take(
          LazyBatch.bestEffort(raw, view.images),
          handler.id,
          failure,
          result.attempts(),
          context,
          view.describe())) {
        Throwable notMarked = lease.complete();
        if (notMarked != null) {
          observe(handler, view, context, HandlerOutcome.FAILED, started, ended, calls, notMarked);
          return new Failed(notMarked);
        }
        observe(
            handler, view, context, HandlerOutcome.DEAD_LETTERED, started, ended, calls, failure);
        return new DeadLettered(failure);
      }
      lease.release();
      observe(handler, view, context, HandlerOutcome.FAILED, started, ended, calls, failure);
      return new Failed(failure);
    } catch (VirtualMachineError fatal) {
      releaseOnTheWayOut(lease);
      throw fatal;
    }
  }

  private void observe(
      HandlerMethod handler,
      RecordView view,
      BatchContext context,
      HandlerOutcome outcome,
      long start,
      long end,
      int attempts,
      @Nullable Throwable failure) {
    observation.handler(view, context, handler.id, outcome, start, end, attempts, failure);
  }

  /** A record that cannot be parsed or matched: dead-lettered under the router's ID, or failed. */
  private RecordOutcome malformed(
      int index,
      Record raw,
      @Nullable LazyImages images,
      BatchContext context,
      RuntimeException e) {
    String eventId = raw.eventID();
    String sequence = raw.dynamodb() == null ? null : raw.dynamodb().sequenceNumber();
    String description = "malformed record eventID=" + eventId + " sequenceNumber=" + sequence;
    if (deadLetters.take(
        LazyBatch.bestEffort(raw, images), ROUTER_ID, e, 1, context, description)) {
      return Outcomes.of(index, raw, RecordStatus.DEAD_LETTERED, ROUTER_ID, e);
    }
    LOG.warn(
        "Malformed record eventID={} sequenceNumber={}",
        eventId,
        sequence,
        Redacted.forLog(e, logMessages));
    return Outcomes.of(index, raw, RecordStatus.FAILED, ROUTER_ID, e);
  }

  private static RecordOutcome done(RecordView view, RecordStatus status, String debugMessage) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(debugMessage, view.describe());
    }
    return Outcomes.of(view, status, List.of(), List.of(), null, null);
  }

  private static void releaseOnTheWayOut(IdempotencyGuard.Lease lease) {
    try {
      lease.release();
    } catch (VirtualMachineError ignored) {
      // The JVM is failing; the lease lapses on its own.
    }
  }

  /** Most records have one handler, whose shared one-element list is then final. */
  private static List<String> append(List<String> ids, HandlerMethod handler) {
    if (ids.isEmpty()) {
      return handler.idList;
    }
    List<String> grown = ids instanceof ArrayList<String> ? ids : new ArrayList<>(ids);
    grown.add(handler.id);
    return grown;
  }

  /** The outcome of a record whose handlers all finished, or whose failure was dead-lettered. */
  private static RecordOutcome outcome(
      RecordView view,
      List<String> handled,
      List<String> duplicates,
      @Nullable String deadLettered,
      @Nullable Throwable deadLetterError) {
    if (deadLettered != null) {
      return Outcomes.of(
          view, RecordStatus.DEAD_LETTERED, handled, duplicates, deadLettered, deadLetterError);
    }
    RecordStatus status =
        handled.isEmpty() && !duplicates.isEmpty() ? RecordStatus.DUPLICATE : RecordStatus.HANDLED;
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} by {}", status, view.describe(), handled.isEmpty() ? duplicates : handled);
    }
    return Outcomes.of(view, status, handled, duplicates, null, null);
  }

  /** What one handler did to the record: the common results are shared constants. */
  private sealed interface Step permits Done, Failed, DeadLettered {}

  private enum Done implements Step {
    HANDLED,
    DUPLICATE
  }

  /** The handler failed, and with it the record. */
  private record Failed(Throwable failure) implements Step {}

  /** The handler failed and the record went to the dead-letter sink. */
  private record DeadLettered(Throwable failure) implements Step {}
}
