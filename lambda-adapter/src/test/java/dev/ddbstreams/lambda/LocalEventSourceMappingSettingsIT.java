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

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local event source mapping's settings against real streams of the DynamoDB emulator. */
class LocalEventSourceMappingSettingsIT {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static DynamoDbEmulator local;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    local = DynamoDbEmulator.start();
    ddb = local.client();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** Records, per item, the versions it saw, and the size and concurrency of invocations. */
  public static final class Versions {
    final Map<String, List<Integer>> perItem = new ConcurrentHashMap<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();

    /**
     * Notes one version of an item.
     *
     * @param change the change
     */
    @OnChange
    public void version(StreamRecord<Map<String, Object>> change) {
      AttributeValue v = change.rawNewImage().orElseThrow().get("v");
      perItem
          .computeIfAbsent(change.keys().get("PK").s(), k -> new CopyOnWriteArrayList<>())
          .add(Integer.parseInt(v.n()));
    }
  }

  private final class Function extends FastDynamoDbStreamLambda {
    private final StreamRouter router;
    private final Versions versions;
    private final long pauseMillis;

    Function(Versions versions, long pauseMillis) {
      this.versions = versions;
      this.router = StreamRouter.builder().handlers(versions).build();
      this.pauseMillis = pauseMillis;
    }

    @Override
    protected StreamRouter router() {
      int now = versions.running.incrementAndGet();
      versions.maxRunning.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      versions.running.decrementAndGet();
      return router;
    }
  }

  private static void put(String table, String pk, int version) {
    ddb.putItem(
        b ->
            b.tableName(table)
                .item(
                    Map.of(
                        "PK", AttributeValue.fromS(pk),
                        "SK", AttributeValue.fromS("A"),
                        "v", AttributeValue.fromN(Integer.toString(version)))));
  }

  private static List<Integer> oneTo(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(i);
    }
    return out;
  }

  @Test
  void readsParentShardsBeforeChildrenAndKeepsEachItemsOrder() {
    String table = "rollover" + TABLES.incrementAndGet();
    String arn = LocalTables.createStreamTable(ddb, table);
    for (int v = 1; v <= 6; v++) {
      for (int item = 0; item < 5; item++) {
        put(table, "ITEM#" + item, v);
      }
      if (v % 2 == 0) {
        local.rollOverShards();
      }
    }
    Versions versions = new Versions();

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(arn)
            .handler(new Function(versions, 0))
            .batchSize(4)
            .reportBatchItemFailures(true)
            .build()) {
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
    }

    assertThat(
            local
                .streamsClient()
                .describeStream(b -> b.streamArn(arn))
                .streamDescription()
                .shards())
        .hasSizeGreaterThan(1);
    assertThat(versions.perItem).hasSize(5);
    versions.perItem.values().forEach(seen -> assertThat(seen).isEqualTo(oneTo(6)));
  }

  @Test
  void parallelizationFactorRunsBatchesConcurrentlyButEachItemInOrder() {
    String table = "parallel" + TABLES.incrementAndGet();
    String arn = LocalTables.createStreamTable(ddb, table);
    for (int v = 1; v <= 5; v++) {
      for (int item = 0; item < 40; item++) {
        put(table, "ITEM#" + item, v);
      }
    }
    Versions versions = new Versions();

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(arn)
            .handler(new Function(versions, 20))
            .batchSize(10)
            .parallelizationFactor(4)
            .reportBatchItemFailures(true)
            .build()) {
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
      assertThat(mapping.stats().recordsDelivered()).isEqualTo(200);
    }

    assertThat(versions.maxRunning.get()).isGreaterThan(1).isLessThanOrEqualTo(4);
    assertThat(versions.perItem).hasSize(40);
    versions.perItem.values().forEach(seen -> assertThat(seen).isEqualTo(oneTo(5)));
  }

  @Test
  void latestDeliversOnlyRecordsWrittenAfterTheMappingWasCreated() {
    String table = "latest" + TABLES.incrementAndGet();
    String arn = LocalTables.createStreamTable(ddb, table);
    put(table, "OLD", 1);
    Versions versions = new Versions();

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(arn)
            .handler(new Function(versions, 0))
            .startingPosition(StartingPosition.LATEST)
            .build()) {
      put(table, "NEW", 1);
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
      put(table, "NEWER", 1);
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
    }

    assertThat(versions.perItem).containsOnlyKeys("NEW", "NEWER");
  }

  @Test
  void batchingWindowGathersRecordsUpToTheBatchSize() {
    String table = "window" + TABLES.incrementAndGet();
    String arn = LocalTables.createStreamTable(ddb, table);
    for (int item = 0; item < 25; item++) {
      put(table, "ITEM#" + item, 1);
    }
    List<Integer> sizes = new CopyOnWriteArrayList<>();

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(arn)
            .handler(
                (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                    (in, out, ctx) -> {
                      sizes.add(
                          dev.ddbstreams.lambda.internal.StreamEventDecoder.decode(in)
                              .records()
                              .size());
                      out.write("{}".getBytes(StandardCharsets.UTF_8));
                    })
            .batchSize(10)
            .maximumBatchingWindow(Duration.ofMillis(300))
            .build()) {
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
    }

    assertThat(sizes).containsExactly(10, 10, 5);
  }

  /** Handles only items whose key starts with KEEP#, and so generates filter criteria. */
  public static final class KeepOnly {
    final List<String> seen = new CopyOnWriteArrayList<>();

    /**
     * Notes a kept insert.
     *
     * @param change the change
     */
    @dev.ddbstreams.annotation.OnInsert(pk = "KEEP#")
    public void kept(StreamRecord<Map<String, Object>> change) {
      seen.add(change.keys().get("PK").s());
    }
  }

  @Test
  void filterCriteriaDropRecordsBeforeTheyReachTheFunction() {
    String table = "filter" + TABLES.incrementAndGet();
    String arn = LocalTables.createStreamTable(ddb, table);
    for (int item = 0; item < 10; item++) {
      put(table, (item % 2 == 0 ? "KEEP#" : "DROP#") + item, 1);
    }
    // A MODIFY of a kept item: the generated criteria say "no OldImage", so it is dropped too.
    put(table, "KEEP#0", 2);
    KeepOnly handlers = new KeepOnly();
    StreamRouter router = StreamRouter.builder().handlers(handlers).build();
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    LocalEventSourceMapping.Stats stats;

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(arn)
            .handler(
                (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                    (in, out, ctx) -> {
                      byte[] event = in.readAllBytes();
                      delivered.add(
                          dev.ddbstreams.lambda.internal.StreamEventDecoder.decode(event)
                              .records()
                              .size());
                      new FastDynamoDbStreamLambda() {
                        @Override
                        protected StreamRouter router() {
                          return router;
                        }
                      }.handleRequest(new ByteArrayInputStream(event), out, ctx);
                    })
            .filterCriteria(router.filterCriteria())
            .build()) {
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
      stats = mapping.stats();
    }

    assertThat(router.filterCriteria().isEmpty()).isFalse();
    assertThat(handlers.seen)
        .containsExactlyInAnyOrder("KEEP#0", "KEEP#2", "KEEP#4", "KEEP#6", "KEEP#8");
    assertThat(delivered.stream().mapToInt(Integer::intValue).sum()).isEqualTo(5);
    assertThat(stats.recordsFiltered()).isEqualTo(6);
  }

  @Test
  void invalidFilterPatternsAreBuildProblems() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                LocalEventSourceMapping.builder()
                    .streams(local.streamsClient())
                    .streamArn("arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x")
                    .handler(
                        (com.amazonaws.services.lambda.runtime.RequestStreamHandler)
                            (in, out, ctx) -> {})
                    .filterCriteria(
                        "{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"wildcard\": \"a*\"}]}}}}")
                    .build())
        .hasMessageContaining("filter pattern 1");
  }
}
