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

import static dev.ddbstreams.internal.router.StageFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyKeyStrategy;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.IdempotencyStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StoreGuardTest {
  private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
  private static final BatchContext NO_DEADLINE =
      BatchContext.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  /** A scripted store: answers begin with {@code state} or throws what it is told to. */
  static final class ScriptedStore implements IdempotencyStore {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile IdempotencyState state = IdempotencyState.NEW;
    volatile Throwable onBegin;
    volatile Throwable onComplete;
    volatile Throwable onRelease;
    volatile Instant lastLease;
    final List<Instant> released = new CopyOnWriteArrayList<>();

    @Override
    public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
      calls.add("begin " + key.value());
      lastLease = leaseExpiry;
      throwIfSet(onBegin);
      return state;
    }

    @Override
    public void complete(IdempotencyKey key) {
      calls.add("complete " + key.value());
      throwIfSet(onComplete);
    }

    @Override
    public void release(IdempotencyKey key) {
      throw new AssertionError("the router names the lease it releases");
    }

    @Override
    public void release(IdempotencyKey key, Instant leaseExpiry) {
      calls.add("release " + key.value());
      throwIfSet(onRelease);
      released.add(leaseExpiry);
    }

    private static void throwIfSet(Throwable t) {
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }
  }

  private final ScriptedStore store = new ScriptedStore();
  private final StoreGuard guard =
      new StoreGuard(
          store,
          new IdempotencyKeys("ns", IdempotencyKeyStrategy.EVENT_ID),
          Duration.ofMinutes(5),
          false);

  private IdempotencyGuard.Entry enter() {
    return guard.enter("H#m", view("a", "1"), NO_DEADLINE);
  }

  @Test
  void aNewKeyRunsTheHandlerUnderALeaseOfTheConfiguredLength() {
    assertThat(enter()).isInstanceOf(IdempotencyGuard.Run.class);
    assertThat(store.calls).containsExactly("begin ns#H#m#event-1");
    assertThat(store.lastLease).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void withADeadlineTheLeaseEndsAtTheDeadline() {
    BatchContext lambda =
        BatchContext.builder()
            .deadline(NOW.plusSeconds(30))
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    guard.enter("H#m", view("a", "1"), lambda);

    assertThat(store.lastLease).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void aCompletedKeyIsADuplicate() {
    store.state = IdempotencyState.COMPLETED;

    assertThat(enter()).isInstanceOf(IdempotencyGuard.Duplicate.class);
  }

  @Test
  void anotherWorkersLeaseRefusesTheRecord() {
    store.state = IdempotencyState.IN_PROGRESS;

    assertThat(enter())
        .isInstanceOfSatisfying(
            IdempotencyGuard.Refused.class,
            r -> assertThat(r.failure()).isInstanceOf(HandlerInProgressException.class));
  }

  @Test
  void anythingButAFatalErrorFromBeginRefusesTheRecord() {
    IdempotencyStoreException outage = new IdempotencyStoreException("down");
    store.onBegin = outage;
    assertThat(enter()).isEqualTo(new IdempotencyGuard.Refused(outage));

    AssertionError bug = new AssertionError("store bug");
    store.onBegin = bug;
    assertThat(enter()).isEqualTo(new IdempotencyGuard.Refused(bug));
  }

  @Test
  void aFatalErrorFromTheStoreIsRethrown() {
    OutOfMemoryError oom = new OutOfMemoryError();
    store.onBegin = oom;

    assertThatThrownBy(this::enter).isSameAs(oom);
  }

  @Test
  void completeMarksTheKey() {
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) enter()).lease();

    assertThat(lease.complete()).isNull();
    assertThat(store.calls).containsExactly("begin ns#H#m#event-1", "complete ns#H#m#event-1");
  }

  @Test
  void aFailedCompleteReleasesTheLeaseAndReturnsTheFailure() {
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) enter()).lease();
    IdempotencyStoreException outage = new IdempotencyStoreException("down");
    store.onComplete = outage;

    assertThat(lease.complete()).isSameAs(outage);
    assertThat(store.calls).endsWith("complete ns#H#m#event-1", "release ns#H#m#event-1");
  }

  @Test
  void aReleaseNamesTheLeaseTaken() {
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) enter()).lease();

    lease.release();

    assertThat(store.released).containsExactly(NOW.plus(Duration.ofMinutes(5)));
  }

  @Test
  void aFailedReleaseDoesNotThrowAndIsTriedAgainBeforeTheNextBeginOfTheKey() {
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) enter()).lease();
    store.onRelease = new IdempotencyStoreException("down");

    lease.release();
    store.onRelease = null;
    IdempotencyGuard.Entry next = enter();

    assertThat(next).isInstanceOf(IdempotencyGuard.Run.class);
    assertThat(store.calls)
        .containsExactly(
            "begin ns#H#m#event-1",
            "release ns#H#m#event-1",
            "release ns#H#m#event-1",
            "begin ns#H#m#event-1");
    assertThat(store.released).containsExactly(NOW.plus(Duration.ofMinutes(5)));

    // Released once: the following begin does not release again.
    enter();
    assertThat(store.calls).hasSize(5).endsWith("begin ns#H#m#event-1");
  }

  @Test
  void aKeptLeaseTheStoreStillCannotReleaseRefusesTheRecord() {
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) enter()).lease();
    IdempotencyStoreException outage = new IdempotencyStoreException("down");
    store.onRelease = outage;
    lease.release();

    assertThat(enter()).isEqualTo(new IdempotencyGuard.Refused(outage));
    assertThat(store.calls)
        .as("released again instead of begun")
        .containsExactly(
            "begin ns#H#m#event-1", "release ns#H#m#event-1", "release ns#H#m#event-1");
  }

  @Test
  void aKeptLeaseIsOnlyTriedForItsOwnKey() {
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) enter()).lease();
    store.onRelease = new IdempotencyStoreException("down");
    lease.release();

    guard.enter("H#m", view("a", "2"), NO_DEADLINE);

    assertThat(store.calls).endsWith("begin ns#H#m#event-2");
    assertThat(store.calls).filteredOn(c -> c.startsWith("release")).hasSize(1);
  }

  @Test
  void theGuardWithoutAStoreRunsEveryHandlerAndMarksNothing() {
    IdempotencyGuard.Entry entry = IdempotencyGuard.NONE.enter("H#m", view("a", "1"), NO_DEADLINE);

    assertThat(entry).isInstanceOf(IdempotencyGuard.Run.class);
    IdempotencyGuard.Lease lease = ((IdempotencyGuard.Run) entry).lease();
    assertThat(lease.complete()).isNull();
    lease.release();
  }
}
