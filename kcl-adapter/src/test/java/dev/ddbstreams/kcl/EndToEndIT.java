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

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.micrometer.MicrometerObserver;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import dev.ddbstreams.testlog.Figures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real KCL scheduler against the DynamoDB emulator: 5,000 writes handled in item order,
 * checkpoints in the lease table, and a restarted consumer that resumes after its checkpoint. The
 * first consumer's router records its metrics with the Micrometer binding, as the Lambda side's
 * {@code OperationsMetricsIT} does under the local event source mapping: the same meters.
 */
class EndToEndIT {
  private static final int ITEMS = 1_000;
  private static final int VERSIONS = 5;

  private static DynamoDbEmulator local;
  private static LocalKcl kcl;

  @BeforeAll
  static void start() {
    local = DynamoDbEmulator.start();
    kcl = LocalKcl.of(local);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  @Test
  void handlesEveryWriteInItemOrderCheckpointsAndResumesAfterRestartWithoutReplay()
      throws Exception {
    StreamTable table = StreamTable.builder().create(local.client());
    String app = StreamTable.uniqueName("e2e");
    long writeStart = System.nanoTime();
    for (int v = 1; v <= VERSIONS; v++) {
      LocalConsumers.writeVersion(local.client(), table.name(), 0, ITEMS, v);
    }
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

    Seen first = new Seen();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    StreamRouter observed =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(first)
            .observer(new MicrometerObserver(registry))
            .build();
    long started = System.nanoTime();
    long firstRecordNanos;
    try (KclStreamConsumer consumer =
        LocalConsumers.builder(kcl, app, table.streamArn(), observed).build()) {
      consumer.start();
      await(() -> first.total() > 0, Duration.ofSeconds(90));
      firstRecordNanos = System.nanoTime() - started;
      await(() -> first.total() >= ITEMS * VERSIONS, Duration.ofSeconds(90));
      double allSeconds = (System.nanoTime() - started) / 1e9;
      Figures.print(
          String.format(
              "kcl-e2e: writes=%d writeTime=%.1fs startToFirstRecord=%.1fs startToAll=%.1fs",
              ITEMS * VERSIONS, writeSeconds, firstRecordNanos / 1e9, allSeconds));
    }

    assertThat(first.total()).isEqualTo(ITEMS * VERSIONS);
    assertThat(first.versions).hasSize(ITEMS);
    first.versions.forEach(
        (item, seen) -> assertThat(seen).as(item).containsExactly(1, 2, 3, 4, 5));

    assertMetrics(registry, table.name());

    List<Map<String, AttributeValue>> leases = local.client().scan(b -> b.tableName(app)).items();
    assertThat(leases).hasSize(1);
    String checkpoint = leases.get(0).get("checkpoint").s();
    String lastSequence = lastSequenceNumber(table);
    assertThat(new BigInteger(checkpoint)).isEqualTo(new BigInteger(lastSequence));

    for (int i = 0; i < 100; i++) {
      LocalConsumers.writeVersion(local.client(), table.name(), i * 5, i * 5 + 5, VERSIONS + 1);
    }
    Seen second = new Seen();
    try (KclStreamConsumer consumer =
        LocalConsumers.builder(kcl, app, table.streamArn(), router(second)).build()) {
      consumer.start();
      await(() -> second.total() >= 500, Duration.ofSeconds(90));
      Thread.sleep(1500);
    }
    assertThat(second.total()).as("records handled after restart").isEqualTo(500);
    second.versions.forEach((item, seen) -> assertThat(seen).as(item).containsExactly(6));
  }

  /** The meters the Micrometer binding keeps, the same as under the local event source mapping. */
  private static void assertMetrics(SimpleMeterRegistry registry, String tableName) {
    assertThat(registry.getMeters())
        .extracting(m -> m.getId().getName())
        .containsOnly(
            MicrometerObserver.HANDLER_OUTCOMES,
            MicrometerObserver.HANDLER_INVOCATIONS,
            MicrometerObserver.RECORDS,
            MicrometerObserver.BATCHES,
            MicrometerObserver.BATCH_RECORDS,
            MicrometerObserver.RECORD_AGE);
    String handler = "dev.ddbstreams.kcl.Seen#record";
    assertThat(outcomes(registry, handler, "INSERT")).isEqualTo(ITEMS);
    assertThat(outcomes(registry, handler, "MODIFY")).isEqualTo(ITEMS * (VERSIONS - 1));
    assertThat(
            registry
                .get(MicrometerObserver.RECORDS)
                .tags("stream", tableName, "status", "handled")
                .counter()
                .count())
        .isEqualTo(ITEMS * VERSIONS);
    Timer batches = registry.get(MicrometerObserver.BATCHES).tag("stream", tableName).timer();
    Timer age = registry.get(MicrometerObserver.RECORD_AGE).tag("stream", tableName).timer();
    assertThat(batches.count()).isPositive();
    assertThat(age.count())
        .as("record age from the consumer, once per batch")
        .isEqualTo(batches.count());
    assertThat(age.max(TimeUnit.MILLISECONDS)).isPositive();
    assertThat(
            registry
                .get(MicrometerObserver.BATCH_RECORDS)
                .tag("stream", tableName)
                .summary()
                .totalAmount())
        .isEqualTo(ITEMS * VERSIONS);
    Figures.print(
        String.format(
            "kcl-metrics: batches=%d recordAgeMax=%.0fms meters=%d",
            batches.count(),
            age.max(TimeUnit.MILLISECONDS),
            registry.getMeters().stream().map(Meter::getId).distinct().count()));
  }

  private static double outcomes(SimpleMeterRegistry registry, String handler, String event) {
    return registry
        .get(MicrometerObserver.HANDLER_OUTCOMES)
        .tags("handler", handler, "outcome", "handled", "event.name", event)
        .counters()
        .stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private static String lastSequenceNumber(StreamTable table) {
    var records = table.reader(local.streamsClient()).readAll();
    return records.get(records.size() - 1).dynamodb().sequenceNumber();
  }

  static StreamRouter router(Object handler) {
    return StreamRouter.builder().keys("PK", "SK").handlers(handler).build();
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(50);
    }
  }
}
