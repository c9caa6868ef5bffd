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
package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.idempotency.TransactionalIdempotencyStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An in-memory idempotency store that records the writes transactional handlers commit with it, for
 * handler tests without a database; {@code ExactlyOnceIT} commits on the emulator.
 */
final class CommittingStore implements TransactionalIdempotencyStore {
  final List<TransactWriteItem> committed = new CopyOnWriteArrayList<>();
  private final InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().build();

  @Override
  public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
    return store.begin(key, leaseExpiry);
  }

  @Override
  public void complete(IdempotencyKey key) {
    store.complete(key);
  }

  @Override
  public void release(IdempotencyKey key) {
    store.release(key);
  }

  @Override
  public boolean completeWith(
      IdempotencyKey key, Instant leaseExpiry, List<TransactWriteItem> writes, String token) {
    committed.addAll(writes);
    store.complete(key);
    return true;
  }
}
