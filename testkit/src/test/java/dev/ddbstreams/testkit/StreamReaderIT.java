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
package dev.ddbstreams.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;

class StreamReaderIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static void put(DynamoDbClient client, StreamTable table, String pk) {
    client.putItem(
        b ->
            b.tableName(table.name())
                .item(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("A"))));
  }

  private static List<String> partitionKeys(List<Record> records) {
    return records.stream().map(r -> r.dynamodb().keys().get("PK").s()).toList();
  }

  @Test
  void readNewReturnsEachRecordOnceAndReadAllStartsOver() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().create(local.client());
    StreamReader reader = table.reader(local.streamsClient());

    put(local.client(), table, "a");
    put(local.client(), table, "b");
    assertThat(partitionKeys(reader.readNew())).containsExactly("a", "b");
    assertThat(reader.readNew()).isEmpty();

    put(local.client(), table, "c");
    assertThat(partitionKeys(reader.readNew())).containsExactly("c");
    assertThat(partitionKeys(reader.readAll())).containsExactly("a", "b", "c");
    assertThat(reader.readNew()).isEmpty();
  }

  @Test
  void readsAcrossShardRolloversParentsFirst() {
    try (DynamoDbEmulator local = DynamoDbEmulator.start()) {
      StreamTable table = StreamTable.builder().create(local.client());
      StreamReader reader = table.reader(local.streamsClient());

      put(local.client(), table, "1");
      put(local.client(), table, "2");
      assertThat(partitionKeys(reader.readNew())).containsExactly("1", "2");
      local.rollOverShards();
      put(local.client(), table, "3");
      local.rollOverShards();
      put(local.client(), table, "4");

      assertThat(partitionKeys(reader.readNew())).containsExactly("3", "4");
      List<Shard> shards =
          local
              .streamsClient()
              .describeStream(b -> b.streamArn(table.streamArn()))
              .streamDescription()
              .shards();
      assertThat(shards).hasSize(3);
      assertThat(partitionKeys(StreamReader.of(local.streamsClient(), table.streamArn()).readAll()))
          .containsExactly("1", "2", "3", "4");
    }
  }

  @Test
  void awaitRecordsWaitsForRecordsWrittenLater() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().create(local.client());
    StreamReader reader = table.reader(local.streamsClient());

    CompletableFuture<Void> later =
        CompletableFuture.runAsync(
            () -> {
              Sleeper.sleep(Duration.ofMillis(300), "the test's delay");
              put(local.client(), table, "late");
            });

    assertThat(partitionKeys(reader.awaitRecords(1, WAIT))).containsExactly("late");
    later.join();
  }

  @Test
  void awaitRecordsFailsWithWhatItGotOnTimeout() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().create(local.client());
    StreamReader reader = table.reader(local.streamsClient());
    put(local.client(), table, "only");

    assertThatThrownBy(() -> reader.awaitRecords(2, Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("at least 2 new records on " + table.streamArn())
        .hasMessageContaining("but got 1")
        .hasMessageContaining("INSERT {")
        .hasMessageContaining("PK=AttributeValue(S=only)");
  }
}
