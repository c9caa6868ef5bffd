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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class BatchWritesIT {

  private static Map<String, AttributeValue> item(int i, int version) {
    return Map.of(
        "PK", AttributeValue.fromS("ITEM#" + i),
        "SK", AttributeValue.fromS("A"),
        "v", AttributeValue.fromN(Integer.toString(version)));
  }

  @Test
  void writesEveryItemOnceAndBuildsEachOnTheWritingThreads() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().create(local.client());
    Set<String> builtOn = ConcurrentHashMap.newKeySet();
    Map<Integer, Integer> built = new ConcurrentHashMap<>();

    BatchWrites.put(
        local.client(),
        table.name(),
        1_013,
        i -> {
          built.merge(i, 1, Integer::sum);
          builtOn.add(Thread.currentThread().getName());
          return item(i, 1);
        },
        3);
    BatchWrites.put(local.client(), table.name(), 1_013, i -> item(i, 2));

    assertThat(built).hasSize(1_013).allSatisfy((i, times) -> assertThat(times).isEqualTo(1));
    assertThat(builtOn).hasSize(3).doesNotContain(Thread.currentThread().getName());
    var records = table.reader(local.streamsClient()).awaitRecords(2_026, Duration.ofSeconds(10));
    Map<String, String> versionsPerItem =
        records.stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.dynamodb().keys().get("PK").s(),
                    Collectors.mapping(
                        r -> r.dynamodb().newImage().get("v").n(), Collectors.joining(","))));
    assertThat(versionsPerItem).hasSize(1_013).allSatisfy((k, v) -> assertThat(v).isEqualTo("1,2"));
  }

  @Test
  void aFailedRequestFailsTheCall() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    assertThatThrownBy(() -> BatchWrites.put(local.client(), "no-such-table", 60, i -> item(i, 1)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> BatchWrites.put(local.client(), "t", 1, i -> item(i, 1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads at least 1");
  }
}
