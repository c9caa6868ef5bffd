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
package dev.ddbstreams.kcl;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import dev.ddbstreams.testlog.Figures;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The KCL path under seeded random fault schedules: the real KCL 3 scheduler (through the testkit's
 * {@link LocalKcl}) reads a stream of three shards in a parent-child chain. Besides the router's
 * boundaries (handler exceptions, Errors, interrupts, slow handlers; store failures on begin,
 * complete and release; sink exceptions and Errors) a schedule fails checkpoint writes to the lease
 * table, steals the shard lease the worker is on (lease lost), shuts the worker down gracefully
 * mid-stream and starts another (shutdown requested), fails the last record of each shard so that
 * shards end while their batch is retried, and kills a worker with an error of the JVM before or
 * after a handler's effect, after which a new worker takes over. Faults stop after a while; the
 * stream must then be applied completely, and the {@link Checker} holds the run to lost = 0,
 * doubled = 0, misordered = 0.
 *
 * <p>A schedule costs 20-40 s (every worker start is ~7 s of KCL): one runs in {@code mvn verify},
 * more with {@code -Pchaos}. A failure prints the seed and the replay command.
 */
class KclChaosIT {
  private static final int SCHEDULES = 1;
  private static final int ITEMS = 60;
  private static final int SHARDS = 3;
  private static final Duration FAULTS_FOR = Duration.ofSeconds(40);
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);

  private static DynamoDbEmulator local;
  private static LocalKcl kcl;
  private static StreamTable table;
  private static List<Ledger.Change> changes;
  private static Set<String> shardEnds;

  @BeforeAll
  static void writeTheStream() {
    // An instance of its own: rolling shards over touches every table of an instance.
    local = DynamoDbEmulator.start();
    kcl = LocalKcl.of(local);
    table = StreamTable.builder().create(local.client());
    for (int version = 1; version <= SHARDS; version++) {
      if (version > 1) {
        local.rollOverShards();
      }
      LocalConsumers.writeVersion(local.client(), table.name(), 0, ITEMS, version);
    }
    List<Record> records = table.reader(local.streamsClient()).readAll();
    assertThat(records).hasSize(ITEMS * SHARDS);
    changes = new ArrayList<>();
    Map<String, String> lastOfVersion = new HashMap<>();
    for (Record r : records) {
      changes.add(
          new Ledger.Change(
              r.eventID(),
              r.dynamodb().keys().get("PK").s(),
              new BigInteger(r.dynamodb().sequenceNumber())));
      // Each version was written into a shard of its own.
      lastOfVersion.put(r.dynamodb().newImage().get("v").n(), r.eventID());
    }
    shardEnds = new HashSet<>(lastOfVersion.values());
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** One schedule's shape, drawn from its seed. */
  record Shape(
      FailurePolicy policy,
      int parallelism,
      boolean sink,
      boolean twoHandlers,
      RetryPolicy retry,
      FaultKind death) {}

  static Shape shape(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return new Shape(
        r.nextBoolean() ? FailurePolicy.STOP_AT_FIRST_FAILURE : FailurePolicy.SKIP_FAILED_ITEM,
        r.nextBoolean() ? 1 : 4,
        r.nextBoolean(),
        r.nextBoolean(),
        r.nextBoolean()
            ? RetryPolicy.NONE
            : RetryPolicy.attempts(2).backoff(Duration.ofMillis(5), 1, Duration.ofMillis(5)),
        r.nextBoolean() ? FaultKind.HANDLER_FATAL : FaultKind.CRASH_AFTER_EFFECT);
  }

  @Test
  void noScheduleLosesDoublesOrMisordersARecord() throws Exception {
    Totals totals = new Totals("kcl", "workers");
    for (long seed : ChaosSettings.seeds(SCHEDULES)) {
      Shape shape = shape(seed);
      Schedule schedule = new Schedule(seed, shape);
      String log;
      try (CapturedLog captured = CapturedLog.start()) {
        schedule.run();
        log = captured.tail();
      }
      Checker.Verdict verdict =
          Checker.check(schedule.ledger, Set.of(), true, Checker.Order.STRICT);
      totals.add(schedule.ledger, schedule.faults, verdict, schedule.workers);
      String replay = ChaosSettings.replay("kcl-adapter", "KclChaosIT", seed, true);
      if (!schedule.drained || !verdict.holds()) {
        System.out.println(log);
      }
      assertThat(schedule.drained)
          .as("schedule %d (%s) applied the stream in time%nreplay: %s", seed, shape, replay)
          .isTrue();
      assertThat(verdict.holds())
          .as("schedule %d (%s): %s%nreplay: %s", seed, shape, verdict, replay)
          .isTrue();
    }
    Figures.print(totals.summary());
  }

  /** One schedule: its ledger, faults and workers. */
  static final class Schedule {
    final long seed;
    final Shape shape;
    final String app;
    final Ledger ledger;
    final Faults faults;
    final ChaosHandlers handlers;
    final FailingStore store;
    final ChaosSink sink;
    final DynamoDbAsyncClient leaseClient;
    int workers;
    boolean drained;

    Schedule(long seed, Shape shape) {
      this.seed = seed;
      this.shape = shape;
      this.app = StreamTable.uniqueName("chaos");
      this.ledger = new Ledger(changes, ChaosHandlers.ids(shape.twoHandlers()));
      this.faults = plan(seed, shape);
      this.handlers = new ChaosHandlers(ledger, faults, Schedule::slow);
      handlers.shardEnds(shardEnds);
      // Shared by every worker of the schedule, as a DynamoDB table would be.
      this.store = new FailingStore(InMemoryIdempotencyStore.builder().build(), faults, ledger);
      this.sink = new ChaosSink(faults, ledger);
      this.leaseClient = failingCheckpoints(kcl.leaseClient(), faults);
    }

    void run() throws InterruptedException {
      kcl.prepareLeaseTable(app, table.streamArn());
      long start = System.nanoTime();
      Worker worker = startWorker();
      int pairs = ledger.changes().size() * ledger.handlers().size();
      try {
        while (!ledger.allFinished() && elapsed(start).compareTo(GIVE_UP_AFTER) < 0) {
          int finished = finishedPairs();
          faults.active(finished < pairs * 9 / 10 && elapsed(start).compareTo(FAULTS_FOR) < 0);
          if (finished >= pairs / 7 && faults.strikes(FaultKind.LEASE_LOST, "lease")) {
            stealTheLeaseOf(worker.id);
          } else if (finished >= pairs / 2
              && faults.strikes(FaultKind.SHUTDOWN_REQUESTED, "worker")) {
            worker.close();
            worker = startWorker();
          } else if (!worker.thread.isAlive()) {
            // A JVM error stopped it; it shut down gracefully. Another worker takes over.
            worker.close();
            worker = startWorker();
          }
          Thread.sleep(100);
        }
        drained = ledger.allFinished();
      } finally {
        worker.close();
      }
    }

    private int finishedPairs() {
      int n = 0;
      for (Ledger.Change c : ledger.changes()) {
        for (String h : ledger.handlers()) {
          if (ledger.finished(h, c.eventId()) > 0) {
            n++;
          }
        }
      }
      return n;
    }

    private Worker startWorker() {
      workers++;
      StreamRouter.Builder b =
          StreamRouter.builder()
              .keys("PK", "SK")
              .handlers(handlers.objects(shape.twoHandlers()))
              .failurePolicy(shape.policy())
              .parallelism(shape.parallelism())
              .retry(shape.retry())
              .idempotency(store)
              // A lease a dead worker left behind holds its record for 3 s, not 5 minutes.
              .idempotencyLease(Duration.ofSeconds(3));
      if (shape.sink()) {
        b.deadLetter(sink);
      }
      StreamRouter router = b.build();
      String id = app + "-worker-" + workers;
      KclStreamConsumer consumer =
          LocalConsumers.builder(kcl, app, table.streamArn(), router)
              .workerId(id)
              .dynamoDbClient(leaseClient)
              // KCL's graceful shutdown waits for the consumers of child shards blocked on their
              // parent until this timeout: keep it short, the next worker takes the leases over.
              .shutdownTimeout(Duration.ofSeconds(3))
              .build();
      Thread thread = new Thread(consumer::run, id);
      thread.setDaemon(true);
      thread.start();
      return new Worker(id, consumer, router, thread);
    }

    /** Another worker takes the lease of the shard this one is reading, and never renews it. */
    private void stealTheLeaseOf(String owner) {
      for (Map<String, AttributeValue> lease : local.client().scan(s -> s.tableName(app)).items()) {
        AttributeValue holder = lease.get("leaseOwner");
        AttributeValue checkpoint = lease.get("checkpoint");
        if (holder == null
            || !holder.s().equals(owner)
            || (checkpoint != null && "SHARD_END".equals(checkpoint.s()))) {
          continue;
        }
        try {
          local
              .client()
              .updateItem(
                  u ->
                      u.tableName(app)
                          .key(Map.of("leaseKey", lease.get("leaseKey")))
                          .updateExpression("SET leaseOwner = :thief ADD leaseCounter :one")
                          .conditionExpression("leaseOwner = :owner")
                          .expressionAttributeValues(
                              Map.of(
                                  ":thief", AttributeValue.fromS(app + "-thief"),
                                  ":one", AttributeValue.fromN("1"),
                                  ":owner", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException moved) {
          // The lease moved on by itself meanwhile.
        }
      }
    }

    private static void slow() {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static Duration elapsed(long start) {
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  /** A running worker. */
  record Worker(String id, KclStreamConsumer consumer, StreamRouter router, Thread thread) {
    void close() throws InterruptedException {
      consumer.close();
      thread.join(30_000);
      router.close();
    }
  }

  private static Faults plan(long seed, Shape shape) {
    SplittableRandom r = new SplittableRandom(seed ^ 0xC2B2AE3D27D4EB4FL);
    Faults faults = new Faults(seed);
    double[] levels = {0.01, 0.03, 0.05};
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
    faults.set(FaultKind.HANDLER_HANG, 0.02, 3);
    faults.set(FaultKind.CHECKPOINT_FAILURE, 0.2);
    faults.set(FaultKind.SHARD_END_MID_RETRY, 0.7, 2L * SHARDS);
    faults.set(FaultKind.SHUTDOWN_REQUESTED, 1.0, 1);
    faults.set(FaultKind.LEASE_LOST, 1.0, 1);
    // One worker death per schedule: each costs a KCL start.
    faults.set(shape.death(), 0.01, 1);
    return faults;
  }

  /** The lease-table client, with checkpoint writes that fail when the plan says so. */
  private static DynamoDbAsyncClient failingCheckpoints(DynamoDbAsyncClient real, Faults faults) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          if (method.getName().equals("updateItem")
              && args != null
              && args.length == 1
              && args[0] instanceof UpdateItemRequest request
              && writesCheckpoint(request)
              && faults.strikes(FaultKind.CHECKPOINT_FAILURE, "checkpoint")) {
            return CompletableFuture.failedFuture(
                ProvisionedThroughputExceededException.builder()
                    .message("injected: lease table throttled")
                    .build());
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (DynamoDbAsyncClient)
        Proxy.newProxyInstance(
            DynamoDbAsyncClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbAsyncClient.class},
            handler);
  }

  private static boolean writesCheckpoint(UpdateItemRequest request) {
    return (request.hasAttributeUpdates() && request.attributeUpdates().containsKey("checkpoint"))
        || (request.updateExpression() != null && request.updateExpression().contains("checkpoint"))
        || (request.hasExpressionAttributeNames()
            && request.expressionAttributeNames().containsValue("checkpoint"));
  }
}
