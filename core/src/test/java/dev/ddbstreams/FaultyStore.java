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
package dev.ddbstreams;

import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.IdempotencyStoreException;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real in-memory store behind switches that make begin, complete or release fail as an outage
 * would: the call throws and the store underneath is not touched.
 */
final class FaultyStore implements IdempotencyStore {
  final InMemoryIdempotencyStore real = InMemoryIdempotencyStore.builder().build();
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile boolean failBegin;
  volatile boolean failComplete;
  volatile boolean failRelease;

  @Override
  public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
    calls.add("begin " + key.recordId());
    if (failBegin) {
      throw new IdempotencyStoreException("injected outage on begin of " + key.value());
    }
    return real.begin(key, leaseExpiry);
  }

  @Override
  public void complete(IdempotencyKey key) {
    calls.add("complete " + key.recordId());
    if (failComplete) {
      throw new IdempotencyStoreException("injected outage on complete of " + key.value());
    }
    real.complete(key);
  }

  @Override
  public void release(IdempotencyKey key) {
    calls.add("release " + key.recordId());
    if (failRelease) {
      throw new IdempotencyStoreException("injected outage on release of " + key.value());
    }
    real.release(key);
  }

  @Override
  public void release(IdempotencyKey key, Instant leaseExpiry) {
    calls.add("release " + key.recordId());
    if (failRelease) {
      throw new IdempotencyStoreException("injected outage on release of " + key.value());
    }
    real.release(key, leaseExpiry);
  }

  /** What a begin on the real store says now, with a fresh lease; released again if taken. */
  IdempotencyState peek(IdempotencyKey key) {
    IdempotencyState state = real.begin(key, Instant.now().plusSeconds(60));
    if (state == IdempotencyState.NEW) {
      real.release(key);
    }
    return state;
  }
}
