package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.InMemoryIdempotencyStore;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.testkit.DynamoDbLocal;
import dev.ddbstreams.testkit.StreamReader;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.TimeToLive;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The PetTracker demo: embedded DynamoDB Local, the PetTracker table with a NEW_AND_OLD_IMAGES
 * stream and TTL, a seeded workload, and the handlers consuming the real stream in Lambda-sized
 * batches through one router with an idempotency store. Ends with a report and an exit code that is
 * non-zero if any check failed.
 *
 * <p>Run with {@code mvn -B -q -pl examples -am package -DskipTests -Ddemo}; pass {@code
 * -Ddemo.args="--records 5000 --seed 7"} for other sizes.
 */
public final class PetTrackerDemo {
  private final PrintStream out;
  private final int records;
  private final long seed;
  private final int batchSize;
  private final List<String> failedChecks = new ArrayList<>();

  PetTrackerDemo(PrintStream out, int records, long seed, int batchSize) {
    this.out = out;
    this.records = records;
    this.seed = seed;
    this.batchSize = batchSize;
  }

  /**
   * Runs the demo.
   *
   * @param args {@code --records N}, {@code --seed S}, {@code --batch-size B}
   */
  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    PetTrackerDemo demo =
        new PetTrackerDemo(
            System.out,
            Integer.parseInt(options.getOrDefault("--records", "2000")),
            Long.parseLong(options.getOrDefault("--seed", "42")),
            Integer.parseInt(options.getOrDefault("--batch-size", "100")));
    int status;
    try {
      status = demo.run() == 0 ? 0 : 1;
    } catch (RuntimeException | Error e) {
      // Report anything, or the non-daemon threads of DynamoDB Local would keep the JVM alive.
      e.printStackTrace();
      status = 2;
    }
    // DynamoDB Local keeps non-daemon threads; exit explicitly with the demo's verdict.
    System.exit(status);
  }

  /** Runs the demo and returns the number of failed checks. */
  int run() {
    long started = System.nanoTime();
    DynamoDbLocal local = DynamoDbLocal.shared();
    DynamoDbClient dynamo = local.client();
    StreamTable table =
        StreamTable.builder()
            .name(StreamTable.uniqueName("PetTracker"))
            .viewType(StreamViewType.NEW_AND_OLD_IMAGES)
            .ttlAttribute("expiresAt")
            .create(dynamo);
    out.printf(
        "DynamoDB Local started in %d ms; table %s%n", local.startTime().toMillis(), table.name());

    Map<String, AttributeValue> expiring =
        TimeToLive.expire(
            dynamo,
            table,
            Map.of(
                "PK", AttributeValue.fromS("USER#ttl"),
                "SK", AttributeValue.fromS("PET#ttl"),
                "userId", AttributeValue.fromS("ttl"),
                "petId", AttributeValue.fromS("ttl"),
                "name", AttributeValue.fromS("Ghost"),
                "species", AttributeValue.fromS("cat"),
                "weightKg", AttributeValue.fromN("3")));
    // Expire first: DynamoDB Local sweeps a TTL table 20 items per 10 s, so on a full table the
    // expiry could take minutes.
    Workload workload = new Workload(dynamo, table.name(), seed);
    workload.run(records);
    out.printf("Wrote 1 item that TTL expired and %d more items%n", workload.writes());

    Outbox outbox = new Outbox();
    PetHandlers pets = new PetHandlers(outbox);
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().build();
    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .viewType(ViewType.NEW_AND_OLD_IMAGES)
            .handlers(pets, new ActivitySummaries(dynamo, table.name()))
            .idempotency(store)
            .build();

    StreamReader reader = table.reader(local.streamsClient());
    Map<RecordStatus, Integer> statuses = new HashMap<>();
    Map<String, Integer> perHandler = new HashMap<>();
    List<Record> firstBatch = null;
    int expected = workload.writes() + 2; // the TTL item's insert and its expiry
    List<Record> pending = reader.awaitRecords(expected, Duration.ofSeconds(30));
    int consumed = 0;
    while (!pending.isEmpty()) {
      for (int from = 0; from < pending.size(); from += batchSize) {
        List<Record> batch = pending.subList(from, Math.min(pending.size(), from + batchSize));
        if (firstBatch == null) {
          firstBatch = List.copyOf(batch);
        }
        tally(router.process(batch), statuses, perHandler);
        consumed += batch.size();
        progress(consumed, expected);
      }
      // Summaries written back by the handlers are new stream records; they must match nothing.
      pending = reader.readNew();
      expected = consumed + pending.size();
    }
    out.println();

    // Lambda delivers at least once: deliver the first batch again.
    BatchResult redelivery = router.process(firstBatch);
    int duplicates = redelivery.count(RecordStatus.DUPLICATE);

    check("every record done", statuses.getOrDefault(RecordStatus.FAILED, 0) == 0);
    check("a welcome per new pet", count(outbox, "Welcome") == workload.petsCreated() + 1);
    check(
        "a weight alert per change over 2 kg", pets.weightAlerts() == workload.bigWeightChanges());
    check("user deletes seen as deletes", pets.deleted() == workload.petsDeleted());
    check("the TTL expiry seen as an expiry", pets.expired() == 1 && expiring.containsKey("PK"));
    check("summaries equal activities", summariesMatch(dynamo, table.name(), workload));
    check(
        "redelivered batch fully suppressed",
        duplicates + redelivery.count(RecordStatus.NO_MATCH) == firstBatch.size()
            && redelivery.isComplete());

    out.printf("%nRecords consumed: %d in batches of %d%n", consumed, batchSize);
    statuses.forEach((s, n) -> out.printf("  %-14s %6d%n", s, n));
    out.println("Records per handler:");
    perHandler.forEach((h, n) -> out.printf("  %-60s %6d%n", h, n));
    out.printf("Duplicates suppressed on redelivery: %d%n", duplicates);
    out.printf("Notifications in the outbox: %d%n", outbox.messages().size());
    out.printf("Took %d ms%n", (System.nanoTime() - started) / 1_000_000);
    if (failedChecks.isEmpty()) {
      out.println("All checks passed.");
    } else {
      out.println("FAILED checks: " + failedChecks);
    }
    return failedChecks.size();
  }

  private static void tally(
      BatchResult result, Map<RecordStatus, Integer> statuses, Map<String, Integer> perHandler) {
    result
        .outcomes()
        .forEach(
            o -> {
              statuses.merge(o.status(), 1, Integer::sum);
              o.handled()
                  .forEach(
                      h -> perHandler.merge(h.substring(h.lastIndexOf('.') + 1), 1, Integer::sum));
            });
  }

  private void progress(int done, int total) {
    int width = 40;
    int filled = total == 0 ? width : Math.min(width, done * width / Math.max(1, total));
    out.printf(
        "\r[%s%s] %d/%d records", "#".repeat(filled), " ".repeat(width - filled), done, total);
  }

  private static long count(Outbox outbox, String prefix) {
    return outbox.messages().stream().filter(m -> m.message().startsWith(prefix)).count();
  }

  private static boolean summariesMatch(DynamoDbClient dynamo, String table, Workload workload) {
    for (Map.Entry<String, Integer> e : workload.activitiesPerSummary().entrySet()) {
      String[] parts = e.getKey().split("/");
      Map<String, AttributeValue> item =
          dynamo
              .getItem(
                  b ->
                      b.tableName(table)
                          .consistentRead(true)
                          .key(
                              Map.of(
                                  "PK", AttributeValue.fromS("PET#" + parts[0]),
                                  "SK", AttributeValue.fromS("SUMMARY#" + parts[1]))))
              .item();
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
