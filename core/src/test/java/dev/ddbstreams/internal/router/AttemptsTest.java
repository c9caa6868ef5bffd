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

import static dev.ddbstreams.internal.router.StageFixtures.handlerOf;
import static dev.ddbstreams.internal.router.StageFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AttemptsTest {
  private final StageFixtures.RecordingSleeper sleeper = new StageFixtures.RecordingSleeper();

  private Attempts attempts(int max) {
    return new Attempts(
        RetryPolicy.attempts(max).backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(300)),
        Duration.ofSeconds(1),
        sleeper,
        false);
  }

  private Attempts.Result run(Attempts a, StageFixtures.Scripted h) {
    return a.run(handlerOf(h), view("a", "1"), BatchContext.none());
  }

  @Test
  void aHandlerThatReturnsSucceedsAtOnce() {
    StageFixtures.Scripted h = new StageFixtures.Scripted();

    Attempts.Result result = run(attempts(3), h);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void exceptionsAndSurvivableErrorsAreRetriedWithGrowingBackoff() {
    StageFixtures.Scripted h =
        new StageFixtures.Scripted(
            new IllegalStateException("one"), new AssertionError("two"), new StackOverflowError());

    Attempts.Result result = run(attempts(4), h);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.attempts()).isEqualTo(4);
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
  }

  @Test
  void theLastFailureIsReportedWithTheNumberOfCalls() {
    AssertionError last = new AssertionError("last");
    StageFixtures.Scripted h = new StageFixtures.Scripted(new IllegalStateException(), last);

    Attempts.Result result = run(attempts(2), h);

    assertThat(result.failure()).isSameAs(last);
    assertThat(result.attempts()).isEqualTo(2);
  }

  @Test
  void badInputIsNotRetried() {
    MalformedRecordException bad = new MalformedRecordException("e", "1", "no keys");
    StageFixtures.Scripted h = new StageFixtures.Scripted(bad);

    Attempts.Result result = run(attempts(5), h);

    assertThat(result.failure()).isSameAs(bad);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aFatalErrorIsRethrownWithoutRetry() {
    OutOfMemoryError oom = new OutOfMemoryError();
    StageFixtures.Scripted h = new StageFixtures.Scripted(oom);

    assertThatThrownBy(() -> run(attempts(5), h)).isSameAs(oom);
    assertThat(h.calls).isEqualTo(1);
  }

  @Test
  void anInterruptedWaitEndsTheAttempts() {
    sleeper.interrupted = true;
    StageFixtures.Scripted h =
        new StageFixtures.Scripted(new IllegalStateException(), new IllegalStateException());

    Attempts.Result result = run(attempts(5), h);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(sleeper.waits).hasSize(1);
  }

  @Test
  void anInterruptedThreadDoesNotWaitAtAll() {
    StageFixtures.Scripted h = new StageFixtures.Scripted(new IllegalStateException());
    Thread.currentThread().interrupt();
    try {
      Attempts.Result result = run(attempts(5), h);

      assertThat(result.succeeded()).isFalse();
      assertThat(sleeper.waits).isEmpty();
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    }
  }

  @Test
  void noRetryStartsWhenItsBackoffWouldCrossTheDeadlineMargin() {
    Instant now = Instant.parse("2026-11-24T08:00:00Z");
    BatchContext context =
        BatchContext.builder()
            .deadline(now.plusMillis(1_150))
            .clock(Clock.fixed(now, ZoneOffset.UTC))
            .build();
    StageFixtures.Scripted h =
        new StageFixtures.Scripted(new IllegalStateException(), new IllegalStateException());

    // 1,150 ms left: the first wait (100 ms) plus the 1 s margin fits, the second (200 ms) not.
    Attempts.Result result = attempts(5).run(handlerOf(h), view("a", "1"), context);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(100));
  }
}
