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
package dev.ddbstreams.emulator.internal.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.ManualClock;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/** The store itself: its contract with the table layer, and reads racing writes. */
class StreamStoreTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<KeySchemaElement> KEY =
      List.of(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());

  private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));

  private static ChangeRecord insert(String pk, int n) {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(pk));
    Map<String, AttributeValue> item =
        Map.of("pk", AttributeValue.fromS(pk), "n", AttributeValue.fromN(Integer.toString(n)));
    return new ChangeRecord("INSERT", key, null, item, false);
  }

  @Test
  void theTableLayersMistakesFailFast() {
    StreamStore store =
        new StreamStore(clock, "us-east-1", "000000000000", StreamSettings.of(2, Duration.ZERO));
    String arn = store.enable("Orders", "KEYS_ONLY", KEY).streamArn();

    assertThatThrownBy(() -> store.enable("Orders", "EVERYTHING", KEY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.append(arn + "x", insert("a", 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.append(arn, new ChangeRecord("UPSERT", Map.of(), null, null, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.append(arn, new ChangeRecord("INSERT", Map.of(), null, null, false)))
        .as("keys without the partition key")
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * One writer appends and rolls shards over while one reader per shard line reads on, following
   * each shard end to its child as the Kinesis adapter does: every item's records arrive once, in
   * order.
   */
  @Test
  void readersFollowingShardEndsSeeEveryRecordOnceAndInOrderWhileTheWriterRollsOver()
      throws Exception {
    StreamStore store =
        new StreamStore(clock, "us-east-1", "000000000000", StreamSettings.of(2, Duration.ZERO));
    OperationRegistry registry = new OperationRegistry();
    store.register(registry);
    String arn = store.enable("Orders", "NEW_IMAGE", KEY).streamArn();
    JsonNode roots =
        call(registry, "DescribeStream", JSON.createObjectNode().put("StreamArn", arn))
            .get("StreamDescription")
            .get("Shards");
    int records = 20_000;
    AtomicInteger seen = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<Map<String, Integer>>> readers = new ArrayList<>();
    for (JsonNode root : roots) {
      readers.add(
          threads.submit(
              () -> readLine(registry, arn, root.get("ShardId").textValue(), seen, records)));
    }

    for (int i = 0; i < records; i++) {
      store.append(arn, insert("k" + (i % 50), i / 50));
      if (i % 1_000 == 999) {
        store.rollOverShards();
      }
    }

    Map<String, Integer> lastByKey = new HashMap<>();
    for (Future<Map<String, Integer>> reader : readers) {
      Map<String, Integer> last = reader.get(60, TimeUnit.SECONDS);
      assertThat(Collections.disjoint(last.keySet(), lastByKey.keySet()))
          .as("each item in one line of shards")
          .isTrue();
      lastByKey.putAll(last);
    }
    threads.shutdown();
    assertThat(seen.get()).isEqualTo(records);
    assertThat(lastByKey).hasSize(50).allSatisfy((k, n) -> assertThat(n).isEqualTo(399));
  }

  /** Reads one line of shards from its root on; checks each key's values count up from 0. */
  private static Map<String, Integer> readLine(
      OperationRegistry registry, String arn, String rootShard, AtomicInteger seen, int total) {
    Map<String, Integer> last = new HashMap<>();
    String shard = rootShard;
    String iterator = iterator(registry, arn, shard);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (seen.get() < total) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Saw " + seen.get() + " of " + total + " records");
      }
      JsonNode response =
          call(
              registry,
              "GetRecords",
              JSON.createObjectNode().put("ShardIterator", iterator).put("Limit", 100));
      for (JsonNode record : response.get("Records")) {
        JsonNode image = record.get("dynamodb").get("NewImage");
        String pk = image.get("pk").get("S").textValue();
        int n = Integer.parseInt(image.get("n").get("N").textValue());
        if (n != last.getOrDefault(pk, -1) + 1) {
          throw new AssertionError(pk + " value " + n + " after " + last.get(pk));
        }
        last.put(pk, n);
        seen.incrementAndGet();
      }
      JsonNode next = response.get("NextShardIterator");
      if (next != null) {
        iterator = next.textValue();
        continue;
      }
      // Shard end: ask for the child, as the adapter does; it appears right after the close.
      JsonNode children;
      do {
        ObjectNode describe = JSON.createObjectNode().put("StreamArn", arn);
        describe.putObject("ShardFilter").put("Type", "CHILD_SHARDS").put("ShardId", shard);
        children =
            call(registry, "DescribeStream", describe).get("StreamDescription").get("Shards");
      } while (children.isEmpty() && System.nanoTime() < deadline);
      assertThat(children).hasSize(1);
      shard = children.get(0).get("ShardId").textValue();
      iterator = iterator(registry, arn, shard);
    }
    return last;
  }

  private static String iterator(OperationRegistry registry, String arn, String shard) {
    ObjectNode request =
        JSON.createObjectNode()
            .put("StreamArn", arn)
            .put("ShardId", shard)
            .put("ShardIteratorType", "TRIM_HORIZON");
    return call(registry, "GetShardIterator", request).get("ShardIterator").textValue();
  }

  /** Runs an operation and reads its answer back as the wire would carry it. */
  private static JsonNode call(OperationRegistry registry, String operation, ObjectNode request) {
    try {
      JsonNode answer = registry.find(OperationRegistry.STREAMS + operation).handle(request);
      return JSON.readTree(JSON.writeValueAsBytes(answer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
