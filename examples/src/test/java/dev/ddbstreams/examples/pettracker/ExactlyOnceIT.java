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
package dev.ddbstreams.examples.pettracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.ManualClock;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.testkit.BatchWrites;
import dev.ddbstreams.testkit.StreamTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The PetTracker leaderboard and daily summaries on the emulator, consumed by workers that die at
 * seeded random points between a handler's start and its commit, thousands of records long.
 *
 * <p>A worker is a router with its own DynamoDB client and {@link DynamoDbIdempotencyStore}. It
 * dies as a process would: from the chosen point on, every call of its client fails (as in
 * kcl-adapter's {@code FailoverIT}), its batch result is thrown away and it never checkpoints; the
 * lease of the record it had begun stays in the idempotency table until it lapses (the test's clock
 * is moved past it). The next worker gets the batch again from the last checkpoint. The points, for
 * the (handler, record) pair chosen by counting leases taken:
 *
 * <ul>
 *   <li>{@code AFTER_BEGIN}: right after the lease is taken, as the handler starts;
 *   <li>{@code BEFORE_COMMIT}: after the handler ran, as the router sends the commit (with {@link
 *       dev.ddbstreams.TransactionalWrites}: the transaction; without: the idempotency store's
 *       {@code complete}, after the handler's own {@code UpdateItem} was applied);
 *   <li>{@code AFTER_COMMIT}: the commit was applied, its answer never used.
 * </ul>
 *
 * Over 2,000 activities (4,000 pairs), a worker dies on average every 100th lease. At the end the
 * leaderboard and the summaries are compared with a recount of the activities in the table: {@code
 * doubled} counts increments beyond it, {@code lost} those missing. Run it with {@code mvn -B -o
 * -pl core,testkit,examples -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ExactlyOnceIT | grep exactly-once:}; {@code -Dexactlyonce.seed=N} replays another seed.
 */
class ExactlyOnceIT {
  private static final long SEED = Long.getLong("exactlyonce.seed", 16L);
  private static final int ACTIVITIES = 2_000;
  private static final int PETS = 40;
  private static final int DAYS = 5;
  private static final int BATCH = 100;
  private static final int MEAN_LEASES_BETWEEN_KILLS = 100;
  private static final Duration LEASE = Duration.ofMinutes(5);

  private static DynamoDbEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    // An instance of its own; the test's clock stands apart from it, so no TTL sweep.
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  /** Where a worker dies, for the pair it has just taken the lease of. */
  enum Point {
    AFTER_BEGIN,
    BEFORE_COMMIT,
    AFTER_COMMIT
  }

  /** How the handlers write: staged on TransactionalWrites, or with their own UpdateItem. */
  enum Mode {
    TRANSACTIONAL,
    PLAIN
  }

  @Test
  void transactionalWritesCountEveryActivityOnceThoughWorkersDieBeforeTheCommit() {
    Run run = run(Mode.TRANSACTIONAL);

    assertThat(run.kills.get(Point.BEFORE_COMMIT)).as(run.failure()).isPositive();
    assertThat(run.kills.get(Point.AFTER_COMMIT)).as(run.failure()).isPositive();
    assertThat(run.leaderboard.doubled + run.summaries.doubled).as(run.failure()).isZero();
    assertThat(run.leaderboard.lost + run.summaries.lost).as(run.failure()).isZero();
    assertThat(run.duplicates).as("redelivered pairs the store skipped").isPositive();
  }

  @Test
  void withoutTheTransactionalParameterTheSameKillsCountActivitiesTwice() {
    Run run = run(Mode.PLAIN);

    assertThat(run.kills.get(Point.BEFORE_COMMIT)).as(run.failure()).isPositive();
    assertThat(run.leaderboard.doubled + run.summaries.doubled)
        .as("one double per kill between the handler's write and complete: " + run.failure())
        .isEqualTo(run.kills.get(Point.BEFORE_COMMIT));
    assertThat(run.leaderboard.lost + run.summaries.lost).as(run.failure()).isZero();
  }

  /** The leaderboard as it was before it staged its writes: its own UpdateItem, then complete. */
  static final class PlainLeaderboard {
    private final DynamoDbClient dynamo;
    private final String table;

    PlainLeaderboard(DynamoDbClient dynamo, String table) {
      this.dynamo = dynamo;
      this.table = table;
    }

    @OnInsert(sk = "ACTIVITY#", id = "Leaderboard#count")
    void count(Activity activity) {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(key(Leaderboard.PARTITION, "PET#" + activity.petId()))
                  .updateExpression("ADD activityCount :inc SET entityType = :e")
                  .expressionAttributeValues(
                      Map.of(
                          ":inc", AttributeValue.fromN("1"),
                          ":e", AttributeValue.fromS("LEADERBOARD"))));
    }
  }

  /** The daily summaries as they were before they staged their writes. */
  static final class PlainSummaries {
    private final DynamoDbClient dynamo;
    private final String table;

    PlainSummaries(DynamoDbClient dynamo, String table) {
      this.dynamo = dynamo;
      this.table = table;
    }

    @OnInsert(sk = "ACTIVITY#", id = "ActivitySummaries#summarise")
    void summarise(Activity activity) {
      dynamo.updateItem(
          b ->
              b.tableName(table)
                  .key(
                      key(
                          "PET#" + activity.petId(),
                          "SUMMARY#" + activity.timestamp().substring(0, 10)))
                  .updateExpression(
                      "ADD activityCount :one SET lastActivity = :type, entityType = :e")
                  .expressionAttributeValues(
                      Map.of(
                          ":one", AttributeValue.fromN("1"),
                          ":type", AttributeValue.fromS(activity.type()),
                          ":e", AttributeValue.fromS("SUMMARY"))));
    }
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }

  /** What one run did and found. */
  static final class Run {
    final Mode mode;
    final Map<Point, Integer> kills = new EnumMap<>(Point.class);
    int records;
    int deliveries;
    int redelivered;
    int duplicates;
    int failedDeliveries;
    Tally leaderboard = new Tally(0, 0);
    Tally summaries = new Tally(0, 0);
    long millis;
    String logTail = "";

    Run(Mode mode) {
      this.mode = mode;
      for (Point p : Point.values()) {
        kills.put(p, 0);
      }
    }

    int totalKills() {
      return kills.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The summary line, and the log's tail for a failure message. */
    String failure() {
      return line() + "\nlast lines of the log:\n" + logTail;
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "exactly-once: mode=%s seed=%d records=%d pairs=%d kills=%d (after begin %d, before"
              + " commit %d, after commit %d) deliveries=%d redelivered=%d duplicates-skipped=%d"
              + " leaderboard doubled=%d lost=%d summaries doubled=%d lost=%d time=%.1fs",
          mode.name().toLowerCase(Locale.ROOT),
          SEED,
          records,
          2 * records,
          totalKills(),
          kills.get(Point.AFTER_BEGIN),
          kills.get(Point.BEFORE_COMMIT),
          kills.get(Point.AFTER_COMMIT),
          deliveries,
          redelivered,
          duplicates,
          leaderboard.doubled,
          leaderboard.lost,
          summaries.doubled,
          summaries.lost,
          millis / 1000.0);
    }
  }

  /** Increments beyond the recount, and missing ones, over the items of one view. */
  record Tally(int doubled, int lost) {
    static Tally of(Map<String, Integer> expected, Map<String, Integer> actual) {
      int doubled = 0;
      int lost = 0;
      for (String k : union(expected, actual)) {
        int diff = actual.getOrDefault(k, 0) - expected.getOrDefault(k, 0);
        doubled += Math.max(0, diff);
        lost += Math.max(0, -diff);
      }
      return new Tally(doubled, lost);
    }

    private static Set<String> union(Map<String, Integer> a, Map<String, Integer> b) {
      Set<String> keys = new HashSet<>(a.keySet());
      keys.addAll(b.keySet());
      return keys;
    }
  }

  /**
   * Runs one case with the router's log (SLF4J simple writes to {@code System.err}) kept in memory:
   * every kill logs warnings with stack traces, which would bury the build's output. A failing run
   * prints the log's tail.
   */
  private Run run(Mode mode) {
    PrintStream saved = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      Run run = runCapturing(mode);
      run.logTail = tail(log);
      return run;
    } catch (RuntimeException | AssertionError e) {
      saved.println(tail(log));
      throw e;
    } finally {
      System.setErr(saved);
    }
  }

  private static String tail(ByteArrayOutputStream log) {
    String text = log.toString(StandardCharsets.UTF_8);
    return text.substring(Math.max(0, text.length() - 20_000));
  }

  private Run runCapturing(Mode mode) {
    long started = System.nanoTime();
    DynamoDbClient admin = emulator.client();
    StreamTable table =
        StreamTable.builder()
            .name(StreamTable.uniqueName("PetTracker"))
            .viewType(StreamViewType.NEW_AND_OLD_IMAGES)
            .create(admin);
    String idempotencyTable = table.name() + "-Idempotency";
    DynamoDbIdempotencyStore.createTable(admin, idempotencyTable);
    Random random = new Random(SEED);
    // One thread, so the stream's order and every kill point depend on the seed alone.
    BatchWrites.put(admin, table.name(), ACTIVITIES, i -> activity(random, i), 1);
    List<Record> records = table.reader(emulator.streamsClient()).readAll();
    assertThat(records).hasSize(ACTIVITIES);

    Run run = new Run(mode);
    run.records = records.size();
    ManualClock clock = ManualClock.at(Instant.parse("2026-11-24T08:00:00Z"));
    Random kills = new Random(SEED * 31 + mode.ordinal());
    Worker worker = new Worker(mode, table.name(), idempotencyTable, clock, kills);
    int checkpoint = 0;
    int highWater = 0;
    while (checkpoint < records.size()) {
      assertThat(++run.deliveries).as("deliveries, stuck? " + run.line()).isLessThan(1_000);
      List<Record> batch =
          records.subList(checkpoint, Math.min(records.size(), checkpoint + BATCH));
      run.redelivered += Math.max(0, Math.min(highWater, checkpoint + batch.size()) - checkpoint);
      highWater = Math.max(highWater, checkpoint + batch.size());
      BatchResult result =
          worker.router.process(
              batch, BatchContext.builder().streamArn(table.streamArn()).clock(clock).build());
      if (worker.dead) {
        run.kills.merge(worker.point, 1, Integer::sum);
        worker.close();
        clock.advance(LEASE.plusSeconds(1)); // its leases lapse; the next worker takes them over
        worker = new Worker(mode, table.name(), idempotencyTable, clock, kills);
        continue;
      }
      for (RecordOutcome outcome : result.outcomes()) {
        run.duplicates += outcome.duplicates().size();
      }
      if (result.firstFailedSequenceNumber().isPresent()) {
        run.failedDeliveries++;
        clock.advance(LEASE.plusSeconds(1));
        String failed = result.firstFailedSequenceNumber().get().toString();
        int at = 0;
        while (!batch.get(at).dynamodb().sequenceNumber().equals(failed)) {
          at++;
        }
        checkpoint += at;
        continue;
      }
      checkpoint += batch.size();
    }
    worker.close();

    Map<String, Map<String, AttributeValue>> items = TableScans.items(admin, table.name());
    Map<String, Integer> perPetAndDay = new HashMap<>();
    Map<String, Integer> summaries = new HashMap<>();
    items.forEach(
        (k, item) -> {
          String sk = item.get("SK").s();
          String pet = item.get("PK").s().substring("PET#".length());
          if (sk.startsWith("ACTIVITY#")) {
            perPetAndDay.merge(
                pet + "/" + item.get("timestamp").s().substring(0, 10), 1, Integer::sum);
          } else if (sk.startsWith("SUMMARY#")) {
            summaries.put(
                pet + "/" + sk.substring("SUMMARY#".length()),
                new BigDecimal(item.get("activityCount").n()).intValueExact());
          }
        });
    run.leaderboard =
        Tally.of(TableScans.activitiesPerPet(perPetAndDay), TableScans.leaderboard(items));
    run.summaries = Tally.of(perPetAndDay, summaries);
    run.millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println(run.line());
    return run;
  }

  private static Map<String, AttributeValue> activity(Random random, int i) {
    String pet = "p" + random.nextInt(PETS);
    int day = 20 + random.nextInt(DAYS);
    // Seconds from i keep every activity of a pet on a sort key of its own.
    String timestamp =
        String.format(
            Locale.ROOT, "2026-11-%02dT%02d:%02d:%02dZ", day, i / 3600 % 24, i / 60 % 60, i % 60);
    return Map.of(
        "PK", AttributeValue.fromS("PET#" + pet),
        "SK", AttributeValue.fromS("ACTIVITY#" + timestamp + "#" + i),
        "entityType", AttributeValue.fromS("ACTIVITY"),
        "petId", AttributeValue.fromS(pet),
        "type", AttributeValue.fromS(random.nextBoolean() ? "walk" : "meal"),
        "timestamp", AttributeValue.fromS(timestamp));
  }

  /**
   * One worker: a router, its client and its idempotency store, and the point where it dies. It
   * counts the leases it takes and dies at the chosen point of the pair of its k-th lease.
   */
  private static final class Worker implements ExecutionInterceptor, AutoCloseable {
    final StreamRouter router;
    final Point point;
    private final DynamoDbClient client;
    private final String idempotencyTable;
    private final Mode mode;
    private final int killAtLease;
    private int leases;
    private boolean armed;
    volatile boolean dead;

    Worker(Mode mode, String table, String idempotencyTable, ManualClock clock, Random kills) {
      this.mode = mode;
      this.idempotencyTable = idempotencyTable;
      this.killAtLease = 1 + kills.nextInt(2 * MEAN_LEASES_BETWEEN_KILLS);
      this.point = Point.values()[kills.nextInt(Point.values().length)];
      this.client =
          emulator
              .clientBuilder()
              .overrideConfiguration(o -> o.addExecutionInterceptor(this))
              .build();
      StreamRouter.Builder builder =
          StreamRouter.builder()
              .keys("PK", "SK")
              .viewType(ViewType.NEW_AND_OLD_IMAGES)
              .idempotencyLease(LEASE)
              .idempotency(
                  DynamoDbIdempotencyStore.builder()
                      .client(client)
                      .tableName(idempotencyTable)
                      .clock(clock)
                      .build());
      router =
          (mode == Mode.TRANSACTIONAL
                  ? builder.handlers(new ActivitySummaries(table), new Leaderboard(client, table))
                  : builder.handlers(
                      new PlainSummaries(client, table), new PlainLeaderboard(client, table)))
              .build();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (dead) {
        throw SdkClientException.create("worker killed");
      }
      if (armed && point == Point.BEFORE_COMMIT && isCommit(context.request(), attributes)) {
        die();
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      if (operation(attributes).equals("PutItem")
          && request instanceof PutItemRequest put
          && put.tableName().equals(idempotencyTable)
          && ++leases == killAtLease) {
        armed = true;
        if (point == Point.AFTER_BEGIN) {
          die();
        }
      } else if (armed && point == Point.AFTER_COMMIT && isCommit(request, attributes)) {
        die();
      }
    }

    /** The transaction, or (without transactional writes) the store's complete. */
    private boolean isCommit(SdkRequest request, ExecutionAttributes attributes) {
      String operation = operation(attributes);
      return mode == Mode.TRANSACTIONAL
          ? operation.equals("TransactWriteItems")
          : operation.equals("UpdateItem")
              && request instanceof UpdateItemRequest update
              && update.tableName().equals(idempotencyTable);
    }

    private static String operation(ExecutionAttributes attributes) {
      return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }

    private void die() {
      dead = true;
      throw SdkClientException.create("worker killed");
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
