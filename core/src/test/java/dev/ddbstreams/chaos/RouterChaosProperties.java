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
package dev.ddbstreams.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testlog.Figures;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The router alone under seeded random fault schedules, with the stream simulated as Lambda reads
 * it: deliver a batch, resume from the checkpoint the router reports, repeat until every record is
 * done. Every {@link FailurePolicy} with parallelism 1 and 4; with and without an idempotency
 * store, a dead-letter sink, in-process retries and a deadline. Faults strike at every boundary
 * (handler, store, sink, the JVM) for some rounds, then stop, and the stream must drain. The {@link
 * Checker} then holds the run to lost = 0, doubled = 0, misordered = 0.
 *
 * <p>A failure prints the schedule's seed and the command that replays it ({@code
 * -Dddbstreams.chaos.seed=...}), and the tail of the schedule's log.
 */
class RouterChaosProperties {
  private static final int SCHEDULES = 400;
  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

  /** One schedule's shape, all drawn from its seed. */
  record Shape(
      FailurePolicy policy,
      int parallelism,
      boolean store,
      boolean sink,
      boolean twoHandlers,
      boolean deadline,
      RetryPolicy retry,
      int batchSize,
      int faultyRounds) {}

  @Test
  void noScheduleLosesDoublesOrMisordersARecord() {
    Totals totals = new Totals("router");
    Set<String> combinations = new HashSet<>();
    for (long seed : ChaosSettings.seeds(SCHEDULES)) {
      Shape shape = shape(seed);
      combinations.add(shape.policy() + "/" + shape.parallelism());
      Run run;
      String log;
      try (CapturedLog captured = CapturedLog.start()) {
        run = run(seed, shape, Sabotage.NONE);
        log = captured.tail();
      }
      totals.add(run.ledger, run.faults, run.verdict, run.deliveries);
      if (!run.verdict.holds() || !run.drained) {
        System.out.println(log);
        System.out.println(totals.summary());
      }
      assertThat(run.drained)
          .as(
              "schedule %d (%s) did not drain in %d deliveries: %s%nreplay: %s",
              seed,
              shape,
              run.deliveries,
              run.verdict,
              ChaosSettings.replay("core", "RouterChaosProperties", seed, false))
          .isTrue();
      assertThat(run.verdict.holds())
          .as(
              "schedule %d (%s): %s%nreplay: %s",
              seed,
              shape,
              run.verdict,
              ChaosSettings.replay("core", "RouterChaosProperties", seed, false))
          .isTrue();
    }
    Figures.print(totals.summary());
    if (System.getProperty("ddbstreams.chaos.seed") == null) {
      assertThat(combinations).as("every policy with parallelism 1 and 4").hasSize(6);
    }
  }

  static Shape shape(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    FailurePolicy policy = FailurePolicy.values()[(int) Math.floorMod(seed, 3L)];
    int parallelism = Math.floorMod(seed >>> 7, 2L) == 0 ? 1 : 4;
    RetryPolicy retry =
        r.nextBoolean()
            ? RetryPolicy.NONE
            : RetryPolicy.attempts(2 + r.nextInt(2)).backoff(Duration.ZERO, 1, Duration.ZERO);
    return new Shape(
        policy,
        parallelism,
        r.nextInt(10) < 8,
        r.nextBoolean(),
        r.nextBoolean(),
        r.nextBoolean(),
        retry,
        1 + r.nextInt(25),
        2 + r.nextInt(7));
  }

  /** What one schedule came to. */
  record Run(
      Ledger ledger, Faults faults, Checker.Verdict verdict, int deliveries, boolean drained) {}

  /** Ways to break the system under test, to show the checker notices. */
  enum Sabotage {
    /** None: the real router and a faithful event source. */
    NONE,
    /** The event source moves past the checkpoint, dropping the failed record. */
    SKIP_FAILED,
    /** The store forgets everything: every begin says NEW. */
    FORGETFUL_STORE,
    /** The event source delivers each batch backwards. */
    REVERSED_BATCHES
  }

  @Test
  void theCheckerCatchesALossADoubleAndAMisorderWhenTheSystemIsBroken() {
    Shape shape =
        new Shape(
            FailurePolicy.SKIP_FAILED_ITEM, 1, true, false, false, false, RetryPolicy.NONE, 10, 3);
    int lost = 0;
    int doubled = 0;
    int misordered = 0;
    CapturedLog log = CapturedLog.start();
    try {
      for (long seed = 1; seed <= 20; seed++) {
        assertThat(run(seed, shape, Sabotage.NONE).verdict().holds()).isTrue();
        lost += run(seed, shape, Sabotage.SKIP_FAILED).verdict().lost();
        doubled += run(seed, shape, Sabotage.FORGETFUL_STORE).verdict().doubled();
        misordered += run(seed, shape, Sabotage.REVERSED_BATCHES).verdict().misordered();
      }
    } finally {
      log.close();
    }
    assertThat(lost).as("lost with an event source that skips failed records").isPositive();
    assertThat(doubled).as("doubled with a store that forgets").isPositive();
    assertThat(misordered).as("misordered with batches delivered backwards").isPositive();
  }

  static Run run(long seed, Shape shape, Sabotage sabotage) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Record> stream = stream(r);
    Ledger ledger = new Ledger(changes(stream), ChaosHandlers.ids(shape.twoHandlers()));
    Faults faults = plan(seed, r, shape);
    if (sabotage != Sabotage.NONE) {
      // Enough failures that a broken system shows.
      faults.set(FaultKind.HANDLER_EXCEPTION, 0.3);
    }
    ChaosClock clock = new ChaosClock(T0);
    Duration hang = shape.deadline() ? Duration.ofSeconds(40) : Duration.ofMinutes(6);
    ChaosHandlers handlers = new ChaosHandlers(ledger, faults, () -> clock.advance(hang));
    IdempotencyStore real =
        sabotage == Sabotage.FORGETFUL_STORE
            ? new ForgetfulStore()
            : InMemoryIdempotencyStore.builder().clock(clock).build();
    FailingStore store = new FailingStore(real, faults, ledger);

    StreamRouter router = router(shape, handlers, store, new ChaosSink(faults, ledger));
    int position = 0;
    int delivery = 0;
    int maxDeliveries = shape.faultyRounds() + 40 + stream.size() / shape.batchSize();
    try {
      while (position < stream.size() && delivery < maxDeliveries) {
        delivery++;
        faults.active(delivery <= shape.faultyRounds());
        ledger.delivery(delivery);
        List<Record> batch =
            stream.subList(position, Math.min(stream.size(), position + shape.batchSize()));
        if (sabotage == Sabotage.REVERSED_BATCHES) {
          batch = new ArrayList<>(batch);
          Collections.reverse(batch);
        }
        BatchContext context =
            BatchContext.builder()
                .clock(clock)
                .deadline(shape.deadline() ? clock.instant().plusSeconds(30) : null)
                .build();
        Optional<String> checkpoint;
        try {
          BatchResult result = router.process(batch, context);
          checkpoint = result.firstFailedSequenceNumber().map(SequenceNumber::toString);
        } catch (InternalError workerDied) {
          // The JVM failed: this worker is gone, and a new one gets the same batch again.
          router.close();
          router = router(shape, handlers, store, new ChaosSink(faults, ledger));
          checkpoint = Optional.of(stream.get(position).dynamodb().sequenceNumber());
        } finally {
          // An injected interrupt may be left on the caller's thread, as a real one would be.
          Thread.interrupted();
        }
        int next = position + batch.size();
        position =
            sabotage == Sabotage.SKIP_FAILED
                ? next
                : checkpoint.map(seq -> Math.min(indexOf(stream, seq), next)).orElse(next);
        clock.advance(Duration.ofMinutes(1));
      }
    } finally {
      router.close();
    }
    Set<String> pending = new HashSet<>();
    for (Record rec : stream.subList(position, stream.size())) {
      pending.add(rec.eventID());
    }
    // Strict order across deliveries needs a store: without one, a redelivery re-applies the
    // changes after the checkpoint, and CONTINUE runs later changes of a failed item by design.
    Checker.Order order =
        shape.store() && shape.policy() != FailurePolicy.CONTINUE
            ? Checker.Order.STRICT
            : Checker.Order.PER_DELIVERY;
    Checker.Verdict verdict = Checker.check(ledger, pending, shape.store(), order);
    return new Run(ledger, faults, verdict, delivery, position == stream.size());
  }

  /** A broken store: it never remembers a finished pair. */
  static final class ForgetfulStore implements IdempotencyStore {
    @Override
    public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
      return IdempotencyState.NEW;
    }

    @Override
    public void complete(IdempotencyKey key) {}

    @Override
    public void release(IdempotencyKey key) {}
  }

  private static StreamRouter router(
      Shape shape, ChaosHandlers handlers, FailingStore store, ChaosSink sink) {
    StreamRouter.Builder b =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(handlers.objects(shape.twoHandlers()))
            .failurePolicy(shape.policy())
            .parallelism(shape.parallelism())
            .retry(shape.retry())
            .deadlineMargin(Duration.ofSeconds(1));
    if (shape.store()) {
      b.idempotency(store);
    }
    if (shape.sink()) {
      b.deadLetter(sink);
    }
    return b.build();
  }

  private static Faults plan(long seed, SplittableRandom r, Shape shape) {
    Faults faults = new Faults(seed);
    double[] levels = {0, 0.02, 0.05, 0.1};
    for (FaultKind kind :
        EnumSet.of(
            FaultKind.HANDLER_EXCEPTION,
            FaultKind.HANDLER_ERROR,
            FaultKind.HANDLER_HANG,
            FaultKind.HANDLER_INTERRUPT,
            FaultKind.STORE_BEGIN,
            FaultKind.STORE_COMPLETE,
            FaultKind.STORE_RELEASE,
            FaultKind.SINK_EXCEPTION,
            FaultKind.SINK_ERROR)) {
      faults.set(kind, levels[r.nextInt(levels.length)]);
    }
    faults.set(FaultKind.HANDLER_FATAL, r.nextInt(4) == 0 ? 0.02 : 0, 2);
    faults.set(FaultKind.CRASH_AFTER_EFFECT, r.nextInt(4) == 0 ? 0.02 : 0, 2);
    if (!shape.store()) {
      // Without a store the crash window is ordinary at-least-once; nothing to tell apart.
      faults.set(FaultKind.CRASH_AFTER_EFFECT, 0);
    }
    return faults;
  }

  /** A shard: items of a few versions each, interleaved, sequence numbers of varying length. */
  private static List<Record> stream(SplittableRandom r) {
    int items = 1 + r.nextInt(6);
    int size = 5 + r.nextInt(56);
    int[] versions = new int[items];
    BigInteger seq = BigInteger.valueOf(1 + r.nextLong(1_000_000_000L));
    List<Record> records = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      seq =
          seq.add(BigInteger.TEN.pow(r.nextInt(4)).multiply(BigInteger.valueOf(1 + r.nextInt(9))));
      int item = r.nextInt(items);
      int version = ++versions[item];
      records.add(record("ITEM#" + item, version, seq.toString(), null));
    }
    return records;
  }

  static Record record(String pk, int version, String seq, @Nullable String eventName) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("V"));
    Map<String, AttributeValue> image =
        Map.of(
            "PK",
            AttributeValue.fromS(pk),
            "SK",
            AttributeValue.fromS("V"),
            "v",
            AttributeValue.fromN(Integer.toString(version)));
    return Record.builder()
        .eventID("event-" + seq)
        .eventName(eventName != null ? eventName : version == 1 ? "INSERT" : "MODIFY")
        .dynamodb(
            d ->
                d.keys(keys)
                    .newImage(image)
                    .sequenceNumber(seq)
                    .streamViewType("NEW_AND_OLD_IMAGES")
                    .approximateCreationDateTime(T0))
        .build();
  }

  static List<Ledger.Change> changes(List<Record> stream) {
    List<Ledger.Change> changes = new ArrayList<>(stream.size());
    for (Record r : stream) {
      changes.add(
          new Ledger.Change(
              r.eventID(),
              r.dynamodb().keys().get("PK").s(),
              new BigInteger(r.dynamodb().sequenceNumber())));
    }
    return changes;
  }

  private static int indexOf(List<Record> stream, String sequenceNumber) {
    for (int i = 0; i < stream.size(); i++) {
      if (stream.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
        return i;
      }
    }
    throw new AssertionError("checkpoint " + sequenceNumber + " is not a record of the stream");
  }
}
