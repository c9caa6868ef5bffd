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
package dev.ddbstreams.chaos;

import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.IdempotencyStoreException;
import java.time.Instant;

/**
 * A real idempotency store behind a decorator that fails begin, complete and release as an outage
 * would: the call throws and the real store is not touched. A complete that fails marks the pair as
 * one that may be applied again (the documented window). Thread-safe if the real store is.
 */
public final class FailingStore implements IdempotencyStore {
  private final IdempotencyStore real;
  private final Faults faults;
  private final Ledger ledger;

  /**
   * Wraps a store.
   *
   * @param real the store underneath
   * @param faults the fault plan
   * @param ledger where a failed complete is marked
   */
  public FailingStore(IdempotencyStore real, Faults faults, Ledger ledger) {
    this.real = real;
    this.faults = faults;
    this.ledger = ledger;
  }

  /** Where a call is, in names that are the same in every run of a schedule. */
  private String place(IdempotencyKey key) {
    return key.handlerId() + " " + ledger.label(key.recordId());
  }

  @Override
  public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
    if (faults.strikes(FaultKind.STORE_BEGIN, place(key))) {
      throw new IdempotencyStoreException("injected outage on begin of " + key.value());
    }
    return real.begin(key, leaseExpiry);
  }

  @Override
  public void complete(IdempotencyKey key) {
    if (faults.strikes(FaultKind.STORE_COMPLETE, place(key))) {
      ledger.mayRepeat(key.handlerId(), key.recordId());
      throw new IdempotencyStoreException("injected outage on complete of " + key.value());
    }
    real.complete(key);
  }

  @Override
  public void release(IdempotencyKey key) {
    if (faults.strikes(FaultKind.STORE_RELEASE, place(key))) {
      throw new IdempotencyStoreException("injected outage on release of " + key.value());
    }
    real.release(key);
  }

  @Override
  public void release(IdempotencyKey key, Instant leaseExpiry) {
    if (faults.strikes(FaultKind.STORE_RELEASE, place(key))) {
      throw new IdempotencyStoreException("injected outage on release of " + key.value());
    }
    real.release(key, leaseExpiry);
  }
}
