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

import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamRouterProperties {

  /** A batch of one shard: increasing sequence numbers of varying length, few items. */
  record Batch(List<Record> records, Set<String> failing) {}

  /** A batch with the parallelism and failure policy to process it with. */
  record Run(Batch batch, int parallelism, FailurePolicy policy) {
    @Override
    public String toString() {
      List<String> sequence = new ArrayList<>();
      for (Record r : batch.records()) {
        String seq = r.dynamodb().sequenceNumber();
        sequence.add(
            r.dynamodb().keys().get("PK").s()
                + "@"
                + seq
                + (batch.failing().contains(seq) ? "!" : ""));
      }
      return "parallelism="
          + parallelism
          + ", policy="
          + policy
          + ", records (item@sequence, ! fails)="
          + sequence;
    }
  }

  static Batch batch(Gen gen) {
    int size = gen.between(1, 40);
    int items = gen.between(1, 6);
    BigInteger seq = BigInteger.valueOf(gen.between(1L, 1_000_000_000_000L));
    List<Record> records = new ArrayList<>();
    Set<String> failing = new HashSet<>();
    for (int i = 0; i < size; i++) {
      // Gaps of very different sizes make sequence numbers of different lengths.
      seq =
          seq.add(
              BigInteger.TEN
                  .pow(gen.between(0, 3))
                  .multiply(BigInteger.valueOf(gen.between(1, 9))));
      String item = "item-" + gen.between(0, items - 1);
      records.add(
          TestRecords.insert(
              seq.toString(),
              Map.of("PK", AttributeValue.fromS(item), "SK", AttributeValue.fromS("X"))));
      if (gen.between(0, 7) == 0) {
        failing.add(seq.toString());
      }
    }
    return new Batch(records, failing);
  }

  static Run run(Gen gen, int maxParallelism) {
    return new Run(batch(gen), gen.between(1, maxParallelism), gen.oneOf(FailurePolicy.values()));
  }

  static final class Recorder {
    final Map<String, List<BigInteger>> perItem = new ConcurrentHashMap<>();
    final List<String> runs = new CopyOnWriteArrayList<>();
    final Set<String> failing;

    Recorder(Set<String> failing) {
      this.failing = failing;
    }

    @OnChange
    void handle(StreamRecord<Map<String, Object>> change) {
      runs.add(change.sequenceNumber().toString());
      perItem
          .computeIfAbsent(change.keys().get("PK").s(), k -> new CopyOnWriteArrayList<>())
          .add(change.sequenceNumber().toBigInteger());
      if (failing.contains(change.sequenceNumber().toString())) {
        throw new IllegalStateException("injected");
      }
    }
  }

  @Test
  void perItemOrderIsKeptUnderAnyParallelism() {
    SeededCases.check(
        200,
        gen -> run(gen, 8),
        Run::toString,
        run -> keepsPerItemOrder(run.batch(), run.parallelism(), run.policy()));
  }

  private static void keepsPerItemOrder(Batch batch, int parallelism, FailurePolicy policy) {
    Recorder recorder = new Recorder(batch.failing());
    try (StreamRouter router =
        StreamRouter.builder()
            .parallelism(parallelism)
            .failurePolicy(policy)
            .handlers(recorder)
            .build()) {
      router.process(batch.records());
    }

    recorder.perItem.values().forEach(seqs -> assertThat(seqs).isSorted());
  }

  @Test
  void checkpointIsTheFirstFailureOfASequentialRunForEveryPolicyAndParallelism() {
    SeededCases.check(
        300,
        gen -> run(gen, 8),
        Run::toString,
        run -> checkpointsAtTheFirstFailure(run.batch(), run.parallelism(), run.policy()));
  }

  private static void checkpointsAtTheFirstFailure(
      Batch batch, int parallelism, FailurePolicy policy) {
    BatchResult result;
    try (StreamRouter router =
        StreamRouter.builder()
            .parallelism(parallelism)
            .failurePolicy(policy)
            .handlers(new Recorder(batch.failing()))
            .build()) {
      result = router.process(batch.records());
    }

    String expected =
        batch.records().stream()
            .map(r -> r.dynamodb().sequenceNumber())
            .filter(batch.failing()::contains)
            .findFirst()
            .orElse(null);
    assertThat(result.firstFailedSequenceNumber().map(SequenceNumber::toString).orElse(null))
        .isEqualTo(expected);
    // Everything below the checkpoint ran and succeeded, whatever the parallelism.
    for (RecordOutcome o : result.outcomes()) {
      if (expected != null && o.sequenceNumber().compareTo(SequenceNumber.of(expected)) < 0) {
        assertThat(o.status()).isEqualTo(RecordStatus.HANDLED);
      }
    }
    if (policy == FailurePolicy.CONTINUE) {
      assertThat(result.count(RecordStatus.FAILED)).isEqualTo(batch.failing().size());
      assertThat(result.count(RecordStatus.NOT_RUN)).isZero();
    }
  }

  @Test
  void retriesAfterPartialFailuresNeverRunAFinishedHandlerRecordPairTwice() {
    SeededCases.check(
        200,
        gen -> run(gen, 4),
        Run::toString,
        run -> retriesRunNoFinishedPairTwice(run.batch(), run.parallelism(), run.policy()));
  }

  private static void retriesRunNoFinishedPairTwice(
      Batch batch, int parallelism, FailurePolicy policy) {
    Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();
    Set<String> failOnce = ConcurrentHashMap.newKeySet();
    failOnce.addAll(batch.failing());
    class TwoHandlers {
      @OnChange
      void a(StreamRecord<Map<String, Object>> r) {
        run("a", r);
      }

      @OnChange
      void b(StreamRecord<Map<String, Object>> r) {
        run("b", r);
      }

      private void run(String handler, StreamRecord<?> r) {
        // Handler b fails the first time it sees a "failing" record; a always succeeds.
        if (handler.equals("b") && failOnce.remove(r.sequenceNumber().toString())) {
          throw new IllegalStateException("injected");
        }
        successes
            .computeIfAbsent(handler + r.eventId(), k -> new AtomicInteger())
            .incrementAndGet();
      }
    }
    List<Record> remaining = batch.records();
    try (StreamRouter router =
        StreamRouter.builder()
            .parallelism(parallelism)
            .failurePolicy(policy)
            .idempotency(InMemoryIdempotencyStore.builder().build())
            .handlers(new TwoHandlers())
            .build()) {
      // Redeliver from the checkpoint, as Lambda does, until the batch is done.
      for (int delivery = 0; delivery < 50 && !remaining.isEmpty(); delivery++) {
        BatchResult result = router.process(remaining);
        String checkpoint =
            result.firstFailedSequenceNumber().map(SequenceNumber::toString).orElse(null);
        if (checkpoint == null) {
          remaining = List.of();
        } else {
          int from = 0;
          while (!remaining.get(from).dynamodb().sequenceNumber().equals(checkpoint)) {
            from++;
          }
          remaining = remaining.subList(from, remaining.size());
        }
      }
    }

    assertThat(remaining).isEmpty();
    assertThat(successes).hasSize(2 * batch.records().size());
    successes.forEach((pair, count) -> assertThat(count.get()).as(pair).isEqualTo(1));
  }
}
