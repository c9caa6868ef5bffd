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

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.EventName;
import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The hand-off from scan to stream, end to end: a table with items from before its stream, a stream
 * consumer started first, a backfill through the same router while writes go on (puts, updates,
 * deletes, new items), and two views built by the same handlers from snapshots and stream changes
 * alike: a replica table behind a {@link SequenceGuard} with tombstones, and an in-memory view that
 * keeps sequences itself ({@link SequenceGuard#appliesOver}). At the end both equal a recomputation
 * from the table.
 */
class BackfillHandOffIT {
  private static final String SOURCE = "Source";
  private static final String REPLICA = "Replica";
  private static final int EXISTING = 200;
  private static final int KEYS = 240;

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient dynamo;

  @BeforeAll
  static void start() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    dynamo = emulator.client();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  /** The views' handlers: the same methods take snapshots and stream changes. */
  static final class Views {
    static final SequenceGuard GUARD =
        SequenceGuard.inAttribute("seq").withTombstones("deleted", Duration.ofDays(2));

    /** Key to the sequence last applied ("" for a snapshot) and the image, null once deleted. */
    record Entry(String sequence, Map<String, AttributeValue> image) {}

    final Map<String, Entry> memory = new ConcurrentHashMap<>();
    final AtomicInteger snapshots = new AtomicInteger();
    final AtomicInteger changes = new AtomicInteger();
    volatile Consumer<Map<String, AttributeValue>> beforeSnapshot = item -> {};

    @OnChange(snapshots = SnapshotMatch.INCLUDE)
    void replica(StreamRecord<Map<String, Object>> change) {
      if (change.isSnapshot()) {
        snapshots.incrementAndGet();
        // Snapshots reach the views after the scan read them: the stream may get there first.
        beforeSnapshot.accept(change.rawNewImage().orElseThrow());
      } else {
        changes.incrementAndGet();
      }
      GUARD.apply(dynamo, REPLICA, change);
    }

    @OnChange(snapshots = SnapshotMatch.INCLUDE)
    void inMemory(StreamRecord<Map<String, Object>> change) {
      SequenceNumber sequence = change.isSnapshot() ? null : change.sequenceNumber();
      Map<String, AttributeValue> image =
          change.eventName() == EventName.REMOVE ? null : change.rawNewImage().orElseThrow();
      memory.compute(
          Items.key(change.keys()),
          (key, held) ->
              SequenceGuard.appliesOver(held == null ? null : held.sequence(), sequence)
                  ? new Entry(sequence == null ? "" : sequence.toString(), image)
                  : held);
    }

    Map<String, Map<String, AttributeValue>> memoryView() {
      Map<String, Map<String, AttributeValue>> live = new HashMap<>();
      memory.forEach(
          (key, entry) -> {
            if (entry.image() != null) {
              live.put(key, entry.image());
            }
          });
      return live;
    }
  }

  @Test
  void writesDuringTheBackfillEndInTheViewsAsTheTableHasThem() throws Exception {
    Items.createTable(dynamo, SOURCE, false);
    Items.createTable(dynamo, REPLICA, false);
    Items.write(dynamo, SOURCE, EXISTING, 0);
    // The stream starts after these items: only the backfill can bring them to the views.
    String streamArn =
        dynamo
            .updateTable(
                b ->
                    b.tableName(SOURCE)
                        .streamSpecification(
                            s ->
                                s.streamEnabled(true)
                                    .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
            .tableDescription()
            .latestStreamArn();

    Views views = new Views();
    Interleaving race = new Interleaving(views);
    views.beforeSnapshot = race::overtake;
    StreamRouter router = StreamRouter.builder().handlers(views).build();
    StreamConsumer consumer = new StreamConsumer(emulator.streamsClient(), streamArn, router);
    Thread consuming = new Thread(consumer::run, "stream-consumer");
    consuming.start(); // first the stream consumer, then the backfill
    Writer writer = new Writer(7);
    Thread writing = new Thread(writer::run, "writer");
    writing.start();

    BackfillReport report =
        TableBackfill.builder()
            .client(dynamo)
            .tableName(SOURCE)
            .router(router)
            .name("views")
            .totalSegments(4)
            .parallelism(2)
            .pageSize(10)
            .build()
            .run();

    writer.stop.set(true);
    writing.join();
    consumer.drainAndStop();
    consuming.join();

    assertThat(report.isComplete()).isTrue();
    assertThat(consumer.failures).hasValue(0);
    assertThat(writer.writes).as("writes during the backfill").hasValueGreaterThan(100);
    assertThat(views.snapshots).hasValueGreaterThanOrEqualTo(EXISTING / 2);
    assertThat(race.deleted).as("snapshots overtaken by a delete").hasValueGreaterThan(5);
    assertThat(race.updated).as("snapshots overtaken by an update").hasValueGreaterThan(5);
    Map<String, Map<String, AttributeValue>> table = Items.all(dynamo, SOURCE);

    assertThat(views.memoryView()).isEqualTo(table);

    // The backfill is complete: no snapshot can come any more, so the tombstones can go.
    Views.GUARD.purgeTombstones(dynamo, REPLICA);
    Map<String, Map<String, AttributeValue>> replica = new HashMap<>();
    Items.all(dynamo, REPLICA)
        .forEach(
            (key, item) -> {
              Map<String, AttributeValue> copy = new HashMap<>(item);
              copy.remove("seq");
              replica.put(key, copy);
            });
    assertThat(replica).isEqualTo(table);
  }

  /**
   * Makes the stream overtake the backfill on purpose: before the snapshot of every tenth item
   * reaches the views, the item is deleted (or, for others, updated) in the table, and the snapshot
   * waits until the stream consumer has applied that change. Without tombstones the snapshot would
   * bring the deleted items back; without the guard it would roll the updated ones back.
   */
  private static final class Interleaving {
    final AtomicInteger deleted = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    private final Views views;

    Interleaving(Views views) {
      this.views = views;
    }

    static boolean raced(int i) {
      return i < EXISTING && (i % 10 == 0 || i % 10 == 5);
    }

    void overtake(Map<String, AttributeValue> snapshot) {
      int i = Integer.parseInt(snapshot.get("SK").s().substring("PET#".length()));
      if (!raced(i)) {
        return;
      }
      String key = Items.key(snapshot);
      Map<String, AttributeValue> keys = Map.of("PK", snapshot.get("PK"), "SK", snapshot.get("SK"));
      if (i % 10 == 0) {
        dynamo.deleteItem(b -> b.tableName(SOURCE).key(keys));
        await(key, entry -> entry.image() == null);
        deleted.incrementAndGet();
      } else {
        AttributeValue weight = AttributeValue.fromN("1000");
        dynamo.updateItem(
            b ->
                b.tableName(SOURCE)
                    .key(keys)
                    .updateExpression("SET weightKg = :w")
                    .expressionAttributeValues(Map.of(":w", weight)));
        await(key, e -> e.image() != null && weight.equals(e.image().get("weightKg")));
        updated.incrementAndGet();
      }
    }

    private void await(String key, Predicate<Views.Entry> applied) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        Views.Entry entry = views.memory.get(key);
        if (entry != null && !entry.sequence().isEmpty() && applied.test(entry)) {
          return;
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      throw new IllegalStateException("the stream consumer did not apply the change to " + key);
    }
  }

  /** Writes at random to keys 0 to {@link #KEYS}: new items, updates, deletes, re-inserts. */
  private static final class Writer {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger writes = new AtomicInteger();
    private final Random random;

    Writer(long seed) {
      this.random = new Random(seed);
    }

    void run() {
      while (!stop.get()) {
        int i = random.nextInt(KEYS);
        if (Interleaving.raced(i)) {
          continue; // those keys are the interleaving's
        }
        Map<String, AttributeValue> item = Items.item(i, 0);
        switch (random.nextInt(3)) {
          case 0 -> dynamo.deleteItem(b -> b.tableName(SOURCE).key(key(item)));
          case 1 -> {
            item.put("weightKg", AttributeValue.fromN(Integer.toString(random.nextInt(100))));
            dynamo.putItem(b -> b.tableName(SOURCE).item(item));
          }
          default ->
              dynamo.updateItem(
                  b ->
                      b.tableName(SOURCE)
                          .key(key(item))
                          .updateExpression("SET visits = if_not_exists(visits, :zero) + :one")
                          .expressionAttributeValues(
                              Map.of(
                                  ":zero", AttributeValue.fromN("0"),
                                  ":one", AttributeValue.fromN("1"))));
        }
        writes.incrementAndGet();
      }
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
      return Map.of("PK", item.get("PK"), "SK", item.get("SK"));
    }
  }

  /** The stream consumer: reads the (single) shard in order and hands batches to the router. */
  private static final class StreamConsumer {
    final AtomicInteger failures = new AtomicInteger();
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final StreamRouter router;
    private volatile boolean draining;

    StreamConsumer(DynamoDbStreamsClient streams, String streamArn, StreamRouter router) {
      this.streams = streams;
      this.streamArn = streamArn;
      this.router = router;
    }

    void run() {
      String shard =
          streams
              .describeStream(b -> b.streamArn(streamArn))
              .streamDescription()
              .shards()
              .get(0)
              .shardId();
      String iterator =
          streams
              .getShardIterator(
                  b ->
                      b.streamArn(streamArn)
                          .shardId(shard)
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        GetRecordsResponse page =
            streams.getRecords(GetRecordsRequest.builder().shardIterator(iterator).build());
        List<Record> records = new ArrayList<>(page.records());
        if (!records.isEmpty()) {
          BatchResult result = router.process(records);
          if (!result.isComplete()) {
            failures.incrementAndGet();
          }
        } else if (draining) {
          return; // caught up after the writes stopped
        } else {
          pause();
        }
        iterator = page.nextShardIterator();
      }
    }

    void drainAndStop() {
      draining = true;
    }

    private static void pause() {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
