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

import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamObserver;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.backfill.BackfillProgress;
import dev.ddbstreams.backfill.BackfillReport;
import dev.ddbstreams.backfill.TableBackfill;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.TransactionalIdempotencyStore;
import dev.ddbstreams.micrometer.MicrometerObserver;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.TimeToLive;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The PetTracker demo: the DynamoDB emulator, the PetTracker table with a NEW_AND_OLD_IMAGES stream
 * and TTL, a second emulator standing in for the replica's region, an in-memory Lucene index, a
 * seeded workload, and every handler of the stream guide consuming the real stream through one
 * router with an idempotency store while the workload writes. Ends with a report and an exit code
 * that is non-zero if any check failed.
 *
 * <p>With {@code --backfill}, half the workload is written before the stream exists; then the
 * consumer starts, and a {@link TableBackfill} feeds the table's items through the same handlers as
 * snapshots while the rest of the workload writes: the leaderboard, the search index and the
 * replica take snapshots and end with every item; welcomes, weight alerts and daily summaries do
 * not, and see only what was written after the consumer started.
 *
 * <p>Run with {@code mvn -B -q -pl examples -am package -DskipTests -Ddemo}; pass {@code
 * -Ddemo.args="--records 5000 --seed 7 --mode lambda"} for other sizes and the Lambda path, and
 * {@code -Ddemo.args=--help} for every option; the default mode is a KCL worker.
 */
public final class PetTrackerDemo {
  private static final Duration DEADLINE = Duration.ofMinutes(3);

  private final PrintStream out;
  private final int records;
  private final long seed;
  private final int batchSize;
  private final Mode mode;
  private final boolean backfill;
  private final List<String> failedChecks = new ArrayList<>();
  private final AtomicReference<BackfillProgress> backfillProgress = new AtomicReference<>();

  PetTrackerDemo(PrintStream out, int records, long seed, int batchSize, Mode mode) {
    this(out, records, seed, batchSize, mode, false);
  }

  PetTrackerDemo(
      PrintStream out, int records, long seed, int batchSize, Mode mode, boolean backfill) {
    this.out = out;
    this.records = records;
    this.seed = seed;
    this.batchSize = batchSize;
    this.mode = mode;
    this.backfill = backfill;
  }

  /**
   * Runs the demo from the command line and exits with 0 if every check passed, 1 if one failed (or
   * the demo crashed) and 2 for a bad argument; {@code --help} lists the options.
   *
   * @param args {@code --mode kcl|lambda|direct}, {@code --records N}, {@code --seed S}, {@code
   *     --batch-size B}, {@code --backfill}
   */
  public static void main(String[] args) {
    // KCL and the HTTP clients may keep non-daemon threads; exit explicitly with the verdict.
    System.exit(commandLine(System.out, System.err).execute(args));
  }

  /**
   * The demo's command line: {@code execute(args)} parses the arguments, runs the demo and returns
   * the exit code.
   *
   * @param out where the report and {@code --help} go
   * @param err where a bad argument is reported, on one line
   * @return the command line
   */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return CommandLines.of(new Arguments(out), out, err);
  }

  /** The demo's options, and the call that runs it with them. */
  @Command(
      name = "pettracker-demo",
      sortOptions = false,
      usageHelpWidth = 100,
      description = {
        "Writes a seeded PetTracker workload to a table in the DynamoDB emulator and runs every"
            + " handler of the stream guide on its stream, then checks the results and prints a"
            + " report.",
        ""
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:every check passed",
        "1:a check failed, or the demo crashed",
        "2:a bad argument"
      })
  static final class Arguments implements Callable<Integer> {
    private final PrintStream out;

    @Option(
        names = "--mode",
        paramLabel = "MODE",
        defaultValue = "kcl",
        converter = Modes.class,
        completionCandidates = Modes.class,
        description =
            "How the handlers consume the stream: ${COMPLETION-CANDIDATES}."
                + " kcl: a KCL worker; lambda: the local Lambda event source mapping with the SAM"
                + " template's settings; direct: Lambda-sized batches read straight from the"
                + " stream. Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(
        names = "--records",
        paramLabel = "N",
        defaultValue = "2000",
        converter = RecordCount.class,
        description = "How many items the workload writes, 1 to 100000. Default: ${DEFAULT-VALUE}.")
    int records;

    @Option(
        names = "--seed",
        paramLabel = "S",
        defaultValue = "42",
        converter = CommandLines.AnyLong.class,
        description =
            "Seed of the workload: the same seed writes the same items. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
        names = "--batch-size",
        paramLabel = "B",
        defaultValue = "100",
        converter = BatchSize.class,
        description =
            "Most records per batch in the lambda and direct modes, 1 to 10000 (Lambda's limit"
                + " for DynamoDB streams). Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(
        names = "--backfill",
        description =
            "Writes half the workload before the stream exists, then starts the consumer and"
                + " backfills the leaderboard, the search index and the replica from the table"
                + " through the same handlers while the rest is written.")
    boolean backfill;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Prints this help and exits.")
    boolean help;

    Arguments(PrintStream out) {
      this.out = out;
    }

    @Override
    public Integer call() {
      return new PetTrackerDemo(out, records, seed, batchSize, mode, backfill).run() == 0 ? 0 : 1;
    }
  }

  /** {@code --mode}: {@code kcl}, {@code lambda} or {@code direct}. */
  static final class Modes extends CommandLines.Choice<Mode> {
    Modes() {
      super(Mode.class);
    }
  }

  /** {@code --records}. */
  static final class RecordCount extends CommandLines.WholeNumber {
    RecordCount() {
      super(1, 100_000);
    }
  }

  /** {@code --batch-size}. */
  static final class BatchSize extends CommandLines.WholeNumber {
    BatchSize() {
      super(1, 10_000);
    }
  }

  /** Runs the demo and returns the number of failed checks. */
  int run() {
    long started = System.nanoTime();
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    DynamoDbClient dynamo = local.client();
    StreamTable table =
        StreamTable.builder()
            .name(StreamTable.uniqueName("PetTracker"))
            .viewType(StreamViewType.NEW_AND_OLD_IMAGES)
            .ttlAttribute("expiresAt")
            .create(dynamo);
    try (DynamoDbEmulator otherRegion = DynamoDbEmulator.start();
        LuceneSearchIndex search = new LuceneSearchIndex()) {
      String replicaTable = createReplica(otherRegion.client(), table.name() + "-Replica");
      out.printf(
          "DynamoDB emulator started in %d ms; table %s, replica %s in a second emulator; "
              + "mode %s%s%n",
          local.startTime().toMillis(),
          table.name(),
          replicaTable,
          mode.name().toLowerCase(Locale.ROOT),
          backfill ? ", with a backfill" : "");

      WriteTimes writeTimes = new WriteTimes();
      Workload workload = new Workload(dynamo, table.name(), seed, writeTimes);
      String streamArn = table.streamArn();
      WorkloadCounts before = WorkloadCounts.NONE;
      if (backfill) {
        // Items from before the consumer: the stream will not carry them, only the table.
        workload.run(records / 2);
        writeTimes.clear();
        before = WorkloadCounts.of(workload);
        streamArn = newStream(dynamo, table.name());
        out.printf(
            "Wrote %d items before the stream consumer existed; the new stream starts after them%n",
            before.writes());
      }

      // A real TTL delete by the emulator's sweeper, so the stream carries one for every handler.
      TimeToLive.expire(local, table, ghost());

      LagProbe probe = new LagProbe(writeTimes);
      Outbox outbox = new Outbox();
      PetHandlers pets = new PetHandlers(outbox);
      // The DynamoDB store: the summaries and the leaderboard commit their counts with it. The
      // backfill's router counts apart, over the same store.
      String idempotencyTable = table.name() + "-Idempotency";
      DynamoDbIdempotencyStore.createTable(dynamo, idempotencyTable);
      TransactionalIdempotencyStore shared =
          DynamoDbIdempotencyStore.builder().client(dynamo).tableName(idempotencyTable).build();
      CountingIdempotencyStore store = new CountingIdempotencyStore(shared);
      CountingIdempotencyStore snapshotStore = new CountingIdempotencyStore(shared);
      CrossRegionReplication replication =
          new CrossRegionReplication(otherRegion.client(), replicaTable);
      Object[] handlers = {
        probe,
        pets,
        new ActivitySummaries(table.name()),
        new Leaderboard(dynamo, table.name()),
        replication,
        new SearchSync(search)
      };
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      StreamRouter router = router(handlers, store, new MicrometerObserver(metrics));

      int expected = records - before.writes() + 2; // the writes, the TTL item and its expiry
      BackfillReport backfillReport = null;
      try (DemoConsumer consumer = mode.open(local, streamArn, router, batchSize)) {
        // The consumer starts first (from the stream's start); then the backfill runs.
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> workload.run(records));
        CompletableFuture<BackfillReport> backfilling =
            backfill
                ? CompletableFuture.supplyAsync(
                    () ->
                        backfill(
                                dynamo,
                                table.name(),
                                router(handlers, snapshotStore, StreamObserver.NONE))
                            .run())
                : CompletableFuture.completedFuture(null);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while ((!writing.isDone() || !backfilling.isDone() || probe.seen() < expected)
            && System.nanoTime() < deadline) {
          int seenBefore = probe.seen();
          consumer.deliverNew();
          progress(probe.seen(), expected);
          if (probe.seen() == seenBefore) {
            pause();
          }
        }
        writing.join();
        backfillReport = backfilling.join();
        // Summaries and leaderboard entries the handlers wrote are records too: they match nothing.
        consumer.deliverNew();
        out.println();
        if (backfill) {
          out.printf(
              "Then wrote 1 item that TTL expired and %d more items while the backfill ran%n",
              workload.writes() - before.writes());
          out.println(backfillReport);
        } else {
          out.printf("Wrote 1 item that TTL expired and %d more items%n", workload.writes());
        }

        int finished = store.completedTotal();
        Map<String, Integer> perHandler = store.completed();
        // At-least-once delivery: everything again from the start, as after a lost checkpoint.
        consumer.redeliverAll();
        int duplicates = store.duplicates();
        // Deletes left tombstones in the replica so that no snapshot could bring an item back; the
        // backfill is over and the stream replayed, so they can go now.
        int tombstones = replication.purgeTombstones();

        WorkloadCounts streamed = WorkloadCounts.of(workload).since(before);
        Map<String, Map<String, AttributeValue>> primary = TableScans.items(dynamo, table.name());
        Map<String, Map<String, AttributeValue>> replica =
            TableScans.items(otherRegion.client(), replicaTable);
        check("every record delivered without failure", consumer.failures() == 0);
        check("every write reached the handlers once", probe.seen() == expected);
        if (backfill) {
          check(
              "backfill complete: every segment done",
              backfillReport != null && backfillReport.isComplete());
        }
        check("a welcome per new pet", count(outbox, "Welcome") == streamed.petsCreated() + 1);
        check(
            "a weight alert per change over 2 kg",
            pets.weightAlerts() == streamed.bigWeightChanges());
        check("user deletes seen as deletes", pets.deleted() == streamed.petsDeleted());
        check("the TTL expiry seen as an expiry", pets.expired() == 1);
        check(
            "summaries equal activities" + (backfill ? " since the consumer started" : ""),
            summariesMatch(primary, streamed.activitiesPerSummary()));
        Map<String, Integer> board = TableScans.leaderboard(primary);
        check(
            "leaderboard equals activities per pet",
            board.equals(TableScans.activitiesPerPet(workload.activitiesPerSummary())));
        Set<String> differences = TableScans.replicaDifferences(primary, replica);
        check("replica equals primary's pets, users and activities", differences.isEmpty());
        long dogs = TableScans.pets(primary, "dog");
        SearchIndex.Hits hits = search.search("species:dog", 3);
        check("search finds every dog in the primary, no more", hits.total() == dogs);
        check(
            "redelivery fully suppressed",
            duplicates == finished && store.completedTotal() == finished);
        String probeHandler = LagProbe.class.getName() + "#userData";
        check(
            "metrics count what the handlers did",
            MetricsSummary.outcomes(metrics, probeHandler, "handled")
                    == perHandler.getOrDefault("LagProbe#userData", -1)
                && MetricsSummary.outcomes(metrics, probeHandler, "duplicate")
                    == perHandler.getOrDefault("LagProbe#userData", -1));

        out.printf("%n%s%n", consumer.summary());
        out.println("Records per handler:");
        perHandler.forEach((h, n) -> out.printf("  %-42s %6d%n", h, n));
        if (backfill) {
          out.println("Snapshots per handler (the others take none):");
          snapshotStore.completed().forEach((h, n) -> out.printf("  %-42s %6d%n", h, n));
          BackfillProgress last = backfillProgress.get();
          if (last != null) {
            out.println(last);
          }
        }
        out.printf(
            "Duplicates suppressed on redelivery of the whole stream: %d of %d%n",
            duplicates, finished);
        out.printf(
            "Lag, write to handler (%d writes): median %d ms, p99 %d ms, max %d ms%n",
            probe.measured(),
            probe.percentile(50).toMillis(),
            probe.percentile(99).toMillis(),
            probe.percentile(100).toMillis());
        out.println("Leaderboard, top 5 (pet: activities):");
        TableScans.first(board, 5)
            .forEach(e -> out.printf("  %-6s %4d%n", e.getKey(), e.getValue()));
        long replicated = primary.values().stream().filter(TableScans::isReplicated).count();
        out.printf(
            "Replica: %d items (%d tombstones of deletes purged); primary: %d pets, users and"
                + " activities (compared, %d differ) and %d summaries, leaderboard entries and"
                + " markers (primary only)%n",
            replica.size(),
            tombstones,
            replicated,
            differences.size(),
            primary.size() - replicated);
        out.printf(
            "Search 'species:dog': %d hits (primary has %d dogs), first %s%n",
            hits.total(), dogs, hits.ids());
        out.printf("Notifications in the outbox: %d%n", outbox.messages().size());
        MetricsSummary.print(metrics, out);
      }
    }
    out.printf("Took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    if (failedChecks.isEmpty()) {
      out.println("All checks passed.");
    } else {
      out.println("FAILED checks: " + failedChecks);
    }
    return failedChecks.size();
  }

  /**
   * A router of the demo's handlers. Three attempts: a snapshot and the stream INSERT of an
   * activity counted at the same moment make one leaderboard commit fail, and its retry finds it
   * counted.
   */
  private static StreamRouter router(
      Object[] handlers, IdempotencyStore store, StreamObserver observer) {
    return StreamRouter.builder()
        .keys("PK", "SK")
        .viewType(ViewType.NEW_AND_OLD_IMAGES)
        .handlers(handlers)
        .idempotency(store)
        .retry(RetryPolicy.attempts(3).backoff(Duration.ofMillis(20), 2.0, Duration.ofMillis(200)))
        .observer(observer)
        .build();
  }

  /**
   * The backfill of the views: the table's items through the same handlers as snapshots, in 8
   * segments on 2 threads, with a read budget, progress kept for the report.
   */
  private TableBackfill backfill(DynamoDbClient dynamo, String table, StreamRouter router) {
    return TableBackfill.builder()
        .client(dynamo)
        .tableName(table)
        .router(router)
        .name("pettracker-views")
        .totalSegments(8)
        .parallelism(2)
        .pageSize(100)
        .readCapacityPerSecond(5_000)
        .progress(Duration.ofMillis(250), backfillProgress::set)
        .build();
  }

  /**
   * Turns the table's stream off and on again: the new stream starts empty, as a consumer added
   * today finds a stream whose records from before are trimmed.
   *
   * @return the new stream's ARN
   */
  private static String newStream(DynamoDbClient dynamo, String table) {
    dynamo.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
    return dynamo
        .updateTable(
            b ->
                b.tableName(table)
                    .streamSpecification(
                        s ->
                            s.streamEnabled(true)
                                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
        .tableDescription()
        .latestStreamArn();
  }

  private static Map<String, AttributeValue> ghost() {
    return Map.of(
        "PK", AttributeValue.fromS("USER#ttl"),
        "SK", AttributeValue.fromS("PET#ttl"),
        "entityType", AttributeValue.fromS("PET"),
        "userId", AttributeValue.fromS("ttl"),
        "petId", AttributeValue.fromS("ttl"),
        "name", AttributeValue.fromS("Ghost"),
        "species", AttributeValue.fromS("cat"),
        "weightKg", AttributeValue.fromN("3"));
  }

  /** The replica: the primary's key schema, no stream and no TTL of its own. */
  static String createReplica(DynamoDbClient replica, String name) {
    replica.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("PK")
                        .attributeType(ScalarAttributeType.S)
                        .build(),
                    AttributeDefinition.builder()
                        .attributeName("SK")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                    KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build()));
    return name;
  }

  /** Waits a little before polling an idle stream again. */
  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for records", e);
    }
  }

  private void progress(int done, int total) {
    int width = 40;
    int filled = total == 0 ? width : Math.min(width, done * width / Math.max(1, total));
    BackfillProgress snapshot = backfillProgress.get();
    out.printf(
        "\r[%s%s] %d/%d records%s",
        "#".repeat(filled),
        " ".repeat(width - filled),
        done,
        total,
        snapshot == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; backfill %d items, %d of %d segments",
                snapshot.items(),
                snapshot.segmentsDone(),
                snapshot.segments()));
  }

  private static long count(Outbox outbox, String prefix) {
    return outbox.messages().stream().filter(m -> m.message().startsWith(prefix)).count();
  }

  /** Whether the summaries are exactly the expected counts: none missing, none extra. */
  private static boolean summariesMatch(
      Map<String, Map<String, AttributeValue>> primary, Map<String, Integer> expected) {
    long summaries =
        primary.values().stream().filter(i -> i.get("SK").s().startsWith("SUMMARY#")).count();
    if (summaries != expected.size()) {
      return false;
    }
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      String[] parts = e.getKey().split("/");
      Map<String, AttributeValue> item = primary.get("PET#" + parts[0] + " SUMMARY#" + parts[1]);
      if (item == null
          || !item.containsKey("activityCount")
          || new BigDecimal(item.get("activityCount").n()).intValue() != e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private void check(String name, boolean passed) {
    out.printf("%s %s%n", passed ? "[ok]  " : "[FAIL]", name);
    if (!passed) {
      failedChecks.add(name);
    }
  }
}
