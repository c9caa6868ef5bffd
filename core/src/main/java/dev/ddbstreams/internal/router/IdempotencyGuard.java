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
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The idempotency step around one (handler, record) pair: may the handler run, and what becomes of
 * the lease afterwards. {@link #NONE} is the guard of a router without a store: every handler runs
 * and there is nothing to mark. Implementations never throw for a store failure: they turn it into
 * a {@link Refused} entry or a failure returned by {@link Lease#complete()}.
 */
interface IdempotencyGuard {

  /** Lets every handler run and marks nothing. */
  IdempotencyGuard NONE = (handlerId, view, context) -> Run.NO_LEASE;

  /**
   * Asks whether the handler may run on the record, taking a lease if it may.
   *
   * @param handlerId the handler's ID
   * @param view the record
   * @param context the batch, whose deadline bounds the lease
   * @return whether to run it, skip it or fail the record
   * @throws VirtualMachineError if the store threw one; nothing else
   */
  Entry enter(String handlerId, RecordView view, BatchContext context);

  /** What {@link #enter} decided. */
  sealed interface Entry permits Run, Duplicate, Refused {}

  /**
   * The handler runs; the lease must be completed or released.
   *
   * @param lease the lease taken
   */
  record Run(Lease lease) implements Entry {
    static final Run NO_LEASE = new Run(Lease.NONE);
  }

  /** The handler finished this record before: skip it. */
  record Duplicate() implements Entry {
    static final Duplicate INSTANCE = new Duplicate();
  }

  /**
   * The record must fail without running the handler: another worker holds the lease, or the store
   * failed.
   *
   * @param failure why
   */
  record Refused(Throwable failure) implements Entry {}

  /** A lease this worker holds on one (handler, record) pair. */
  interface Lease {
    /** The lease of a router without a store. */
    Lease NONE =
        new Lease() {
          @Override
          public @Nullable Throwable complete() {
            return null;
          }

          @Override
          public void release() {}
        };

    /**
     * Marks the pair finished. If the store fails, the lease is released and the failure returned:
     * the record must then fail, and its redelivery runs the handler again.
     *
     * @return {@code null} if marked, else the store's failure
     * @throws VirtualMachineError if the store threw one; nothing else
     */
    @Nullable Throwable complete();

    /**
     * Commits a transactional handler's staged writes and marks the pair finished, all or nothing,
     * while this worker's lease holds. Use instead of {@link #complete()}.
     *
     * @param writes the operations the handler staged
     * @param attempt the in-process attempt, from 1: each gets a request token of its own
     * @return {@code true} if committed now, {@code false} if the pair was already finished and
     *     nothing was applied
     * @throws dev.ddbstreams.idempotency.HandlerInProgressException if another worker holds the
     *     pair's lease
     * @throws RuntimeException if the commit failed (nothing applied if DynamoDB cancelled it)
     */
    default boolean commit(List<TransactWriteItem> writes, int attempt) {
      // build() refuses transactional handlers without a transactional store.
      throw new IllegalStateException(
          "transactional writes need a TransactionalIdempotencyStore; this lease has none");
    }

    /**
     * Gives the lease back so the redelivery can run the handler at once. Never throws: a release
     * the store refuses is logged and tried again before this worker next begins the pair.
     */
    void release();
  }
}
