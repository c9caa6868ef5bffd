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
package dev.ddbstreams.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Backfills of real tables in the project's DynamoDB emulator: real parallel scans. */
class TableBackfillIT {
  private static final int ITEMS = 400;
  private static final String TABLE = "Pets";

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient dynamo;
  private static Map<String, Map<String, AttributeValue>> table;

  @TempDir Path dir;

  @BeforeAll
  static void writeTable() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    dynamo = emulator.client();
    Items.createTable(dynamo, TABLE, false);
    Items.write(dynamo, TABLE, ITEMS, 0);
    table = Items.all(dynamo, TABLE);
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  private static TableBackfill.Builder backfill(StreamRouter router) {
    return TableBackfill.builder()
        .client(dynamo)
        .tableName(TABLE)
        .router(router)
        .name("copy-" + UUID.randomUUID())
        .retryBackoff(Duration.ZERO);
  }

  @Test
  void feedsEveryItemOnceToTheHandlersThatTakeSnapshots() {
    CopyHandlers copy = new CopyHandlers();
    List<BackfillProgress> lines = new CopyOnWriteArrayList<>();
    TableBackfill backfill =
        backfill(StreamRouter.builder().handlers(copy).build())
            .totalSegments(8)
            .parallelism(3)
            .pageSize(25)
            .progress(Duration.ofMillis(50), lines::add)
            .build();

    BackfillReport report = backfill.run();

    assertThat(report.isComplete()).isTrue();
    assertThat(report.segmentsDone()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(report.itemsThisRun()).isEqualTo(ITEMS);
    assertThat(report.capacityUnits()).isPositive();
    assertThat(copy.view).isEqualTo(table);
    assertThat(copy.calls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(copy.welcomes).hasValue(0);
    BackfillProgress last = lines.get(lines.size() - 1);
    assertThat(last.items()).isEqualTo(ITEMS);
    assertThat(last.estimatedItems()).hasValue(ITEMS);
    assertThat(last.eta()).contains(Duration.ZERO);
    assertThat(last.toString())
        .startsWith("Backfill " + backfill.name() + ": 400 of ~400 items (100%)")
        .contains("segments 8 of 8 done, 0 failed");
  }

  @Test
  void aFailedPageIsReadAgainFromTheSegmentsCheckpoint() {
    String flaky = "USER#5 PET#5";
    AtomicBoolean failedOnce = new AtomicBoolean();
    CopyHandlers copy =
        new CopyHandlers(key -> key.equals(flaky) && failedOnce.compareAndSet(false, true));
    StreamRouter router =
        StreamRouter.builder()
            .handlers(copy)
            .idempotency(InMemoryIdempotencyStore.builder().build())
            .build();

    BackfillReport report = backfill(router).totalSegments(2).pageSize(10).build().run();

    assertThat(report.isComplete()).isTrue();
    assertThat(report.segments()).extracting(SegmentReport::attempts).contains(2);
    assertThat(copy.view).isEqualTo(table);
    // The idempotency store kept the retry from running the page's other items again.
    assertThat(copy.totalCalls()).isEqualTo(ITEMS + 1);
    assertThat(copy.calls.get(flaky)).hasValue(2);
  }

  @Test
  void aSegmentThatKeepsFailingIsReportedTheOthersFinishAndALaterRunResumesIt() {
    String poison = "USER#7 PET#7";
    AtomicBoolean fixed = new AtomicBoolean();
    CopyHandlers copy = new CopyHandlers(key -> key.equals(poison) && !fixed.get());
    TableBackfill backfill =
        backfill(StreamRouter.builder().handlers(copy).build())
            .totalSegments(4)
            .pageSize(10)
            .segmentAttempts(2)
            .build();

    BackfillReport first = backfill.run();

    assertThat(first.isComplete()).isFalse();
    assertThat(first.failed()).hasSize(1);
    SegmentReport failed = first.failed().get(0);
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.failure())
        .isInstanceOfSatisfying(
            BackfillException.class, e -> assertThat(e.segment()).isEqualTo(failed.segment()))
        .hasMessageContaining("CopyHandlers#copy")
        .hasRootCauseMessage("the search cluster is down");
    assertThat(first.segmentsDone()).hasSize(3).doesNotContain(failed.segment());
    assertThat(copy.view).doesNotContainKey(poison);

    fixed.set(true);
    BackfillReport second = backfill.run();

    assertThat(second.isComplete()).isTrue();
    SegmentReport resumed = second.segments().get(failed.segment());
    assertThat(resumed.itemsThisRun())
        .isEqualTo(failed.items() - failed.items() + resumed.itemsThisRun());
    assertThat(resumed.items() - resumed.itemsThisRun()).isEqualTo(failed.items());
    assertThat(second.itemsThisRun()).isEqualTo(ITEMS - first.items());
    assertThat(copy.view).isEqualTo(table);
  }

  @Test
  void aStoppedBackfillSaysWhichSegmentsAreDoneAndAnotherProcessResumesIt() {
    Path checkpoints = dir.resolve("checkpoints.json");
    String name = "copy-stopped";
    AtomicInteger handled = new AtomicInteger();
    TableBackfill[] running = new TableBackfill[1];
    CopyHandlers copy =
        new CopyHandlers(
            key -> {
              if (handled.incrementAndGet() == 150) {
                running[0].stop();
              }
              return false;
            });
    running[0] =
        backfill(StreamRouter.builder().handlers(copy).build())
            .name(name)
            .totalSegments(6)
            .parallelism(1)
            .pageSize(20)
            .checkpoints(BackfillCheckpoints.inFile(checkpoints))
            .build();

    BackfillReport stopped = running[0].run();

    assertThat(stopped.isComplete()).isFalse();
    assertThat(stopped.segments())
        .extracting(SegmentReport::status)
        .containsSubsequence(SegmentStatus.DONE, SegmentStatus.STOPPED, SegmentStatus.NOT_STARTED);
    assertThat(stopped.segmentsDone()).isNotEmpty();
    // The page being handled when stop() came was finished and checkpointed.
    assertThat(stopped.itemsThisRun()).isEqualTo(handled.get()).isLessThan(ITEMS);

    CopyHandlers other = new CopyHandlers();
    BackfillReport resumed =
        backfill(StreamRouter.builder().handlers(other).build())
            .name(name)
            .totalSegments(6)
            .checkpoints(BackfillCheckpoints.inFile(checkpoints))
            .build()
            .run();

    assertThat(resumed.isComplete()).isTrue();
    assertThat(resumed.itemsThisRun()).isEqualTo(ITEMS - stopped.itemsThisRun());
    assertThat(resumed.segments())
        .filteredOn(s -> stopped.segmentsDone().contains(s.segment()))
        .allSatisfy(s -> assertThat(s.attempts()).isZero());
    Map<String, Map<String, AttributeValue>> both = new HashMap<>(copy.view);
    both.putAll(other.view);
    assertThat(both).isEqualTo(table);
    assertThat(copy.totalCalls() + other.totalCalls()).isEqualTo(ITEMS);
  }

  @Test
  void keepsToTheReadCapacityBudget() {
    FakeTime time = new FakeTime();
    CopyHandlers copy = new CopyHandlers();

    BackfillReport report =
        backfill(StreamRouter.builder().handlers(copy).build())
            .totalSegments(4)
            .parallelism(1)
            .pageSize(10)
            .consistentRead(true)
            .readCapacityPerSecond(2)
            .nanoTime(time::nanoTime)
            .sleeper(time)
            .build()
            .run();

    assertThat(report.isComplete()).isTrue();
    // 40 pages of at least 1 unit each at 2 units a second, one second's worth up front.
    assertThat(report.capacityUnits()).isGreaterThanOrEqualTo(40);
    double seconds = report.elapsed().toNanos() / 1e9;
    assertThat(seconds).isGreaterThanOrEqualTo((report.capacityUnits() - 2 - 2) / 2);
    assertThat(report.capacityUnits() / seconds).isLessThanOrEqualTo(2.2);
    assertThat(copy.view).isEqualTo(table);
  }

  @Test
  void keepsCheckpointsInADynamoDbTableThatShowsEverySegment() {
    String checkpointTable = "checkpoints-" + UUID.randomUUID();
    BackfillCheckpoints.createTable(dynamo, checkpointTable);
    BackfillCheckpoints store = BackfillCheckpoints.inTable(dynamo, checkpointTable);
    TableBackfill backfill =
        backfill(StreamRouter.builder().handlers(new CopyHandlers()).build())
            .totalSegments(5)
            .pageSize(30)
            .checkpoints(store)
            .build();

    backfill.run();

    Map<Integer, SegmentCheckpoint> saved = store.load(backfill.name());
    assertThat(saved).containsOnlyKeys(0, 1, 2, 3, 4);
    assertThat(saved.values()).allSatisfy(c -> assertThat(c.done()).isTrue());
    assertThat(saved.values().stream().mapToLong(SegmentCheckpoint::items).sum()).isEqualTo(ITEMS);
  }

  @Test
  void refusesToResumeWithAnotherNumberOfSegments() {
    BackfillCheckpoints store = BackfillCheckpoints.inMemory();
    StreamRouter router = StreamRouter.builder().handlers(new CopyHandlers()).build();
    backfill(router).name("resized").totalSegments(4).checkpoints(store).build().run();

    TableBackfill resized =
        backfill(router).name("resized").totalSegments(8).checkpoints(store).build();

    assertThatThrownBy(resized::run)
        .isInstanceOf(BackfillConfigurationException.class)
        .hasMessageContaining("totalSegments 4, not 8");
  }

  @Test
  void refusesATableWhoseKeysAreNotTheRouters() {
    TableBackfill backfill =
        backfill(StreamRouter.builder().keys("id").handlers(new CopyHandlers()).build()).build();

    assertThatThrownBy(backfill::run)
        .isInstanceOf(BackfillConfigurationException.class)
        .hasMessageContaining("key attributes PK, SK but the router was built with keys(id)");
  }
}
