package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.annotation.OnChange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamRouterProperties {

  /** A batch of one shard: increasing sequence numbers of varying length, few items. */
  record Batch(List<Record> records, Set<String> failing) {}

  @Provide
  Arbitrary<Batch> batches() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 40),
            Arbitraries.integers().between(1, 6),
            Arbitraries.longs().between(1, 1_000_000_000_000L),
            Arbitraries.randoms())
        .as(
            (size, items, start, random) -> {
              List<Record> records = new ArrayList<>();
              Set<String> failing = new HashSet<>();
              BigInteger seq = BigInteger.valueOf(start);
              for (int i = 0; i < size; i++) {
                // Gaps of very different sizes make sequence numbers of different lengths.
                seq =
                    seq.add(
                        BigInteger.TEN
                            .pow(random.nextInt(4))
                            .multiply(BigInteger.valueOf(1 + random.nextInt(9))));
                String item = "item-" + random.nextInt(items);
                records.add(
                    TestRecords.insert(
                        seq.toString(),
                        Map.of(
                            "PK", AttributeValue.fromS(item),
                            "SK", AttributeValue.fromS("X"))));
                if (random.nextInt(8) == 0) {
                  failing.add(seq.toString());
                }
              }
              return new Batch(records, failing);
            });
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
      runs.add(change.sequenceNumber());
      perItem
          .computeIfAbsent(change.keys().get("PK").s(), k -> new CopyOnWriteArrayList<>())
          .add(change.sequence());
      if (failing.contains(change.sequenceNumber())) {
        throw new IllegalStateException("injected");
      }
    }
  }

  @Property(tries = 200)
  void perItemOrderIsKeptUnderAnyParallelism(
      @ForAll("batches") Batch batch,
      @ForAll @IntRange(min = 1, max = 8) int parallelism,
      @ForAll FailurePolicy policy) {
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

  @Property(tries = 300)
  void checkpointIsTheFirstFailureOfASequentialRunForEveryPolicyAndParallelism(
      @ForAll("batches") Batch batch,
      @ForAll @IntRange(min = 1, max = 8) int parallelism,
      @ForAll FailurePolicy policy) {
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
    assertThat(result.firstFailedSequenceNumber().orElse(null)).isEqualTo(expected);
    // Everything below the checkpoint ran and succeeded, whatever the parallelism.
    for (RecordOutcome o : result.outcomes()) {
      if (expected != null && o.sequence().orElseThrow().compareTo(new BigInteger(expected)) < 0) {
        assertThat(o.status()).isEqualTo(RecordStatus.HANDLED);
      }
    }
    if (policy == FailurePolicy.CONTINUE) {
      assertThat(result.count(RecordStatus.FAILED)).isEqualTo(batch.failing().size());
      assertThat(result.count(RecordStatus.NOT_RUN)).isZero();
    }
  }

  @Property(tries = 200)
  void retriesAfterPartialFailuresNeverRunAFinishedHandlerRecordPairTwice(
      @ForAll("batches") Batch batch,
      @ForAll @IntRange(min = 1, max = 4) int parallelism,
      @ForAll FailurePolicy policy) {
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
        if (handler.equals("b") && failOnce.remove(r.sequenceNumber())) {
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
        String checkpoint = result.firstFailedSequenceNumber().orElse(null);
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
