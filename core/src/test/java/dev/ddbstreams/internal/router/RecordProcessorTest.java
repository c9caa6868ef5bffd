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

import static dev.ddbstreams.internal.router.StageFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.idempotency.IdempotencyKeyStrategy;
import dev.ddbstreams.idempotency.IdempotencyStoreException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The sequence of stages for one handler, seen through recording stages. */
class RecordProcessorTest {
  private final List<String> steps = new CopyOnWriteArrayList<>();
  private volatile @Nullable Throwable completeFails;
  private volatile boolean sinkTakes;

  private final IdempotencyGuard guard =
      (handlerId, view, context) -> {
        steps.add("enter");
        return new IdempotencyGuard.Run(
            new IdempotencyGuard.Lease() {
              @Override
              public @Nullable Throwable complete() {
                steps.add("complete");
                return completeFails;
              }

              @Override
              public void release() {
                steps.add("release");
              }
            });
      };

  private final DeadLetters deadLetters =
      (raw, handlerId, failure, attempts, context, description) -> {
        steps.add("dead letter after " + attempts);
        return sinkTakes;
      };

  private RecordOutcome process(StageFixtures.Scripted handler) {
    RouterSettings settings =
        new RouterSettings(
            "PK",
            "SK",
            FailurePolicy.STOP_AT_FIRST_FAILURE,
            RetryPolicy.NONE,
            null,
            null,
            "ns",
            IdempotencyKeyStrategy.EVENT_ID,
            Duration.ofMinutes(5),
            1,
            Duration.ofSeconds(1),
            null,
            false,
            List.of());
    RecordProcessor processor =
        new RecordProcessor(
            new Dispatcher(settings, List.of(StageFixtures.handlerOf(handler))),
            guard,
            new Attempts(
                RetryPolicy.attempts(2).backoff(Duration.ZERO, 1, Duration.ZERO),
                Duration.ZERO,
                d -> true,
                false),
            deadLetters,
            false);
    return processor.process(0, record("a", "1"), BatchContext.none(), null);
  }

  @Test
  void aSuccessCompletesTheLease() {
    RecordOutcome outcome = process(new StageFixtures.Scripted());

    assertThat(outcome.status()).isEqualTo(RecordStatus.HANDLED);
    assertThat(steps).containsExactly("enter", "complete");
  }

  @Test
  void aFailureTheSinkRefusesReleasesTheLease() {
    RecordOutcome outcome =
        process(new StageFixtures.Scripted(new IllegalStateException(), new AssertionError()));

    assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(outcome.failure()).isInstanceOf(AssertionError.class);
    assertThat(steps).containsExactly("enter", "dead letter after 2", "release");
  }

  @Test
  void aDeadLetterCompletesTheLease() {
    sinkTakes = true;

    RecordOutcome outcome =
        process(
            new StageFixtures.Scripted(new IllegalStateException(), new IllegalStateException()));

    assertThat(outcome.status()).isEqualTo(RecordStatus.DEAD_LETTERED);
    assertThat(steps).containsExactly("enter", "dead letter after 2", "complete");
  }

  @Test
  void aRetriedSuccessCompletesOnce() {
    RecordOutcome outcome = process(new StageFixtures.Scripted(new IllegalStateException()));

    assertThat(outcome.status()).isEqualTo(RecordStatus.HANDLED);
    assertThat(steps).containsExactly("enter", "complete");
  }

  @Test
  void aDeadLetterThatCannotBeMarkedFailsTheRecord() {
    sinkTakes = true;
    completeFails = new IdempotencyStoreException("down");

    RecordOutcome outcome =
        process(
            new StageFixtures.Scripted(new IllegalStateException(), new IllegalStateException()));

    assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(outcome.failure()).isSameAs(completeFails);
    assertThat(steps).containsExactly("enter", "dead letter after 2", "complete");
  }

  @Test
  void aFatalErrorReleasesTheLeaseOnTheWayOut() {
    OutOfMemoryError oom = new OutOfMemoryError();

    assertThatThrownBy(() -> process(new StageFixtures.Scripted(oom))).isSameAs(oom);
    assertThat(steps).containsExactly("enter", "release");
  }
}
