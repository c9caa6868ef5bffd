package dev.ddbstreams.internal.router;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.HandlerInProgressException;
import dev.ddbstreams.IdempotencyKey;
import dev.ddbstreams.IdempotencyState;
import dev.ddbstreams.IdempotencyStore;
import dev.ddbstreams.IdempotencyStoreException;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotency guard of a router with a store. What it does on each answer and failure of the
 * store:
 *
 * <table>
 *   <caption>StoreGuard</caption>
 *   <tr><th>call</th><th>answer</th><th>the record</th><th>the lease</th></tr>
 *   <tr><td>begin</td><td>NEW</td><td>the handler runs</td><td>held by this worker</td></tr>
 *   <tr><td>begin</td><td>COMPLETED</td><td>skipped for this handler (duplicate)</td>
 *       <td>none</td></tr>
 *   <tr><td>begin</td><td>IN_PROGRESS</td><td>fails with HandlerInProgressException</td>
 *       <td>another worker's</td></tr>
 *   <tr><td>begin</td><td>throws</td><td>fails with the store's exception</td>
 *       <td>none taken</td></tr>
 *   <tr><td>complete</td><td>throws</td><td>fails with the store's exception</td>
 *       <td>released</td></tr>
 *   <tr><td>release</td><td>throws</td><td>(already failing)</td>
 *       <td>logged; lapses at its expiry</td></tr>
 * </table>
 *
 * <p>A fatal error ({@link Fatal}) from the store is rethrown. Thread-safe.
 */
final class StoreGuard implements IdempotencyGuard {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

  private final IdempotencyStore store;
  private final IdempotencyKeys keys;
  private final Duration leaseWithoutDeadline;
  private final boolean logMessages;

  StoreGuard(
      IdempotencyStore store,
      IdempotencyKeys keys,
      Duration leaseWithoutDeadline,
      boolean logMessages) {
    this.store = store;
    this.keys = keys;
    this.leaseWithoutDeadline = leaseWithoutDeadline;
    this.logMessages = logMessages;
  }

  @Override
  public Entry enter(String handlerId, RecordView view, BatchContext context) {
    IdempotencyKey key = keys.of(handlerId, view);
    Instant leaseExpiry =
        context.deadline().orElseGet(() -> context.clock().instant().plus(leaseWithoutDeadline));
    IdempotencyState state;
    try {
      state = store.begin(key, leaseExpiry);
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      LOG.warn(
          "Record {} not run by {}: the idempotency store failed",
          view.describe(),
          handlerId,
          forLog(e));
      return new Refused(e);
    }
    if (state == IdempotencyState.NEW) {
      return new Run(new StoreLease(key, view));
    }
    if (state == IdempotencyState.COMPLETED) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("Duplicate {} for {}: already handled", view.describe(), handlerId);
      }
      return Duplicate.INSTANCE;
    }
    RuntimeException refusal =
        state == IdempotencyState.IN_PROGRESS
            ? new HandlerInProgressException(key)
            : new IdempotencyStoreException(
                "The idempotency store answered begin of " + key.value() + " with " + state);
    LOG.warn("Record {} not run by {}: {}", view.describe(), handlerId, refusal.getMessage());
    return new Refused(refusal);
  }

  private Throwable forLog(Throwable e) {
    return Redacted.forLog(e, logMessages);
  }

  /** The lease this worker took on one key. */
  private final class StoreLease implements Lease {
    private final IdempotencyKey key;
    private final RecordView view;

    StoreLease(IdempotencyKey key, RecordView view) {
      this.key = key;
      this.view = view;
    }

    @Override
    public @Nullable Throwable complete() {
      try {
        store.complete(key);
        return null;
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        LOG.warn(
            "Could not mark {} done for {}; the record fails and its redelivery runs the handler"
                + " again",
            view.describe(),
            key.handlerId(),
            forLog(e));
        release();
        return e;
      }
    }

    @Override
    public void release() {
      try {
        store.release(key);
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        // The lease lapses on its own; the retry waits for it instead of starting at once.
        LOG.warn(
            "Could not release the idempotency lease of {} for {}",
            view.describe(),
            key.handlerId(),
            forLog(e));
      }
    }
  }
}
