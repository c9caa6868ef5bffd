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

import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.testkit.DynamoDbEmulatorTest;
import dev.ddbstreams.testkit.StreamEvents;
import dev.ddbstreams.testkit.StreamReader;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.StreamTap;
import dev.ddbstreams.testkit.TimeToLive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoDbEmulatorTest
class CrossRegionReplicationIT {
  /** A second emulator standing in for the replica's region. */
  private static DynamoDbEmulator otherRegion;

  @BeforeAll
  static void startOtherRegion() {
    otherRegion = DynamoDbEmulator.start();
  }

  @AfterAll
  static void stopOtherRegion() {
    otherRegion.close();
  }

  @Test
  void replicaEndsEqualToThePrimaryAfterWritesDeletesAndTtlExpiries(
      DynamoDbEmulator emulator, DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table = StreamTable.builder().ttlAttribute("expiresAt").create(ddb);
    String replica = PetTrackerDemo.createReplica(otherRegion.client(), table.name());
    CrossRegionReplication replication = new CrossRegionReplication(otherRegion.client(), replica);
    StreamRouter router = StreamRouter.builder().handlers(replication).build();
    TimeToLive.expire(emulator, table, item(PetItems.pet("u9", "ghost", "cat", 3)));
    put(ddb, table, PetItems.pet("u1", "p1", "dog", 20));
    put(ddb, table, PetItems.pet("u1", "p2", "cat", 4));
    put(ddb, table, PetItems.pet("u1", "p1", "dog", 24));
    ddb.deleteItem(b -> b.tableName(table.name()).key(key("USER#u1", "PET#p2")));
    put(ddb, table, PetItems.activity("p1", "2026-11-20T10:15:00Z"));
    put(ddb, table, PetItems.summary("p1", "2026-11-20", 1));

    StreamTap.Result result =
        StreamTap.of(streams, table.streamArn(), router).drain(8, Duration.ofSeconds(20));

    assertThat(result.failed()).isZero();
    // The user delete and the TTL expiry left tombstones; no backfill runs, so they can go.
    assertThat(replication.purgeTombstones()).isEqualTo(2);
    Map<String, Map<String, AttributeValue>> copies =
        TableScans.items(otherRegion.client(), replica);
    assertThat(copies).containsOnlyKeys("USER#u1 PET#p1", "PET#p1 ACTIVITY#2026-11-20T10:15:00Z");
    assertThat(TableScans.replicaDifferences(TableScans.items(ddb, table.name()), copies))
        .isEmpty();
  }

  @Test
  void replayingAnOlderChangeDoesNotRollTheReplicaBack(
      DynamoDbEmulator emulator, DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table = StreamTable.builder().create(ddb);
    String replica = PetTrackerDemo.createReplica(otherRegion.client(), table.name());
    StreamRouter router =
        StreamRouter.builder()
            .handlers(new CrossRegionReplication(otherRegion.client(), replica))
            .build();
    put(ddb, table, PetItems.pet("u1", "p1", "dog", 20));
    put(ddb, table, PetItems.pet("u1", "p1", "dog", 30));
    StreamTap.of(streams, table.streamArn(), router).drain(2, Duration.ofSeconds(20));
    List<Record> stream = StreamReader.of(streams, table.streamArn()).readAll();

    router.process(stream.subList(0, 1));

    Map<String, AttributeValue> copy =
        otherRegion
            .client()
            .getItem(b -> b.tableName(replica).key(key("USER#u1", "PET#p1")))
            .item();
    assertThat(copy.get("weightKg").n()).isEqualTo("30");
    assertThat(copy.get(CrossRegionReplication.SEQUENCE))
        .isEqualTo(
            SequenceGuard.storedValue(
                SequenceNumber.of(stream.get(1).dynamodb().sequenceNumber())));
  }

  static Map<String, AttributeValue> item(Map<String, Object> item) {
    return StreamEvents.image(item);
  }

  static void put(DynamoDbClient ddb, StreamTable table, Map<String, Object> item) {
    ddb.putItem(b -> b.tableName(table.name()).item(item(item)));
  }

  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }
}
