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

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Backfills in separate JVMs ({@link BackfillWorker}) against the emulator in this one, over
 * loopback: one killed with SIGKILL and resumed here, and two that share the segments of one
 * backfill through a checkpoint table.
 */
class BackfillProcessesIT {
  private static final int ITEMS = 600;
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

  private static String[] options(String view, String name, String checkpoints, String... more) {
    String[] base = {
      "--endpoint", emulator.endpoint().toString(),
      "--region", emulator.region().id(),
      "--table", TABLE,
      "--view", view,
      "--name", name,
      "--total", "4",
      "--checkpoints", checkpoints
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void aKilledBackfillResumesAfterItsLastCheckpointedPage() throws Exception {
    Items.createTable(dynamo, "KilledView", false);
    Path checkpoints = dir.resolve("checkpoints.json");
    BackfillCheckpoints store = BackfillCheckpoints.inFile(checkpoints);
    Path log = dir.resolve("worker.log");
    Process worker =
        ChildJvm.start(
            log,
            BackfillWorker.class,
            options("KilledView", "killed", "file:" + checkpoints, "--delay-ms", "4"));

    long checkpointed = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (checkpointed < 150 && worker.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      checkpointed = items(store.load("killed"));
    }
    worker.destroyForcibly(); // SIGKILL: no shutdown hook, no last checkpoint
    assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.exitValue()).as(ChildJvm.output(log)).isNotZero();

    Map<Integer, SegmentCheckpoint> atKill = store.load("killed");
    long done = items(atKill);
    assertThat(done).isBetween(150L, ITEMS - 1L);
    assertThat(atKill.values()).anySatisfy(c -> assertThat(c.done()).isFalse());

    BackfillReport resumed =
        TableBackfill.builder()
            .client(dynamo)
            .tableName(TABLE)
            .router(
                StreamRouter.builder()
                    .handlers(new ViewWriter(dynamo, "KilledView", Duration.ZERO))
                    .build())
            .name("killed")
            .totalSegments(4)
            .pageSize(20)
            .checkpoints(store)
            .build()
            .run();

    assertThat(resumed.isComplete()).isTrue();
    // Exactly the items after the checkpoints were read again: nothing from the start.
    assertThat(resumed.itemsThisRun()).isEqualTo(ITEMS - done);
    assertThat(Items.all(dynamo, "KilledView")).isEqualTo(table);
  }

  @Test
  void twoProcessesShareTheSegmentsOfOneBackfill() throws Exception {
    Items.createTable(dynamo, "SharedView", false);
    BackfillCheckpoints.createTable(dynamo, "backfill-checkpoints");
    Path logA = dir.resolve("a.log");
    Path logB = dir.resolve("b.log");
    String checkpoints = "table:backfill-checkpoints";

    Process a =
        ChildJvm.start(
            logA,
            BackfillWorker.class,
            options("SharedView", "shared", checkpoints, "--segments", "0-1"));
    Process b =
        ChildJvm.start(
            logB,
            BackfillWorker.class,
            options("SharedView", "shared", checkpoints, "--worker", "1/2"));

    assertThat(a.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(a.exitValue()).as(ChildJvm.output(logA)).isZero();
    assertThat(b.exitValue()).as(ChildJvm.output(logB)).isZero();
    assertThat(ChildJvm.output(logA)).contains("complete; segments done: 0-1 of 4;");
    assertThat(ChildJvm.output(logB)).contains("complete; segments done: 2-3 of 4;");

    Map<Integer, SegmentCheckpoint> saved =
        BackfillCheckpoints.inTable(dynamo, "backfill-checkpoints").load("shared");
    assertThat(saved).containsOnlyKeys(0, 1, 2, 3);
    assertThat(saved.values()).allSatisfy(c -> assertThat(c.done()).isTrue());
    assertThat(items(saved)).isEqualTo(ITEMS);
    assertThat(Items.all(dynamo, "SharedView")).isEqualTo(table);
  }

  private static long items(Map<Integer, SegmentCheckpoint> checkpoints) {
    return checkpoints.values().stream().mapToLong(SegmentCheckpoint::items).sum();
  }
}
