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
package dev.ddbstreams.emulator.conformance;

import static dev.ddbstreams.emulator.conformance.Conformance.attribute;
import static dev.ddbstreams.emulator.conformance.Conformance.item;
import static dev.ddbstreams.emulator.conformance.Conformance.key;
import static dev.ddbstreams.emulator.conformance.Conformance.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The table layer's side of DynamoDB Streams, read back through the real Streams client. */
class StreamsIT {

  private static void createStreamTable(DynamoDbClient ddb, String name) {
    ddb.createTable(
        b ->
            b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                .streamSpecification(
                    s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
  }

  private static List<Record> records(DynamoDbStreamsClient streams, String arn) {
    String shard =
        streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
    String it =
        streams
            .getShardIterator(
                b ->
                    b.streamArn(arn)
                        .shardId(shard)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    return streams.getRecords(b -> b.shardIterator(it)).records();
  }

  @Test
  @DisplayName(
      "CreateTable with a stream: DescribeTable reports it; writes that change items are records")
  void writesBecomeRecords() {
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbClient ddb = emulator.client();
      createStreamTable(ddb, "Streamed");
      TableDescription t = ddb.describeTable(b -> b.tableName("Streamed")).table();
      assertThat(t.streamSpecification().streamViewType())
          .isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
      assertThat(t.latestStreamArn()).startsWith(t.tableArn() + "/stream/");
      assertThat(t.latestStreamLabel()).isNotBlank();

      ddb.putItem(b -> b.tableName("Streamed").item(item("pk", "a", "v", n("1"))));
      ddb.putItem(b -> b.tableName("Streamed").item(item("pk", "a", "v", n("1.0")))); // no change
      ddb.putItem(b -> b.tableName("Streamed").item(item("pk", "a", "v", n("2"))));
      ddb.deleteItem(b -> b.tableName("Streamed").key(item("pk", "a")));
      ddb.deleteItem(b -> b.tableName("Streamed").key(item("pk", "a"))); // nothing to delete

      List<Record> records = records(emulator.streamsClient(), t.latestStreamArn());
      assertThat(records)
          .extracting(r -> r.eventNameAsString())
          .containsExactly("INSERT", "MODIFY", "REMOVE");
      assertThat(records.get(1).dynamodb().oldImage().get("v")).isEqualTo(n("1"));
      assertThat(records.get(1).dynamodb().newImage().get("v")).isEqualTo(n("2"));

      assertThatThrownBy(
              () ->
                  ddb.updateTable(
                      b ->
                          b.tableName("Streamed")
                              .streamSpecification(
                                  s ->
                                      s.streamEnabled(true)
                                          .streamViewType(StreamViewType.KEYS_ONLY))))
          .isInstanceOf(DynamoDbException.class)
          .hasMessageContaining("Table already has an enabled stream");
    }
  }

  @Test
  @DisplayName("A TTL sweep writes REMOVE records by the service principal")
  void ttlDeletesAreServiceRecords() {
    ManualClock clock = ManualClock.at(Instant.parse("2026-05-01T00:00:00Z"));
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().clock(clock).ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbClient ddb = emulator.client();
      createStreamTable(ddb, "Expiring");
      ddb.updateTimeToLive(
          b ->
              b.tableName("Expiring")
                  .timeToLiveSpecification(s -> s.enabled(true).attributeName("ttl")));
      long now = clock.instant().getEpochSecond();
      ddb.putItem(
          b -> b.tableName("Expiring").item(item("pk", "x", "ttl", n(Long.toString(now + 5)))));
      clock.advance(Duration.ofSeconds(10));
      assertThat(emulator.sweepTimeToLive()).isEqualTo(1);
      String arn = ddb.describeTable(b -> b.tableName("Expiring")).table().latestStreamArn();
      List<Record> records = records(emulator.streamsClient(), arn);
      assertThat(records)
          .extracting(r -> r.eventNameAsString())
          .containsExactly("INSERT", "REMOVE");
      assertThat(records.get(1).userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
      assertThat(records.get(1).userIdentity().type()).isEqualTo("Service");
    }
  }
}
