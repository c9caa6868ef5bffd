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

import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.streams.ChangeRecord;
import dev.ddbstreams.emulator.internal.streams.StreamSettings;
import dev.ddbstreams.emulator.internal.streams.StreamStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A stream store behind a real HTTP front, read with the real SDK streams client, for tests of the
 * streams layer before the table layer exists: tests append {@link ChangeRecord}s directly, as the
 * table layer will, and move a {@link ManualClock}.
 */
final class StreamFixture implements AutoCloseable {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final List<KeySchemaElement> HASH_KEY =
      List.of(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
  static final List<KeySchemaElement> HASH_AND_RANGE_KEY =
      List.of(
          KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
          KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());

  final ManualClock clock = ManualClock.at(START);
  final StreamStore store;
  final Faults faults = new Faults();
  final DynamoDbStreamsClient client;
  private final HttpFront front;

  StreamFixture() {
    this(StreamSettings.of(1, Duration.ZERO));
  }

  StreamFixture(StreamSettings settings) {
    store = new StreamStore(clock, "us-east-1", "123456789012", settings);
    OperationRegistry registry = new OperationRegistry();
    store.register(registry);
    try {
      front = new HttpFront(0, registry, faults);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    client =
        DynamoDbStreamsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + front.port()))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
            .build();
  }

  /** Enables a stream on a table keyed by {@code pk}. */
  String enable(String table, String viewType) {
    return store.enable(table, viewType, HASH_KEY).streamArn();
  }

  /** Appends an INSERT of {@code {pk: S, n: N}}. */
  void insert(String arn, String pk, int n) {
    store.append(arn, new ChangeRecord("INSERT", key(pk), null, item(pk, n), false));
  }

  static Map<String, AttributeValue> key(String pk) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    key.put("pk", AttributeValue.fromS(pk));
    return key;
  }

  static Map<String, AttributeValue> item(String pk, int n) {
    Map<String, AttributeValue> item = key(pk);
    item.put("n", AttributeValue.fromN(Integer.toString(n)));
    return item;
  }

  List<Shard> shards(String arn) {
    return client.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
  }

  Shard onlyShard(String arn) {
    List<Shard> shards = shards(arn);
    if (shards.size() != 1) {
      throw new AssertionError("Expected one shard, got " + shards);
    }
    return shards.get(0);
  }

  String iterator(String arn, String shardId, ShardIteratorType type) {
    return client
        .getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type))
        .shardIterator();
  }

  String trimHorizon(String arn, String shardId) {
    return iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON);
  }

  GetRecordsResponse records(String iterator) {
    return client.getRecords(b -> b.shardIterator(iterator));
  }

  /** Reads a shard from TRIM_HORIZON until no records come back (or the shard ends). */
  List<Record> readAll(String arn, String shardId) {
    List<Record> all = new ArrayList<>();
    String iterator = trimHorizon(arn, shardId);
    while (iterator != null) {
      GetRecordsResponse response = records(iterator);
      all.addAll(response.records());
      if (response.records().isEmpty()) {
        break;
      }
      iterator = response.nextShardIterator();
    }
    return all;
  }

  @Override
  public void close() {
    client.close();
    front.close();
  }
}
