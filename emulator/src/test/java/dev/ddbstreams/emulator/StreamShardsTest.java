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
package dev.ddbstreams.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.internal.streams.StreamSettings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/** Shards: their ids and ranges, rollover into children, shard ends, and routing by key. */
class StreamShardsTest {

  private static BigInteger big(String sequenceNumber) {
    return new BigInteger(sequenceNumber);
  }

  @Test
  void shardIdsHaveTheServicesShapeWithTheCreationTimeInMilliseconds() {
    try (StreamFixture fixture = new StreamFixture()) {
      fixture.clock.advance(Duration.ofMillis(1234));
      String arn = fixture.enable("Orders", "KEYS_ONLY");

      Shard shard = fixture.onlyShard(arn);

      assertThat(shard.shardId()).matches("shardId-[0-9]{20}-[0-9a-f]{8}");
      assertThat(Long.parseLong(shard.shardId().split("-")[1]))
          .isEqualTo(StreamFixture.START.toEpochMilli() + 1234);
      assertThat(shard.parentShardId()).isNull();
      assertThat(shard.sequenceNumberRange().startingSequenceNumber()).matches("[0-9]{21,40}");
      assertThat(shard.sequenceNumberRange().endingSequenceNumber()).as("open").isNull();
    }
  }

  @Test
  void rolloverClosesTheShardAndOpensAChildThatTakesTheNewRecords() {
    try (StreamFixture fixture = new StreamFixture()) {
      String arn = fixture.enable("Orders", "KEYS_ONLY");
      fixture.insert(arn, "a", 1);
      fixture.insert(arn, "b", 1);
      String parentId = fixture.onlyShard(arn).shardId();

      fixture.store.rollOverShards();
      fixture.insert(arn, "c", 1);

      List<Shard> shards = fixture.shards(arn);
      assertThat(shards).hasSize(2);
      Shard parent = shards.get(0);
      Shard child = shards.get(1);
      assertThat(parent.shardId()).isEqualTo(parentId);
      assertThat(parent.sequenceNumberRange().endingSequenceNumber()).isNotNull();
      assertThat(child.parentShardId()).isEqualTo(parentId);
      assertThat(child.sequenceNumberRange().endingSequenceNumber()).isNull();
      assertThat(fixture.readAll(arn, parentId)).hasSize(2);
      assertThat(fixture.readAll(arn, child.shardId()))
          .extracting(r -> r.dynamodb().keys().get("pk").s())
          .containsExactly("c");
    }
  }

  @Test
  void aClosedShardEndsWithoutANextIteratorOnceEveryRecordWasReturned() {
    try (StreamFixture fixture = new StreamFixture()) {
      String arn = fixture.enable("Orders", "KEYS_ONLY");
      for (int i = 0; i < 3; i++) {
        fixture.insert(arn, "k" + i, i);
      }
      String shardId = fixture.onlyShard(arn).shardId();
      String openIterator = fixture.trimHorizon(arn, shardId);
      fixture.store.rollOverShards();

      GetRecordsResponse first =
          fixture.client.getRecords(b -> b.shardIterator(openIterator).limit(2));
      GetRecordsResponse last = fixture.records(first.nextShardIterator());

      assertThat(first.records()).hasSize(2);
      assertThat(first.nextShardIterator()).isNotNull();
      assertThat(last.records()).hasSize(1);
      assertThat(last.nextShardIterator()).as("shard end").isNull();
      GetRecordsResponse latest =
          fixture.records(fixture.iterator(arn, shardId, ShardIteratorType.LATEST));
      assertThat(latest.records()).isEmpty();
      assertThat(latest.nextShardIterator()).as("LATEST of a closed shard is its end").isNull();
    }
  }

  @Test
  void aShardWithoutRecordsCanBeClosedAndEndsAtOnce() {
    try (StreamFixture fixture = new StreamFixture()) {
      String arn = fixture.enable("Orders", "KEYS_ONLY");
      String shardId = fixture.onlyShard(arn).shardId();

      fixture.store.rollOverShards();

      Shard closed = fixture.shards(arn).get(0);
      assertThat(big(closed.sequenceNumberRange().endingSequenceNumber()))
          .isGreaterThanOrEqualTo(big(closed.sequenceNumberRange().startingSequenceNumber()));
      GetRecordsResponse response = fixture.records(fixture.trimHorizon(arn, shardId));
      assertThat(response.records()).isEmpty();
      assertThat(response.nextShardIterator()).isNull();
    }
  }

  @Test
  void childShardsFilterReturnsOnlyTheChildrenOfTheGivenShard() {
    try (StreamFixture fixture = new StreamFixture(StreamSettings.of(2, Duration.ZERO))) {
      String arn = fixture.enable("Orders", "KEYS_ONLY");
      List<Shard> roots = fixture.shards(arn);
      fixture.store.rollOverShards();
      fixture.store.rollOverShards();
      String root = roots.get(0).shardId();

      List<Shard> children =
          fixture
              .client
              .describeStream(
                  b ->
                      b.streamArn(arn)
                          .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(root)))
              .streamDescription()
              .shards();

      assertThat(fixture.shards(arn)).hasSize(6);
      assertThat(children).hasSize(1);
      assertThat(children.get(0).parentShardId()).isEqualTo(root);
      String child = children.get(0).shardId();
      List<Shard> grandchildren =
          fixture
              .client
              .describeStream(
                  b ->
                      b.streamArn(arn)
                          .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(child)))
              .streamDescription()
              .shards();
      assertThat(grandchildren).extracting(Shard::parentShardId).containsExactly(child);
      List<Shard> none =
          fixture
              .client
              .describeStream(
                  b ->
                      b.streamArn(arn)
                          .shardFilter(
                              f ->
                                  f.type(ShardFilterType.CHILD_SHARDS)
                                      .shardId(grandchildren.get(0).shardId())))
              .streamDescription()
              .shards();
      assertThat(none).as("an open shard has no children yet").isEmpty();
    }
  }

  @Test
  void sequenceNumbersIncreaseWithinAShardAndFromAParentToItsChild() {
    try (StreamFixture fixture = new StreamFixture()) {
      String arn = fixture.enable("Orders", "KEYS_ONLY");
      for (int i = 0; i < 5; i++) {
        fixture.insert(arn, "a", i);
      }
      fixture.store.rollOverShards();
      for (int i = 0; i < 5; i++) {
        fixture.insert(arn, "a", i);
      }
      List<Shard> shards = fixture.shards(arn);
      Shard parent = shards.get(0);
      Shard child = shards.get(1);

      List<BigInteger> sequence = new ArrayList<>();
      sequence.add(big(parent.sequenceNumberRange().startingSequenceNumber()));
      fixture
          .readAll(arn, parent.shardId())
          .forEach(r -> sequence.add(big(r.dynamodb().sequenceNumber())));
      sequence.add(big(parent.sequenceNumberRange().endingSequenceNumber()));
      sequence.add(big(child.sequenceNumberRange().startingSequenceNumber()));
      fixture
          .readAll(arn, child.shardId())
          .forEach(r -> sequence.add(big(r.dynamodb().sequenceNumber())));

      assertThat(sequence).hasSize(13);
      // start <= first record, records strictly increasing, last record <= end < child start
      assertThat(sequence.get(1)).isGreaterThanOrEqualTo(sequence.get(0));
      assertThat(sequence.subList(1, 6))
          .isSortedAccordingTo(BigInteger::compareTo)
          .doesNotHaveDuplicates();
      assertThat(sequence.get(6)).isGreaterThanOrEqualTo(sequence.get(5));
      assertThat(sequence.get(7)).isGreaterThan(sequence.get(6));
      assertThat(sequence.subList(7, 13))
          .isSortedAccordingTo(BigInteger::compareTo)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void oneItemsRecordsStayInOneShardAndItsChildrenWhileKeysSpreadOverShards() {
    try (StreamFixture fixture = new StreamFixture(StreamSettings.of(4, Duration.ZERO))) {
      String arn = fixture.enable("Orders", "KEYS_ONLY");
      assertThat(fixture.shards(arn)).hasSize(4);
      for (int round = 0; round < 3; round++) {
        for (int k = 0; k < 40; k++) {
          fixture.insert(arn, "item-" + k, round);
        }
        fixture.store.rollOverShards();
      }

      // Follow each shard lineage: root -> child -> grandchild.
      Map<String, String> rootOf = new HashMap<>();
      Map<String, Integer> recordsByItem = new HashMap<>();
      Map<String, Set<String>> lineagesByItem = new HashMap<>();
      for (Shard shard : fixture.shards(arn)) {
        String parent = shard.parentShardId();
        String root = parent == null ? shard.shardId() : rootOf.get(parent);
        rootOf.put(shard.shardId(), root);
        for (Record r : fixture.readAll(arn, shard.shardId())) {
          String pk = r.dynamodb().keys().get("pk").s();
          lineagesByItem.computeIfAbsent(pk, x -> new HashSet<>()).add(root);
          recordsByItem.merge(pk, 1, Integer::sum);
        }
      }

      assertThat(lineagesByItem).hasSize(40);
      assertThat(lineagesByItem.values()).allSatisfy(l -> assertThat(l).hasSize(1));
      assertThat(recordsByItem.values()).containsOnly(3);
      Set<String> usedLineages =
          lineagesByItem.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
      assertThat(usedLineages).as("40 keys over 4 shards").hasSizeGreaterThan(1);
    }
  }

  @Test
  void dueShardsRollOverAfterTheIntervalAndNeverWhenItIsZero() {
    try (StreamFixture fixture = new StreamFixture(StreamSettings.of(1, Duration.ofHours(4)));
        StreamFixture never = new StreamFixture()) {
      String arn = fixture.enable("Orders", "KEYS_ONLY");
      String neverArn = never.enable("Orders", "KEYS_ONLY");

      fixture.clock.advance(Duration.ofHours(3));
      fixture.store.rollOverDueShards();
      assertThat(fixture.shards(arn)).hasSize(1);
      fixture.clock.advance(Duration.ofHours(1));
      fixture.store.rollOverDueShards();
      assertThat(fixture.shards(arn)).hasSize(2);
      fixture.clock.advance(Duration.ofHours(4));
      fixture.store.rollOverDueShards();
      assertThat(fixture.shards(arn)).hasSize(3);

      never.clock.advance(Duration.ofHours(20));
      never.store.rollOverDueShards();
      assertThat(never.shards(neverArn)).hasSize(1);
    }
  }
}
