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

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));

  private static IdempotencyKey key(String record) {
    return new IdempotencyKey("ns", "H#m", record);
  }

  @Test
  void beginsOnceCompletesAndReportsDuplicates() {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().clock(clock).build();
    Instant lease = clock.instant().plusSeconds(30);

    assertThat(store.begin(key("r1"), lease)).isEqualTo(IdempotencyState.NEW);
    assertThat(store.begin(key("r1"), lease)).isEqualTo(IdempotencyState.IN_PROGRESS);
    store.complete(key("r1"));
    assertThat(store.begin(key("r1"), lease)).isEqualTo(IdempotencyState.COMPLETED);
  }

  @Test
  void anExpiredLeaseIsTakenOverAndAReleasedOneAtOnce() {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().clock(clock).build();

    store.begin(key("crashed"), clock.instant().plusSeconds(30));
    clock.advance(Duration.ofSeconds(31));
    assertThat(store.begin(key("crashed"), clock.instant().plusSeconds(30)))
        .isEqualTo(IdempotencyState.NEW);

    store.begin(key("failed"), clock.instant().plusSeconds(30));
    store.release(key("failed"));
    assertThat(store.begin(key("failed"), clock.instant().plusSeconds(30)))
        .isEqualTo(IdempotencyState.NEW);
  }

  @Test
  void aReleaseNamingALapsedLeaseDoesNotEndTheLeaseAnotherCallerTookOver() {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().clock(clock).build();
    Instant slowLease = clock.instant().plusSeconds(30);
    store.begin(key("r"), slowLease);
    clock.advance(Duration.ofSeconds(31));
    Instant successorLease = clock.instant().plusSeconds(30);
    assertThat(store.begin(key("r"), successorLease)).isEqualTo(IdempotencyState.NEW);

    store.release(key("r"), slowLease);
    assertThat(store.begin(key("r"), clock.instant().plusSeconds(30)))
        .isEqualTo(IdempotencyState.IN_PROGRESS);

    store.release(key("r"), successorLease);
    assertThat(store.begin(key("r"), clock.instant().plusSeconds(30)))
        .isEqualTo(IdempotencyState.NEW);
  }

  @Test
  void releaseNeverForgetsACompletedKey() {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().clock(clock).build();
    store.begin(key("r"), clock.instant().plusSeconds(1));
    store.complete(key("r"));

    store.release(key("r"));

    assertThat(store.begin(key("r"), clock.instant().plusSeconds(1)))
        .isEqualTo(IdempotencyState.COMPLETED);
  }

  @Test
  void isBoundedByCountAndAge() {
    InMemoryIdempotencyStore store =
        InMemoryIdempotencyStore.builder()
            .maxEntries(3)
            .retention(Duration.ofHours(1))
            .clock(clock)
            .build();
    for (int i = 0; i < 5; i++) {
      store.begin(key("r" + i), clock.instant().plusSeconds(1));
      store.complete(key("r" + i));
    }
    assertThat(store.size()).isEqualTo(3);
    // The oldest were dropped first.
    assertThat(store.begin(key("r0"), clock.instant().plusSeconds(1)))
        .isEqualTo(IdempotencyState.NEW);

    clock.advance(Duration.ofHours(2));
    assertThat(store.begin(key("r4"), clock.instant().plusSeconds(1)))
        .isEqualTo(IdempotencyState.NEW);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void exactlyOneOfRacingCallersGetsTheLease() throws Exception {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 200; round++) {
        CountDownLatch start = new CountDownLatch(1);
        IdempotencyKey k = key("race-" + round);
        List<Future<IdempotencyState>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.begin(k, Instant.now().plusSeconds(30));
                  }));
        }
        start.countDown();
        int winners = 0;
        for (Future<IdempotencyState> f : results) {
          if (f.get(10, TimeUnit.SECONDS) == IdempotencyState.NEW) {
            winners++;
          }
        }
        assertThat(winners).as("round %s", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
