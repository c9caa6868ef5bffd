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
import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.IdempotencyStoreException;
import dev.ddbstreams.idempotency.TransactionalIdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
 *   <tr><td>commit (transactional writes)</td><td>throws</td>
 *       <td>the attempt fails; the attempts stage decides</td><td>kept for the next attempt</td></tr>
 *   <tr><td>release</td><td>throws</td><td>(already failing)</td>
 *       <td>kept; released before this worker next begins the key, or lapses</td></tr>
 *   <tr><td>release of a kept lease, at the next begin</td><td>throws</td>
 *       <td>fails with the store's exception</td><td>still kept</td></tr>
 * </table>
 *
 * <p>Releases name the lease ({@link IdempotencyStore#release(IdempotencyKey, Instant)}), so a
 * worker whose lease lapsed never ends the lease of a worker that took the key over. A lease whose
 * release failed would otherwise make every redelivery to this worker fail on this worker's own
 * lease until it lapses (5 minutes under KCL); it is released again before the key's next begin. A
 * fatal error ({@link Fatal}) from the store is rethrown. Thread-safe.
 */
final class StoreGuard implements IdempotencyGuard {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

  private final IdempotencyStore store;
  private final IdempotencyKeys keys;
  private final Duration leaseWithoutDeadline;
  private final boolean logMessages;

  /** Leases whose release failed, by key value; bounded, as each lapses on its own anyway. */
  private final Map<String, Kept> unreleased = new ConcurrentHashMap<>();

  private record Kept(IdempotencyKey key, Instant leaseExpiry) {}

  static final int MAX_KEPT = 10_000;

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
    if (!unreleased.isEmpty()) {
      Refused refused = releaseKept(key, view);
      if (refused != null) {
        return refused;
      }
    }
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
      return new Run(new StoreLease(key, leaseExpiry, view, context));
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

  /** Releases this worker's lease on the key that an earlier release could not; null if done. */
  private @Nullable Refused releaseKept(IdempotencyKey key, RecordView view) {
    Kept kept = unreleased.get(key.value());
    if (kept == null) {
      return null;
    }
    try {
      store.release(kept.key(), kept.leaseExpiry());
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      LOG.warn(
          "Record {} not run by {}: the idempotency store still cannot release this worker's"
              + " lease",
          view.describe(),
          key.handlerId(),
          forLog(e));
      return new Refused(e);
    }
    unreleased.remove(key.value(), kept);
    LOG.info("Released this worker's lease of {} for {} at last", view.describe(), key.handlerId());
    return null;
  }

  /** Keeps a lease whose release failed, dropping the ones that have lapsed by now. */
  private void keep(IdempotencyKey key, Instant leaseExpiry, Instant now) {
    unreleased.values().removeIf(k -> !k.leaseExpiry().isAfter(now));
    if (unreleased.size() < MAX_KEPT) {
      unreleased.put(key.value(), new Kept(key, leaseExpiry));
    }
  }

  private Throwable forLog(Throwable e) {
    return Redacted.forLog(e, logMessages);
  }

  /** The lease this worker took on one key. */
  private final class StoreLease implements Lease {
    private final IdempotencyKey key;
    private final Instant leaseExpiry;
    private final RecordView view;
    private final BatchContext context;

    StoreLease(IdempotencyKey key, Instant leaseExpiry, RecordView view, BatchContext context) {
      this.key = key;
      this.leaseExpiry = leaseExpiry;
      this.view = view;
      this.context = context;
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
    public boolean commit(List<TransactWriteItem> writes, int attempt) {
      if (!(store instanceof TransactionalIdempotencyStore transactional)) {
        throw new IllegalStateException(
            "transactional writes need a TransactionalIdempotencyStore, not "
                + store.getClass().getName());
      }
      return transactional.completeWith(
          key, leaseExpiry, writes, CommitTokens.of(key, leaseExpiry, attempt));
    }

    @Override
    public void release() {
      try {
        store.release(key, leaseExpiry);
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        keep(key, leaseExpiry, context.clock().instant());
        LOG.warn(
            "Could not release the idempotency lease of {} for {}; trying again before this worker"
                + " next begins it",
            view.describe(),
            key.handlerId(),
            forLog(e));
      }
    }
  }
}
