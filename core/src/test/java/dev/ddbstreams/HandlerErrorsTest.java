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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A handler's {@code Error} is the record's failure like an exception, except the few that mean the
 * JVM itself is broken ({@code OutOfMemoryError}, {@code InternalError}, {@code UnknownError}),
 * which stop the worker: {@code process()} rethrows them and reports nothing past them as done.
 */
class HandlerErrorsTest {

  /** An Error of the user's own. */
  static final class PetValidationError extends Error {
    private static final long serialVersionUID = 1L;

    PetValidationError() {
      super("pet is invalid");
    }
  }

  static final class Throwing {
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Supplier<Throwable> onSeq9 = () -> null;

    @OnChange
    void handle(StreamRecord<Map<String, Object>> change) throws Throwable {
      calls.add(change.sequenceNumber().toString());
      if (change.sequenceNumber().equals(SequenceNumber.of("9"))) {
        Throwable t = onSeq9.get();
        if (t != null) {
          throw t;
        }
      }
    }
  }

  static Throwable error(String kind) {
    return switch (kind) {
      case "StackOverflowError" -> new StackOverflowError();
      case "AssertionError" -> new AssertionError("expected a name");
      case "NoClassDefFoundError" -> new NoClassDefFoundError("com/example/Missing");
      case "ExceptionInInitializerError" -> new ExceptionInInitializerError("static init");
      case "user" -> new PetValidationError();
      case "OutOfMemoryError" -> new OutOfMemoryError("Java heap space");
      case "InternalError" -> new InternalError("broken");
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "StackOverflowError",
        "AssertionError",
        "NoClassDefFoundError",
        "ExceptionInInitializerError",
        "user"
      })
  void anErrorAHandlerCanSurviveIsTheRecordsFailure(String kind) {
    Throwing h = new Throwing();
    Throwable thrown = error(kind);
    h.onSeq9 = () -> thrown;
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().build();
    StreamRouter router = StreamRouter.builder().idempotency(store).handlers(h).build();

    BatchResult result = router.process(BatchPolicyTest.batch());

    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));
    RecordOutcome failed = result.outcomes().get(1);
    assertThat(failed.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(failed.failure()).isSameAs(thrown);
    assertThat(failed.failedHandler()).endsWith("Throwing#handle");
    assertThat(h.calls).containsExactly("8", "9");

    // The lease of the failed record was released: the redelivery runs the handler at once.
    h.onSeq9 = () -> null;
    BatchResult again = router.process(BatchPolicyTest.batch().subList(1, 5));
    assertThat(again.isComplete()).isTrue();
    assertThat(h.calls).containsExactly("8", "9", "9", "10", "11", "120");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AssertionError", "user", "StackOverflowError"})
  void anErrorIsRetriedInProcessAndDeadLetteredLikeAnException(String kind) {
    Throwing h = new Throwing();
    Throwable thrown = error(kind);
    h.onSeq9 = () -> thrown;
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    StreamRouter router =
        StreamRouter.builder()
            .retry(RetryPolicy.attempts(3).backoff(Duration.ZERO, 1, Duration.ZERO))
            .deadLetter(letters::add)
            .handlers(h)
            .build();

    BatchResult result = router.process(BatchPolicyTest.batch());

    assertThat(result.isComplete()).isTrue();
    assertThat(result.outcomes().get(1).status()).isEqualTo(RecordStatus.DEAD_LETTERED);
    assertThat(letters).singleElement().satisfies(l -> assertThat(l.failure()).isSameAs(thrown));
    assertThat(h.calls).containsExactly("8", "9", "9", "9", "10", "11", "120");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void anErrorUnderParallelismIsTheRecordsFailureToo(int parallelism) {
    Throwing h = new Throwing();
    h.onSeq9 = () -> new AssertionError("boom");
    try (StreamRouter router =
        StreamRouter.builder()
            .parallelism(parallelism)
            .failurePolicy(FailurePolicy.SKIP_FAILED_ITEM)
            .handlers(h)
            .build()) {
      BatchResult result = router.process(BatchPolicyTest.batch());

      assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));
      assertThat(result.outcomes())
          .extracting(RecordOutcome::status)
          .containsExactly(
              RecordStatus.HANDLED,
              RecordStatus.FAILED,
              RecordStatus.HANDLED,
              RecordStatus.NOT_RUN,
              RecordStatus.HANDLED);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"OutOfMemoryError", "InternalError"})
  void anErrorOfTheJvmItselfStopsTheBatchAndIsRethrown(String kind) {
    Throwing h = new Throwing();
    Throwable thrown = error(kind);
    h.onSeq9 = () -> thrown;
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    StreamRouter router =
        StreamRouter.builder()
            .failurePolicy(FailurePolicy.CONTINUE)
            .retry(RetryPolicy.attempts(3).backoff(Duration.ZERO, 1, Duration.ZERO))
            .deadLetter(letters::add)
            .handlers(h)
            .build();
    List<Record> batch = BatchPolicyTest.batch();

    assertThatThrownBy(() -> router.process(batch)).isSameAs(thrown);
    // Not retried, not dead-lettered, and no later record started: the worker must stop.
    assertThat(h.calls).containsExactly("8", "9");
    assertThat(letters).isEmpty();
  }
}
