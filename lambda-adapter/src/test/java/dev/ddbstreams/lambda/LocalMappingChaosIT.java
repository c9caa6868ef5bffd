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
package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.chaos.CapturedLog;
import dev.ddbstreams.chaos.ChaosHandlers;
import dev.ddbstreams.chaos.ChaosSettings;
import dev.ddbstreams.chaos.ChaosSink;
import dev.ddbstreams.chaos.Checker;
import dev.ddbstreams.chaos.FailingStore;
import dev.ddbstreams.chaos.FaultKind;
import dev.ddbstreams.chaos.Faults;
import dev.ddbstreams.chaos.Ledger;
import dev.ddbstreams.chaos.Totals;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.BatchWrites;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testkit.lambda.StartingPosition;
import dev.ddbstreams.testlog.Figures;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The Lambda path under seeded random fault schedules: real stream records from the emulator, fed
 * by {@link LocalEventSourceMapping} (Lambda's JSON, partial batch responses, bisecting,
 * parallelization) to a {@link DynamoDbStreamJsonLambda}. Besides the router's boundaries (handler
 * exceptions, Errors, interrupts, hangs past the invocation's deadline; store failures on begin,
 * complete and release; sink exceptions and Errors) the function fails whole batches after the
 * router finished, and its runtime dies (an error of the JVM, before or after a handler's effect),
 * after which a fresh container, with a fresh router, takes the next invocation. Faults stop after
 * some invocations; the mapping must then drain, and the {@link Checker} holds the run to lost = 0,
 * doubled = 0, misordered = 0.
 *
 * <p>A failure prints the seed and the command that replays it, and the tail of the schedule's log.
 */
class LocalMappingChaosIT {
  private static final int SCHEDULES = 12;
  private static final int ITEMS = 40;
  private static final int VERSIONS = 5;

  private static DynamoDbEmulator local;
  private static StreamTable table;
  private static List<Ledger.Change> changes;

  @BeforeAll
  static void writeTheStream() {
    local = DynamoDbEmulator.shared();
    table = StreamTable.builder().name(StreamTable.uniqueName("chaos")).create(local.client());
    for (int version = 1; version <= VERSIONS; version++) {
      int v = version;
      BatchWrites.put(
          local.client(),
          table.name(),
          ITEMS,
          i ->
              Map.of(
                  "PK", AttributeValue.fromS("ITEM#" + i),
                  "SK", AttributeValue.fromS("V"),
                  "v", AttributeValue.fromN(Integer.toString(v))));
    }
    List<Record> records = table.reader(local.streamsClient()).readAll();
    assertThat(records).hasSize(ITEMS * VERSIONS);
    changes = new ArrayList<>();
    for (Record r : records) {
      changes.add(
          new Ledger.Change(
              r.eventID(),
              r.dynamodb().keys().get("PK").s(),
              new BigInteger(r.dynamodb().sequenceNumber())));
    }
  }

  /** One schedule's shape, drawn from its seed. */
  record Shape(
      FailurePolicy policy,
      int parallelism,
      boolean sink,
      boolean twoHandlers,
      RetryPolicy retry,
      int batchSize,
      int parallelizationFactor,
      boolean bisect,
      int faultyInvocations) {}

  static Shape shape(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return new Shape(
        r.nextBoolean() ? FailurePolicy.STOP_AT_FIRST_FAILURE : FailurePolicy.SKIP_FAILED_ITEM,
        r.nextBoolean() ? 1 : 4,
        r.nextBoolean(),
        r.nextBoolean(),
        r.nextBoolean()
            ? RetryPolicy.NONE
            : RetryPolicy.attempts(2).backoff(Duration.ofMillis(1), 1, Duration.ofMillis(1)),
        10 + r.nextInt(41),
        1 + r.nextInt(3),
        r.nextBoolean(),
        10 + r.nextInt(30));
  }

  /** The function under test: a container whose runtime can die and be replaced. */
  static final class Container extends DynamoDbStreamJsonLambda {
    final AtomicReference<StreamRouter> router = new AtomicReference<>();

    @Override
    protected StreamRouter router() {
      return router.get();
    }
  }

  @Test
  void noScheduleLosesDoublesOrMisordersARecord() throws Exception {
    Totals totals = new Totals("lambda");
    for (long seed : ChaosSettings.seeds(SCHEDULES)) {
      Shape shape = shape(seed);
      String log;
      Checker.Verdict verdict;
      boolean drained;
      List<String> givenUp = new CopyOnWriteArrayList<>();
      try (CapturedLog captured = CapturedLog.start()) {
        SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        Ledger ledger = new Ledger(changes, ChaosHandlers.ids(shape.twoHandlers()));
        Faults faults = plan(seed, r);
        ChaosHandlers handlers = new ChaosHandlers(ledger, faults, LocalMappingChaosIT::hang);
        FailingStore store =
            new FailingStore(InMemoryIdempotencyStore.builder().build(), faults, ledger);
        ChaosSink sink = new ChaosSink(faults, ledger);
        Container container = new Container();
        container.router.set(router(shape, handlers, store, sink));
        AtomicInteger invocations = new AtomicInteger();
        RequestStreamHandler function =
            (in, out, context) -> {
              faults.active(invocations.incrementAndGet() <= shape.faultyInvocations());
              try {
                container.handleRequest(in, out, context);
              } catch (InternalError runtimeDied) {
                // Lambda restarts a dead runtime: the next invocation gets a fresh container.
                container.router.getAndSet(router(shape, handlers, store, sink)).close();
                throw new IllegalStateException("the runtime died", runtimeDied);
              } finally {
                Thread.interrupted();
              }
              if (faults.strikes(FaultKind.WHOLE_BATCH_FAILURE, "invocation " + invocations)) {
                throw new IllegalStateException("injected failure after the router finished");
              }
            };
        LocalEventSourceMapping.Stats stats;
        try (LocalEventSourceMapping mapping =
            LocalEventSourceMapping.builder()
                .streams(local.streamsClient())
                .streamArn(table.streamArn())
                .handler(function)
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .batchSize(shape.batchSize())
                .parallelizationFactor(shape.parallelizationFactor())
                .reportBatchItemFailures(true)
                .bisectBatchOnFunctionError(shape.bisect())
                .functionTimeout(Duration.ofSeconds(1))
                .onFailure(givenUp::add)
                .build()) {
          drained = mapping.drain(Duration.ofSeconds(60));
          stats = mapping.stats();
        } finally {
          container.router.get().close();
        }
        verdict = Checker.check(ledger, Set.of(), true, Checker.Order.STRICT);
        totals.add(ledger, faults, verdict, stats.invocations());
        log = captured.tail();
      }
      String replay = ChaosSettings.replay("lambda-adapter", "LocalMappingChaosIT", seed, true);
      if (!drained || !verdict.holds() || !givenUp.isEmpty()) {
        System.out.println(log);
      }
      assertThat(drained).as("schedule %d (%s) drained%nreplay: %s", seed, shape, replay).isTrue();
      assertThat(givenUp).as("schedule %d: records given up%nreplay: %s", seed, replay).isEmpty();
      assertThat(verdict.holds())
          .as("schedule %d (%s): %s%nreplay: %s", seed, shape, verdict, replay)
          .isTrue();
    }
    Figures.print(totals.summary());
  }

  /** A hang past the invocation's deadline: the function timeout is 1 s. */
  private static void hang() {
    try {
      Thread.sleep(1_100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
            .idempotency(store)
            // With a 1 s function timeout, no record starts after 600 ms.
            .deadlineMargin(Duration.ofMillis(400));
    if (shape.sink()) {
      b.deadLetter(sink);
    }
    return b.build();
  }

  private static Faults plan(long seed, SplittableRandom r) {
    Faults faults = new Faults(seed);
    double[] levels = {0.01, 0.03, 0.06};
    for (FaultKind kind :
        List.of(
            FaultKind.HANDLER_EXCEPTION,
            FaultKind.HANDLER_ERROR,
            FaultKind.HANDLER_INTERRUPT,
            FaultKind.STORE_BEGIN,
            FaultKind.STORE_COMPLETE,
            FaultKind.STORE_RELEASE,
            FaultKind.SINK_EXCEPTION,
            FaultKind.SINK_ERROR)) {
      faults.set(kind, levels[r.nextInt(levels.length)]);
    }
    faults.set(FaultKind.HANDLER_HANG, 0.01, 1);
    faults.set(FaultKind.HANDLER_FATAL, 0.01, 2);
    faults.set(FaultKind.CRASH_AFTER_EFFECT, 0.01, 2);
    faults.set(FaultKind.WHOLE_BATCH_FAILURE, 0.1);
    return faults;
  }
}
