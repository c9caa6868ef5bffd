package dev.ddbstreams.internal.router;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.HandlerOutcome;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.MissingImageException;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamContext;
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

  /**
   * How the attempts ended.
   *
   * @param failure the last attempt's failure, or {@code null} on success
   * @param attempts how many calls were made
   */
  record Result(@Nullable Throwable failure, int attempts) {
    boolean succeeded() {
      return failure == null;
    }
  }

  Result run(HandlerMethod handler, RecordView view, BatchContext context) {
    int max = policy.maxAttempts();
    for (int attempt = 1; ; attempt++) {
      long attemptStart = observation.nanos();
      try {
        handler.invoke(
            view, handler.needsContext() ? new StreamContext(context, handler.id, attempt) : null);
        return new Result(null, attempt);
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        if (isBadInput(e) || attempt >= max || !waitBeforeRetry(attempt, context)) {
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
