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

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.DynamoDBStreamsDataFetcher;
import com.amazonaws.services.dynamodbv2.streamsadapter.DynamoDBStreamsShardDetector;
import com.amazonaws.services.dynamodbv2.streamsadapter.util.KinesisMapperUtil;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.model.ChildShard;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.common.StreamIdentifier;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.retrieval.DataFetcherResult;
import software.amazon.kinesis.retrieval.GetRecordsResponseAdapter;
import software.amazon.kinesis.retrieval.KinesisClientRecord;
import software.amazon.kinesis.retrieval.KinesisDataFetcherProviderConfig;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * The DynamoDB Streams Kinesis adapter 2.0.1 (what KCL 3 reads DynamoDB Streams through) against
 * the emulator's streams, unchanged: its ARN and shard id parsing, its shard listing, and its data
 * fetcher reading a shard to its end and finding the child with the CHILD_SHARDS filter.
 */
class StreamKinesisAdapterIT {

  private final StreamFixture fixture = new StreamFixture();
  private final AmazonDynamoDBStreamsAdapterClient adapter =
      new AmazonDynamoDBStreamsAdapterClient(fixture.client, Region.US_EAST_1);

  @AfterEach
  void close() {
    fixture.close();
  }

  private static StreamIdentifier identifier(String arn) {
    return StreamIdentifier.singleStreamInstance(
        KinesisMapperUtil.createKinesisStreamIdentifierFromDynamoDBStreamsArn(arn, false));
  }

  @Test
  void theAdapterListsTheShardsAndReadsTheirCreationTimeFromTheirIds() {
    fixture.clock.advance(Duration.ofMillis(77));
    String arn = fixture.enable("Orders", "NEW_IMAGE");
    fixture.store.rollOverShards();

    DynamoDBStreamsShardDetector detector =
        new DynamoDBStreamsShardDetector(
            adapter, identifier(arn), 30, 50, 1000, Duration.ofSeconds(30));
    List<Shard> shards = detector.listShards();

    assertThat(shards).hasSize(2);
    assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
    assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isNotNull();
    assertThat(KinesisMapperUtil.getShardCreationTime(shards.get(0).shardId()))
        .isEqualTo(Instant.parse("2026-01-01T00:00:00.077Z"));
  }

  @Test
  void theDataFetcherReadsAShardToItsEndAndFindsItsChild() {
    String arn = fixture.enable("Orders", "NEW_IMAGE");
    String parent = fixture.onlyShard(arn).shardId();
    for (int i = 0; i < 5; i++) {
      fixture.insert(arn, "k" + i, i);
    }
    fixture.store.rollOverShards();
    String child = fixture.shards(arn).get(1).shardId();
    DynamoDBStreamsDataFetcher fetcher =
        new DynamoDBStreamsDataFetcher(
            adapter,
            new KinesisDataFetcherProviderConfig(
                identifier(arn), parent, new NullMetricsFactory(), 2, Duration.ofSeconds(30)));
    fetcher.initialize(
        ExtendedSequenceNumber.TRIM_HORIZON,
        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON));

    List<KinesisClientRecord> records = new ArrayList<>();
    List<ChildShard> children = new ArrayList<>();
    for (int call = 0; call < 10 && !fetcher.isShardEndReached(); call++) {
      DataFetcherResult result = fetcher.getRecords();
      GetRecordsResponseAdapter response = result.acceptAdapter();
      records.addAll(response.records());
      children.addAll(response.childShards());
    }

    assertThat(fetcher.isShardEndReached()).isTrue();
    assertThat(records).hasSize(5);
    assertThat(records)
        .extracting(KinesisClientRecord::sequenceNumber)
        .isSortedAccordingTo((a, b) -> new BigInteger(a).compareTo(new BigInteger(b)));
    assertThat(children).extracting(ChildShard::shardId).containsExactly(child);
    assertThat(children.get(0).parentShards()).containsExactly(parent);
  }

  @Test
  void theDataFetcherRestartsAfterACheckpointedSequenceNumber() {
    String arn = fixture.enable("Orders", "NEW_IMAGE");
    String shard = fixture.onlyShard(arn).shardId();
    for (int i = 0; i < 3; i++) {
      fixture.insert(arn, "k" + i, i);
    }
    String checkpoint = fixture.readAll(arn, shard).get(0).dynamodb().sequenceNumber();
    DynamoDBStreamsDataFetcher fetcher =
        new DynamoDBStreamsDataFetcher(
            adapter,
            new KinesisDataFetcherProviderConfig(
                identifier(arn), shard, new NullMetricsFactory(), 100, Duration.ofSeconds(30)));

    fetcher.initialize(
        new ExtendedSequenceNumber(checkpoint),
        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON));
    List<KinesisClientRecord> records = fetcher.getRecords().acceptAdapter().records();

    assertThat(records).hasSize(2);
    assertThat(fetcher.isShardEndReached()).as("an open shard").isFalse();
  }
}
