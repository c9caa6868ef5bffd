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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.backfill.SnapshotRecords;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Guarded writes against the project's DynamoDB emulator: real conditions, real comparisons. */
class SequenceGuardIT {
  private static final String TABLE = "Copies";
  private static final AtomicInteger ITEMS = new AtomicInteger();

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient client;

  private final SequenceGuard guard = SequenceGuard.inAttribute("seq");

  @BeforeAll
  static void startEmulator() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    client = emulator.client();
    client.createTable(
        b ->
            b.tableName(TABLE)
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
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  private static Map<String, AttributeValue> newKey() {
    return TestRecords.keys("ITEM#" + ITEMS.incrementAndGet(), "COPY");
  }

  private static Map<String, AttributeValue> image(Map<String, AttributeValue> key, int version) {
    Map<String, AttributeValue> image = new HashMap<>(key);
    image.put("version", AttributeValue.fromN(Integer.toString(version)));
    return image;
  }

  private static PutItemRequest put(Map<String, AttributeValue> item) {
    return PutItemRequest.builder().tableName(TABLE).item(item).build();
  }

  private static DeleteItemRequest delete(Map<String, AttributeValue> key) {
    return DeleteItemRequest.builder().tableName(TABLE).key(key).build();
  }

  private static @Nullable Integer version(Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item =
        client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item();
    return item.isEmpty() ? null : Integer.valueOf(item.get("version").n());
  }

  private static @Nullable String storedSequence(Map<String, AttributeValue> key) {
    AttributeValue seq =
        client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item().get("seq");
    return seq == null ? null : seq.s();
  }

  @Test
  void replayedAndStaleChangesAreNoOps() {
    Map<String, AttributeValue> key = newKey();

    assertThat(guard.put(client, put(image(key, 1)), SequenceNumber.of("100"))).isTrue();
    assertThat(guard.put(client, put(image(key, 2)), SequenceNumber.of("99")))
        .as("older")
        .isFalse();
    assertThat(guard.put(client, put(image(key, 2)), SequenceNumber.of("100")))
        .as("the same change again")
        .isFalse();
    assertThat(version(key)).isEqualTo(1);
    assertThat(guard.put(client, put(image(key, 3)), SequenceNumber.of("1000")))
        .as("longer, so newer")
        .isTrue();
    assertThat(guard.delete(client, delete(key), SequenceNumber.of("999")))
        .as("a stale delete")
        .isFalse();
    assertThat(version(key)).isEqualTo(3);
    assertThat(storedSequence(key))
        .isEqualTo(SequenceGuard.storedValue(SequenceNumber.of("1000")).s());
    assertThat(guard.delete(client, delete(key), SequenceNumber.of("1001"))).isTrue();
    assertThat(version(key)).isNull();
  }

  @Test
  void aSnapshotFillsOnlyItemsNoStreamChangeHasWritten() {
    Map<String, AttributeValue> absent = newKey();
    Map<String, AttributeValue> written = newKey();
    guard.put(client, put(image(written, 5)), SequenceNumber.of("50"));

    assertThat(guard.put(client, put(image(absent, 1)), null)).isTrue();
    assertThat(guard.put(client, put(image(written, 1)), null))
        .as("a snapshot never overwrites a stream change")
        .isFalse();
    assertThat(version(written)).isEqualTo(5);
    assertThat(storedSequence(absent)).as("a snapshot stores no sequence").isNull();
    assertThat(guard.put(client, put(image(absent, 2)), null))
        .as("a later snapshot replaces an earlier one")
        .isTrue();
    assertThat(guard.put(client, put(image(absent, 3)), SequenceNumber.of("1")))
        .as("any stream change overwrites a snapshot")
        .isTrue();
    assertThat(version(absent)).isEqualTo(3);
  }

  @Test
  void aGuardedAddCountsEachChangeOnceHoweverOftenItIsDelivered() {
    Map<String, AttributeValue> key = newKey();
    UpdateItemRequest add =
        UpdateItemRequest.builder()
            .tableName(TABLE)
            .key(key)
            .updateExpression("ADD version :one")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
            .build();

    for (String seq : List.of("10", "10", "11", "10", "12", "11", "12")) {
      guard.update(client, add, SequenceNumber.of(seq));
    }

    assertThat(version(key)).isEqualTo(3);
  }

  @Test
  void aSnapshotAfterADeleteBringsTheItemBackAsDocumented() {
    Map<String, AttributeValue> key = newKey();
    guard.put(client, put(image(key, 1)), SequenceNumber.of("10"));
    guard.delete(client, delete(key), SequenceNumber.of("11"));

    // The delete took the stored sequence with it: nothing tells the snapshot it is older.
    assertThat(guard.put(client, put(image(key, 1)), null)).isTrue();
    assertThat(version(key)).isEqualTo(1);
  }

  @Test
  void withTombstonesNeitherAStalePutNorASnapshotBringsADeletedItemBack() {
    SequenceGuard tombstones = guard.withTombstones("deletedUntil", Duration.ofDays(2));
    Map<String, AttributeValue> key = newKey();
    tombstones.put(client, put(image(key, 1)), SequenceNumber.of("10"));

    assertThat(tombstones.delete(client, delete(key), SequenceNumber.of("11"))).isTrue();
    assertThat(tombstones.put(client, put(image(key, 1)), SequenceNumber.of("10")))
        .as("stale put")
        .isFalse();
    assertThat(tombstones.put(client, put(image(key, 1)), null)).as("snapshot").isFalse();
    assertThat(tombstones.delete(client, delete(key), SequenceNumber.of("11")))
        .as("the delete replayed")
        .isFalse();
    Map<String, AttributeValue> stored =
        client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item();
    assertThat(tombstones.isTombstone(stored)).isTrue();
    assertThat(stored).doesNotContainKey("version");

    UpdateItemRequest recreate =
        UpdateItemRequest.builder()
            .tableName(TABLE)
            .key(key)
            .updateExpression("SET version = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("3")))
            .build();
    assertThat(tombstones.update(client, recreate, SequenceNumber.of("12")))
        .as("a newer change")
        .isTrue();
    stored = client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item();
    assertThat(tombstones.isTombstone(stored)).isFalse();
    assertThat(version(key)).isEqualTo(3);
  }

  @Test
  void withTombstonesASnapshotAnywhereAmongRedeliveriesEndsAtTheLatestChange() {
    SequenceGuard tombstones = guard.withTombstones("deletedUntil", Duration.ofDays(2));
    SeededCases.check(
        40,
        gen -> {
          Case c = inOrderWithRewinds(gen);
          // Any change's state, deletes after it or not.
          return new Case(
              c.history(), c.deliveries(), c.snapshotAt(), gen.between(0, c.history().size() - 1));
        },
        Case::toString,
        c -> {
          Map<String, AttributeValue> key = newKey();
          deliver(tombstones, key, c);
          Map<String, AttributeValue> stored =
              client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item();
          Integer expected = c.history().get(c.history().size() - 1).version();
          if (expected == null) {
            assertThat(stored.isEmpty() || tombstones.isTombstone(stored)).as("deleted").isTrue();
          } else {
            assertThat(tombstones.isTombstone(stored)).isFalse();
            assertThat(version(key)).isEqualTo(expected);
          }
        });
  }

  @Test
  void appliesStreamRecordsToAnotherTable() {
    Map<String, AttributeValue> key = newKey();
    Map<String, AttributeValue> v1 = image(key, 1);
    Map<String, AttributeValue> v2 = image(key, 2);
    StreamRecord<?> insert = StreamRecord.of(TestRecords.insert("100", v1), Map.class);
    StreamRecord<?> modify = StreamRecord.of(TestRecords.modify("200", v1, v2), Map.class);
    StreamRecord<?> remove = StreamRecord.of(TestRecords.ttlRemove("300", v2), Map.class);

    assertThat(guard.apply(client, TABLE, modify)).isTrue();
    assertThat(guard.apply(client, TABLE, insert)).as("out of order").isFalse();
    assertThat(version(key)).isEqualTo(2);
    assertThat(guard.apply(client, TABLE, remove)).isTrue();
    assertThat(guard.apply(client, TABLE, modify)).as("replayed after the delete").isTrue();
    assertThat(guard.apply(client, TABLE, remove)).as("the delete replayed after it").isTrue();
    assertThat(version(key)).isNull();
  }

  private final SequenceGuard buried =
      SequenceGuard.inAttribute("seq").withTombstones("deleted", Duration.ofDays(2));

  /** What a reader of a copy with tombstones sees: the version, or null if absent or buried. */
  private @Nullable Integer liveVersion(Map<String, AttributeValue> key) {
    Map<String, AttributeValue> item =
        client.getItem(b -> b.tableName(TABLE).key(key).consistentRead(true)).item();
    return item.isEmpty() || buried.isTombstone(item)
        ? null
        : Integer.valueOf(item.get("version").n());
  }

  private static StreamRecord<?> snapshot(Map<String, AttributeValue> image) {
    return StreamRecord.of(SnapshotRecords.of("copy", image, List.of("PK", "SK")), Map.class);
  }

  @Test
  void applyWithTombstonesLeavesAnItemDeletedWhoseSnapshotComesAfterTheDelete() {
    Map<String, AttributeValue> key = newKey();
    Map<String, AttributeValue> v1 = image(key, 1);
    buried.apply(client, TABLE, StreamRecord.of(TestRecords.insert("10", v1), Map.class));
    buried.apply(client, TABLE, StreamRecord.of(TestRecords.remove("11", v1), Map.class));

    assertThat(buried.apply(client, TABLE, snapshot(v1))).as("the snapshot read before").isFalse();
    assertThat(liveVersion(key)).isNull();
    assertThat(
            buried.apply(client, TABLE, StreamRecord.of(TestRecords.insert("10", v1), Map.class)))
        .as("a stale insert replayed")
        .isFalse();
    assertThat(liveVersion(key)).isNull();
    Map<String, AttributeValue> v2 = image(key, 2);
    assertThat(
            buried.apply(client, TABLE, StreamRecord.of(TestRecords.insert("12", v2), Map.class)))
        .as("a new insert revives it")
        .isTrue();
    assertThat(client.getItem(b -> b.tableName(TABLE).key(key)).item())
        .containsEntry("version", AttributeValue.fromN("2"))
        .doesNotContainKey("deleted");
  }

  @Test
  void applyWritesASnapshotOnlyWhereNoStreamChangeWrote() {
    Map<String, AttributeValue> fresh = newKey();
    Map<String, AttributeValue> changed = newKey();
    guard.apply(
        client, TABLE, StreamRecord.of(TestRecords.insert("10", image(changed, 5)), Map.class));

    assertThat(guard.apply(client, TABLE, snapshot(image(fresh, 1)))).isTrue();
    assertThat(guard.apply(client, TABLE, snapshot(image(changed, 1)))).isFalse();
    assertThat(version(fresh)).isEqualTo(1);
    assertThat(storedSequence(fresh)).isNull();
    assertThat(version(changed)).isEqualTo(5);
  }

  @Test
  void purgingDeletesTheTombstonesThatAreStillTombstones() {
    Map<String, AttributeValue> gone = newKey();
    Map<String, AttributeValue> live = newKey();
    buried.put(client, put(image(gone, 1)), SequenceNumber.of("10"));
    buried.delete(client, delete(gone), SequenceNumber.of("11"));
    buried.put(client, put(image(live, 1)), SequenceNumber.of("10"));

    int purged = buried.purgeTombstones(client, TABLE);

    assertThat(purged).isGreaterThanOrEqualTo(1);
    assertThat(client.getItem(b -> b.tableName(TABLE).key(gone)).item()).isEmpty();
    assertThat(version(live)).isEqualTo(1);
    assertThat(buried.purgeTombstones(client, TABLE)).isZero();
  }

  /** One change of an item's history: a put of {@code version}, or a delete if it is null. */
  private record Change(String sequence, @Nullable Integer version) {}

  /** A history, the deliveries of it, and the snapshot delivered among them (or none). */
  private record Case(
      List<Change> history, List<Integer> deliveries, int snapshotAt, int snapshotOf) {
    @Override
    public String toString() {
      return "history="
          + history
          + " deliveries="
          + deliveries
          + " snapshot of change "
          + snapshotOf
          + " delivered before delivery "
          + snapshotAt;
    }
  }

  @Test
  void inOrderRedeliveriesFromAnyCheckpointWithASnapshotAnywhereEndAtTheLatestChange() {
    SeededCases.check(
        40,
        SequenceGuardIT::inOrderWithRewinds,
        Case::toString,
        c -> {
          Map<String, AttributeValue> key = newKey();
          deliver(key, c);
          Change last = c.history().get(c.history().size() - 1);
          assertThat(version(key)).isEqualTo(last.version());
        });
  }

  @Test
  void putsInAnyOrderWithRepeatsEndAtTheNewest() {
    SeededCases.check(
        40,
        gen -> {
          List<Change> history = history(gen, false);
          List<Integer> deliveries = new ArrayList<>();
          for (int i = 0; i < history.size(); i++) {
            deliveries.add(i);
          }
          int repeats = gen.between(0, history.size());
          for (int r = 0; r < repeats; r++) {
            deliveries.add(gen.between(0, history.size() - 1));
          }
          Collections.shuffle(deliveries, gen.random());
          int snapshotOf = gen.between(0, history.size() - 1);
          return new Case(history, deliveries, gen.between(0, deliveries.size()), snapshotOf);
        },
        Case::toString,
        c -> {
          Map<String, AttributeValue> key = newKey();
          deliver(key, c);
          assertThat(version(key)).isEqualTo(c.history().get(c.history().size() - 1).version());
        });
  }

  private void deliver(Map<String, AttributeValue> key, Case c) {
    deliver(guard, key, c);
  }

  private static void deliver(SequenceGuard guard, Map<String, AttributeValue> key, Case c) {
    for (int i = 0; i <= c.deliveries().size(); i++) {
      if (i == c.snapshotAt() && c.snapshotOf() >= 0) {
        Integer seen = c.history().get(c.snapshotOf()).version();
        if (seen != null) {
          guard.put(client, put(image(key, seen)), null);
        }
      }
      if (i < c.deliveries().size()) {
        Change change = c.history().get(c.deliveries().get(i));
        if (change.version() == null) {
          guard.delete(client, delete(key), SequenceNumber.of(change.sequence()));
        } else {
          guard.put(
              client, put(image(key, change.version())), SequenceNumber.of(change.sequence()));
        }
      }
    }
  }

  /**
   * Deliveries in order with rewinds to earlier checkpoints, as Lambda and KCL redeliver; a
   * snapshot of some change's state delivered anywhere, except where a delete follows that change
   * (a snapshot after a delete brings the item back, as documented).
   */
  private static Case inOrderWithRewinds(Gen gen) {
    List<Change> history = history(gen, true);
    List<Integer> deliveries = new ArrayList<>();
    int next = 0;
    while (next < history.size()) {
      deliveries.add(next++);
      if (gen.chance(0.3)) {
        next = gen.between(0, next - 1); // the checkpoint was lost: redeliver from an earlier one
      }
    }
    int snapshotOf = gen.between(0, history.size() - 1);
    for (int i = snapshotOf + 1; i < history.size(); i++) {
      if (history.get(i).version() == null) {
        snapshotOf = -1;
        break;
      }
    }
    return new Case(history, deliveries, gen.between(0, deliveries.size()), snapshotOf);
  }

  /** 1 to 8 changes with increasing sequence numbers of varying length; deletes if allowed. */
  private static List<Change> history(Gen gen, boolean deletes) {
    int n = gen.between(1, 8);
    BigInteger sequence = BigInteger.valueOf(gen.between(1L, 1_000_000L));
    List<Change> history = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sequence =
          sequence.add(
              gen.chance(0.2)
                  ? BigInteger.TEN.pow(gen.between(5, 30))
                  : BigInteger.valueOf(gen.between(1L, 1_000L)));
      boolean delete = deletes && gen.chance(0.3);
      history.add(new Change(sequence.toString(), delete ? null : i + 1));
    }
    return history;
  }
}
