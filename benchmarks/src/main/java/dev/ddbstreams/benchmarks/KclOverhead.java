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
package dev.ddbstreams.benchmarks;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.kcl.KclStreamConsumer;
import dev.ddbstreams.testkit.BatchWrites;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.checkpoint.CheckpointConfig;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.lifecycle.LifecycleConfig;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsConfig;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.ProcessorConfig;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * End to end through the real KCL scheduler on the DynamoDB emulator: records per second and
 * write-to-handler latency of a {@link KclStreamConsumer} with a router, against a bare KCL record
 * processor doing the same work (read one attribute, note the latency, checkpoint per batch). Runs
 * alternate between the two sides. Not a JMH benchmark: KCL's own threads and polling dominate, so
 * it measures whole runs. Usage: {@code benchmarks/kcl-overhead.sh [records] [runs]}.
 */
public final class KclOverhead {
  private KclOverhead() {}

  /** The work both sides do per record: note when it arrived, relative to when it was written. */
  static final class Tally {
    final AtomicInteger seen = new AtomicInteger();
    final AtomicLongArray latencyNanos;

    Tally(int records) {
      latencyNanos = new AtomicLongArray(records);
    }

    void record(Map<String, AttributeValue> newImage) {
      long written = Long.parseLong(newImage.get("t").n());
      int i = Integer.parseInt(newImage.get("i").n());
      latencyNanos.set(i, System.nanoTime() - written);
      seen.incrementAndGet();
    }
  }

  /** The library side's handler. */
  public static final class Handler {
    final Tally tally;

    Handler(Tally tally) {
      this.tally = tally;
    }

    @OnChange
    void handle(StreamRecord<Map<String, Object>> r) {
      tally.record(r.rawNewImage().orElseThrow());
    }
  }

  /**
   * Runs the comparison.
   *
   * @param args records per run (default 20,000) and measured runs per side (default 3)
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<double[]> library = new ArrayList<>();
    List<double[]> bare = new ArrayList<>();
    // One discarded run of each side warms up the JVM; then the order alternates, so neither side
    // always runs first.
    System.out.println("warm-up runs (discarded):");
    run(records, true);
    run(records, false);
    for (int run = 0; run < runs; run++) {
      boolean libraryFirst = run % 2 == 0;
      double[] first = run(records, libraryFirst);
      double[] second = run(records, !libraryFirst);
      library.add(libraryFirst ? first : second);
      bare.add(libraryFirst ? second : first);
    }
    System.out.printf(
        "%nside      records/s   p50 ms   p99 ms  (medians of %d runs of %d records)%n",
        runs, records);
    print("library", library);
    print("bare KCL", bare);
    double ratio = median(bare, 0) / median(library, 0);
    System.out.printf("throughput cost of the library: %.1f%%%n", (ratio - 1) * 100);
    System.exit(0);
  }

  private static void print(String side, List<double[]> results) {
    System.out.printf(
        "%-9s %9.0f %8.1f %8.1f%n",
        side, median(results, 0), median(results, 1), median(results, 2));
  }

  private static double median(List<double[]> results, int column) {
    double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }

  /** One run: returns records/s, p50 and p99 latency in ms. */
  private static double[] run(int records, boolean withLibrary) throws Exception {
    try (DynamoDbEmulator local = DynamoDbEmulator.start()) {
      LocalKcl kcl = LocalKcl.of(local);
      StreamTable table = StreamTable.builder().create(local.client());
      String app = StreamTable.uniqueName(withLibrary ? "lib" : "bare");
      kcl.prepareLeaseTable(app, table.streamArn());
      Tally tally = new Tally(records + 1);
      AutoCloseable consumer =
          withLibrary ? library(kcl, app, table, tally) : bare(kcl, app, table, tally);
      try {
        // One warm-up write: KCL has started once it arrives.
        write(local.client(), table.name(), records, records + 1);
        await(tally, 1);
        long start = System.nanoTime();
        write(local.client(), table.name(), 0, records);
        await(tally, records + 1);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] latencies = new long[records];
        for (int i = 0; i < records; i++) {
          latencies[i] = tally.latencyNanos.get(i);
        }
        Arrays.sort(latencies);
        double[] result = {
          records / seconds, latencies[records / 2] / 1e6, latencies[records * 99 / 100] / 1e6
        };
        System.out.printf(
            "%s: %.0f records/s, p50 %.1f ms, p99 %.1f ms%n",
            withLibrary ? "library" : "bare KCL", result[0], result[1], result[2]);
        return result;
      } finally {
        consumer.close();
      }
    }
  }

  private static AutoCloseable library(LocalKcl kcl, String app, StreamTable table, Tally tally) {
    StreamRouter router = StreamRouter.builder().handlers(new Handler(tally)).build();
    KclStreamConsumer consumer =
        KclStreamConsumer.builder()
            .streamArn(table.streamArn())
            .applicationName(app)
            .dynamoDbClient(kcl.leaseClient())
            .streamsClient(kcl.streamsClient())
            .router(router)
            .configCustomizer(
                c -> LocalKcl.fastStart(c.leaseManagement(), c.coordinator(), c.polling()))
            .build();
    consumer.start();
    return consumer;
  }

  /** The same scheduler settings as KclStreamConsumer, with a processor written by hand. */
  private static AutoCloseable bare(LocalKcl kcl, String app, StreamTable table, Tally tally) {
    String arn = table.streamArn();
    AmazonDynamoDBStreamsAdapterClient kinesis =
        new AmazonDynamoDBStreamsAdapterClient(kcl.streamsClient(), Region.US_EAST_1);
    CoordinatorConfig coordinator =
        new CoordinatorConfig(app).skipShardSyncAtWorkerInitializationIfLeasesExist(true);
    LeaseManagementConfig leases =
        new LeaseManagementConfig(app, app, kcl.leaseClient(), kinesis, "bare-worker")
            .leasesRecoveryAuditorInconsistencyConfidenceThreshold(0);
    DynamoDBStreamsPollingConfig polling = new DynamoDBStreamsPollingConfig(kinesis);
    LocalKcl.fastStart(leases, coordinator, polling);
    MetricsConfig metrics =
        new MetricsConfig(null, app)
            .metricsFactory(new NullMetricsFactory())
            .metricsLevel(MetricsLevel.NONE);
    RetrievalConfig retrieval =
        new RetrievalConfig(
                kinesis,
                StreamsSchedulerFactory.createSingleStreamTracker(
                    arn,
                    InitialPositionInStreamExtended.newInitialPosition(
                        InitialPositionInStream.TRIM_HORIZON)),
                app)
            .retrievalSpecificConfig(polling);
    Scheduler scheduler =
        StreamsSchedulerFactory.createScheduler(
            new CheckpointConfig(),
            coordinator,
            leases,
            new LifecycleConfig(),
            metrics,
            new ProcessorConfig(() -> new BareProcessor(tally)),
            retrieval,
            kinesis);
    Thread worker = new Thread(scheduler, "bare-kcl");
    worker.setDaemon(true);
    worker.start();
    return () -> scheduler.startGracefulShutdown().get();
  }

  /** What a team writes without the library: read, work, checkpoint after the batch. */
  static final class BareProcessor implements DynamoDBStreamsShardRecordProcessor {
    private final Tally tally;

    BareProcessor(Tally tally) {
      this.tally = tally;
    }

    @Override
    public void initialize(InitializationInput input) {}

    @Override
    public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
      List<DynamoDBStreamsClientRecord> records = input.records();
      for (DynamoDBStreamsClientRecord r : records) {
        Record raw = r.getRecord();
        tally.record(raw.dynamodb().newImage());
      }
      if (!records.isEmpty()) {
        try {
          input
              .checkpointer()
              .checkpoint(records.get(records.size() - 1).getRecord().dynamodb().sequenceNumber());
        } catch (Exception e) {
          throw new IllegalStateException("checkpoint failed", e);
        }
      }
    }

    @Override
    public void leaseLost(LeaseLostInput input) {}

    @Override
    public void shardEnded(ShardEndedInput input) {
      try {
        input.checkpointer().checkpoint();
      } catch (Exception e) {
        throw new IllegalStateException("checkpoint failed", e);
      }
    }

    @Override
    public void shutdownRequested(ShutdownRequestedInput input) {}
  }

  /** Writes items {@code from..to-1}, each stamped with the time of its write. */
  private static void write(DynamoDbClient ddb, String table, int from, int to) {
    BatchWrites.put(
        ddb,
        table,
        to - from,
        i ->
            Map.of(
                "PK", AttributeValue.fromS("ITEM#" + (from + i)),
                "SK", AttributeValue.fromS("V"),
                "i", AttributeValue.fromN(Integer.toString(from + i)),
                "t", AttributeValue.fromN(Long.toString(System.nanoTime()))));
  }

  private static void await(Tally tally, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (tally.seen.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + tally.seen.get() + " of " + count + " records arrived");
      }
      Thread.sleep(5);
    }
  }
}
