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
import dev.ddbstreams.HandlerOutcome;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.MissingImageException;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamContext;
import dev.ddbstreams.TransactionLimitException;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.idempotency.HandlerInProgressException;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one handler on one record under the retry policy. What it does on each kind of failure:
 *
 * <table>
 *   <caption>Attempts</caption>
 *   <tr><th>the handler</th><th>then</th></tr>
 *   <tr><td>returns</td><td>success after that attempt</td></tr>
 *   <tr><td>throws an exception or a survivable {@code Error}</td>
 *       <td>waits the backoff and tries again, up to the policy's attempts</td></tr>
 *   <tr><td>throws bad input (malformed record, unmappable or missing image)</td>
 *       <td>fails at once: it cannot get better</td></tr>
 *   <tr><td>fails when the backoff would cross the deadline margin</td><td>fails at once</td></tr>
 *   <tr><td>fails, and the wait is interrupted</td><td>fails; the interrupt stays set</td></tr>
 *   <tr><td>throws a fatal error ({@link Fatal})</td><td>rethrows it</td></tr>
 *   <tr><td>stages writes that break a transaction limit</td><td>fails at once</td></tr>
 * </table>
 *
 * <p>A handler that takes {@link TransactionalWrites} gets an empty instance per attempt; when it
 * returns, its writes are committed with the idempotency record, and the attempt is the handler and
 * the commit:
 *
 * <table>
 *   <caption>Attempts of a transactional handler</caption>
 *   <tr><th>the commit</th><th>then</th></tr>
 *   <tr><td>applies</td><td>success; the record is marked finished by it</td></tr>
 *   <tr><td>finds the record finished already (an earlier commit whose answer was lost)</td>
 *       <td>success as a duplicate; nothing applied again</td></tr>
 *   <tr><td>is cancelled or fails (condition, conflict, throttling, no answer)</td>
 *       <td>like a handler exception: backoff and another attempt, handler included</td></tr>
 *   <tr><td>finds another worker's lease on the record</td>
 *       <td>fails at once, and the record must not be marked or dead-lettered by this worker</td></tr>
 * </table>
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
final class Attempts {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

  private final RetryPolicy policy;
  private final Duration deadlineMargin;
  private final Sleeper sleeper;
  private final boolean logMessages;
  private final Observation observation;

  Attempts(RetryPolicy policy, Duration deadlineMargin, Sleeper sleeper, boolean logMessages) {
    this(policy, deadlineMargin, sleeper, logMessages, Observation.NONE);
  }

  Attempts(
      RetryPolicy policy,
      Duration deadlineMargin,
      Sleeper sleeper,
      boolean logMessages,
      Observation observation) {
    this.policy = policy;
    this.deadlineMargin = deadlineMargin;
    this.sleeper = sleeper;
    this.logMessages = logMessages;
    this.observation = observation;
  }

  /** What became of a transactional handler's commit. */
  enum Commit {
    /** The handler takes no transactional writes: the lease is still to be completed. */
    NONE,
    /** The writes and the record's mark were committed together. */
    COMMITTED,
    /** The record was finished already; nothing was applied. */
    ALREADY_COMPLETED,
    /** Another worker holds the record's lease; nothing was applied. */
    LEASE_LOST
  }

  /**
   * How the attempts ended.
   *
   * @param failure the last attempt's failure, or {@code null} on success
   * @param attempts how many calls were made
   * @param commit what became of the transactional commit
   */
  record Result(@Nullable Throwable failure, int attempts, Commit commit) {
    /** Success at the first attempt of a handler without writes: the common case, shared. */
    static final Result FIRST_ATTEMPT = new Result(null, 1, Commit.NONE);

    Result(@Nullable Throwable failure, int attempts) {
      this(failure, attempts, Commit.NONE);
    }

    boolean succeeded() {
      return failure == null;
    }
  }

  Result run(HandlerMethod handler, RecordView view, BatchContext context) {
    return run(handler, view, context, IdempotencyGuard.Lease.NONE);
  }

  /**
   * Runs the attempts; a transactional handler's writes are committed under {@code lease}.
   *
   * @param handler the handler
   * @param view the record
   * @param context the batch
   * @param lease the lease taken for the pair
   * @return how the attempts ended
   */
  Result run(
      HandlerMethod handler, RecordView view, BatchContext context, IdempotencyGuard.Lease lease) {
    int max = policy.maxAttempts();
    for (int attempt = 1; ; attempt++) {
      long attemptStart = observation.nanos();
      try {
        StreamContext streamContext =
            handler.needsContext() ? new StreamContext(context, handler.id, attempt) : null;
        if (!handler.takesWrites()) {
          handler.invoke(view, streamContext);
          return attempt == 1 ? Result.FIRST_ATTEMPT : new Result(null, attempt);
        }
        TransactionalWrites writes = TransactionalWrites.create();
        handler.invoke(view, streamContext, writes);
        try {
          boolean applied = lease.commit(writes.staged(), attempt);
          return new Result(null, attempt, applied ? Commit.COMMITTED : Commit.ALREADY_COMPLETED);
        } catch (HandlerInProgressException leaseLost) {
          LOG.warn(
              "Handler {} on {}: another worker holds the record's lease; nothing committed",
              handler.id,
              view.describe());
          return new Result(leaseLost, attempt, Commit.LEASE_LOST);
        }
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        if (cannotGetBetter(e) || attempt >= max || !waitBeforeRetry(attempt, context)) {
          LOG.warn(
              "Handler {} failed on {} after {} attempt(s)",
              handler.id,
              view.describe(),
              attempt,
              Redacted.forLog(e, logMessages));
          return new Result(e, attempt);
        }
        LOG.warn(
            "Handler {} failed on {} (attempt {} of {}), retrying: {}",
            handler.id,
            view.describe(),
            attempt,
            max,
            e.getClass().getName());
        // Told after the backoff, so the event's duration covers the attempt and its wait.
        observation.handler(
            view,
            context,
            handler.id,
            HandlerOutcome.RETRIED,
            attemptStart,
            observation.nanos(),
            attempt,
            e);
      }
    }
  }

  /** Failures that another attempt would repeat: bad input, and writes that break a limit. */
  static boolean cannotGetBetter(Throwable e) {
    return isBadInput(e) || e instanceof TransactionLimitException;
  }

  static boolean isBadInput(Throwable e) {
    return e instanceof MalformedRecordException
        || e instanceof MissingImageException
        || e instanceof ImageMappingException;
  }

  private boolean waitBeforeRetry(int failedAttempt, BatchContext context) {
    Duration wait = policy.backoffAfter(failedAttempt);
    Optional<Duration> left = context.remainingTime();
    if (left.isPresent() && left.get().compareTo(wait.plus(deadlineMargin)) < 0) {
      return false;
    }
    if (Thread.currentThread().isInterrupted()) {
      return false;
    }
    return sleeper.sleep(wait);
  }
}
