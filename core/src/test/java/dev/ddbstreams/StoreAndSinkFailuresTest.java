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
import dev.ddbstreams.idempotency.IdempotencyStoreException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * An idempotency store or dead-letter sink that fails never makes {@code process()} throw: the
 * record fails with the checkpoint on it, and the lease this worker holds for it is released, so
 * the redelivery runs the handler at once instead of failing on its own stale lease.
 */
class StoreAndSinkFailuresTest {

  private static IdempotencyKey keyOf(Record r) {
    return new IdempotencyKey("ddbstreams", FlakyHandlers.class.getName() + "#first", r.eventID());
  }

  private static StreamRouter.Builder router(FaultyStore store, int parallelism) {
    return StreamRouter.builder()
        .parallelism(parallelism)
        .failurePolicy(FailurePolicy.SKIP_FAILED_ITEM)
        .idempotency(store);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void anOutageOnCompleteAfterADeadLetterFailsTheRecordWithTheCheckpointOnIt(int parallelism) {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    FaultyStore store = new FaultyStore();
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    try (StreamRouter r = router(store, parallelism).deadLetter(letters::add).handlers(h).build()) {
      store.failComplete = true;
      BatchResult result = r.process(BatchPolicyTest.batch());

      assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("8"));
      RecordOutcome nine = result.outcomes().get(1);
      assertThat(nine.status()).isEqualTo(RecordStatus.FAILED);
      assertThat(nine.failure()).isInstanceOf(IdempotencyStoreException.class);
      assertThat(letters).hasSize(1);
      // The lease was given back: the redelivery can take it at once.
      assertThat(store.peek(keyOf(BatchPolicyTest.batch().get(1)))).isEqualTo(IdempotencyState.NEW);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void anOutageOnCompleteAfterASuccessFailsTheRecordAndReleasesItsLease(int parallelism) {
    FlakyHandlers h = new FlakyHandlers();
    FaultyStore store = new FaultyStore();
    try (StreamRouter r = router(store, parallelism).handlers(h).build()) {
      store.failComplete = true;
      BatchResult result = r.process(BatchPolicyTest.batch());

      assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("8"));
      assertThat(result.count(RecordStatus.FAILED)).isEqualTo(2); // the first of each item
      assertThat(result.outcomes().get(0).failure()).isInstanceOf(IdempotencyStoreException.class);
      assertThat(store.peek(keyOf(BatchPolicyTest.batch().get(0)))).isEqualTo(IdempotencyState.NEW);

      store.failComplete = false;
      assertThat(r.process(BatchPolicyTest.batch()).isComplete()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Error", "Throwable", "RuntimeException"})
  void aSinkThatThrowsAnythingFailsTheRecordAndReleasesItsLease(String kind) {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    FaultyStore store = new FaultyStore();
    boolean[] sinkDown = {true};
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    DeadLetterSink sink =
        letter -> {
          if (sinkDown[0]) {
            throw StoreAndSinkFailuresTest.<RuntimeException>sneaky(thrown(kind));
          }
          letters.add(letter);
        };
    StreamRouter r = router(store, 1).deadLetter(sink).handlers(h).build();

    BatchResult result = r.process(BatchPolicyTest.batch());

    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));
    assertThat(result.outcomes().get(1).status()).isEqualTo(RecordStatus.FAILED);
    assertThat(store.peek(keyOf(BatchPolicyTest.batch().get(1)))).isEqualTo(IdempotencyState.NEW);

    // The sink is back: the redelivery runs the handler again at once and dead-letters it.
    sinkDown[0] = false;
    BatchResult again = r.process(BatchPolicyTest.batch().subList(1, 5));
    assertThat(again.isComplete()).isTrue();
    assertThat(again.outcomes().get(0).status()).isEqualTo(RecordStatus.DEAD_LETTERED);
    assertThat(letters).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void aReleaseTheStoreRefusedIsRetriedBeforeTheRedeliveryBeginsTheRecord(int parallelism) {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    FaultyStore store = new FaultyStore();
    try (StreamRouter r = router(store, parallelism).handlers(h).build()) {
      store.failRelease = true;
      BatchResult first = r.process(BatchPolicyTest.batch());
      assertThat(first.outcomes().get(1).status()).isEqualTo(RecordStatus.FAILED);
      assertThat(store.peek(keyOf(BatchPolicyTest.batch().get(1))))
          .as("the lease is still held")
          .isEqualTo(IdempotencyState.IN_PROGRESS);

      // The store is back and the handler fixed: the redelivery runs the handler at once instead
      // of failing on this worker's own stale lease until it lapses.
      store.failRelease = false;
      h.failOn.clear();
      BatchResult again = r.process(BatchPolicyTest.batch());

      assertThat(again.isComplete()).isTrue();
      assertThat(again.outcomes().get(1).handled()).hasSize(2);
    }
  }

  private static Throwable thrown(String kind) {
    return switch (kind) {
      case "Error" -> new AssertionError("sink bug");
      case "Throwable" -> new Throwable("neither an Error nor an Exception");
      default -> new IllegalStateException("queue down");
    };
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
