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

import dev.ddbstreams.emulator.internal.streams.ChangeRecord;
import dev.ddbstreams.emulator.internal.streams.StreamSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.Stream;

/** Limits and pages: GetRecords' Limit and 1 MB, ListStreams' and DescribeStream's pages. */
class StreamPagingTest {

  private final StreamFixture fixture = new StreamFixture(StreamSettings.of(3, Duration.ZERO));

  @AfterEach
  void close() {
    fixture.close();
  }

  private List<String> pks(GetRecordsResponse response) {
    return response.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
  }

  @Test
  void getRecordsReturnsAtMostLimitRecordsAndContinuesWhereItStopped() {
    StreamFixture one = new StreamFixture();
    try (one) {
      String arn = one.enable("Orders", "KEYS_ONLY");
      for (int i = 0; i < 5; i++) {
        one.insert(arn, "k" + i, i);
      }
      String iterator = one.trimHorizon(arn, one.onlyShard(arn).shardId());

      GetRecordsResponse first = one.client.getRecords(b -> b.shardIterator(iterator).limit(2));
      GetRecordsResponse second =
          one.client.getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(2));
      GetRecordsResponse third =
          one.client.getRecords(b -> b.shardIterator(second.nextShardIterator()).limit(2));

      assertThat(pks(first)).containsExactly("k0", "k1");
      assertThat(pks(second)).containsExactly("k2", "k3");
      assertThat(pks(third)).containsExactly("k4");
    }
  }

  @Test
  void getRecordsAnswersAtMostOneMegabyte() {
    StreamFixture one = new StreamFixture();
    try (one) {
      String arn = one.enable("Blobs", "NEW_IMAGE");
      String text = "x".repeat(100_000);
      for (int i = 0; i < 25; i++) {
        Map<String, AttributeValue> item = StreamFixture.item("k" + i, i);
        item.put("text", AttributeValue.fromS(text));
        one.store.append(
            arn, new ChangeRecord("INSERT", StreamFixture.key("k" + i), null, item, false));
      }
      String shardId = one.onlyShard(arn).shardId();

      List<Record> all = new ArrayList<>();
      List<Integer> pageSizes = new ArrayList<>();
      String iterator = one.trimHorizon(arn, shardId);
      while (all.size() < 25) {
        GetRecordsResponse page = one.records(iterator);
        long bytes = page.records().stream().mapToLong(r -> r.dynamodb().sizeBytes()).sum();
        assertThat(bytes).isLessThanOrEqualTo(1024 * 1024);
        pageSizes.add(page.records().size());
        all.addAll(page.records());
        iterator = page.nextShardIterator();
      }

      assertThat(pageSizes)
          .hasSizeGreaterThanOrEqualTo(3)
          .allSatisfy(n -> assertThat(n).isPositive());
      assertThat(pageSizes.get(0)).isBetween(9, 10);
      assertThat(all)
          .extracting(r -> r.dynamodb().keys().get("pk").s())
          .containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "k" + i).toList());
    }
  }

  @Test
  void listStreamsPagesByLastEvaluatedStreamArnAndFiltersByTable() {
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      orders.add(fixture.enable("Orders", "KEYS_ONLY"));
      fixture.store.disable(orders.get(i));
      fixture.clock.advance(Duration.ofMinutes(1));
    }
    fixture.enable("Customers", "KEYS_ONLY");
    fixture.enable("Invoices", "KEYS_ONLY");

    List<String> seen = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      String exclusiveStart = start;
      ListStreamsResponse page =
          fixture.client.listStreams(b -> b.limit(2).exclusiveStartStreamArn(exclusiveStart));
      assertThat(page.streams()).hasSizeLessThanOrEqualTo(2);
      page.streams().forEach(s -> seen.add(s.streamArn()));
      start = page.lastEvaluatedStreamArn();
      pages++;
    } while (start != null);

    assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    assertThat(pages).isEqualTo(3);
    List<Stream> ofOrders = fixture.client.listStreams(b -> b.tableName("Orders")).streams();
    assertThat(ofOrders).extracting(Stream::streamArn).containsExactlyInAnyOrderElementsOf(orders);
    assertThat(ofOrders)
        .allSatisfy(
            s -> {
              assertThat(s.tableName()).isEqualTo("Orders");
              assertThat(s.streamArn()).endsWith("/stream/" + s.streamLabel());
            });
  }

  @Test
  void describeStreamPagesShardsByLastEvaluatedShardId() {
    String arn = fixture.enable("Orders", "KEYS_ONLY");
    fixture.store.rollOverShards();
    fixture.store.rollOverShards(); // 3 shards per stream, three generations: 9 shards

    List<String> seen = new ArrayList<>();
    String start = null;
    do {
      String exclusiveStart = start;
      DescribeStreamResponse page =
          fixture.client.describeStream(
              b -> b.streamArn(arn).limit(4).exclusiveStartShardId(exclusiveStart));
      assertThat(page.streamDescription().shards()).hasSizeLessThanOrEqualTo(4);
      page.streamDescription().shards().forEach(s -> seen.add(s.shardId()));
      start = page.streamDescription().lastEvaluatedShardId();
    } while (start != null);

    assertThat(seen).hasSize(9).doesNotHaveDuplicates().isSorted();
    assertThat(fixture.shards(arn)).extracting(Shard::shardId).containsExactlyElementsOf(seen);
    assertThat(
            fixture
                .client
                .describeStream(b -> b.streamArn(arn).limit(9))
                .streamDescription()
                .lastEvaluatedShardId())
        .as("no more shards, no LastEvaluatedShardId")
        .isNull();
  }
}
