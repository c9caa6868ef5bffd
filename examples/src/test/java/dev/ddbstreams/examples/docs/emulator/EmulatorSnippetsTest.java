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
package dev.ddbstreams.examples.docs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.Fault;
import dev.ddbstreams.emulator.ManualClock;
import dev.ddbstreams.testkit.StreamTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** docs/emulator.md, run: the opening example does what its comments say. */
class EmulatorSnippetsTest {

  @Test
  void theOpeningExampleWritesThroughThrottlingReadsAcrossAShardEndAndTrimsAfterADay() {
    List<Record> read;
    List<Record> afterRetention;
    long throttled;
    // tag::start[]
    ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    try (DynamoDbEmulator emulator = DynamoDbEmulator.builder().clock(clock).start()) {
      DynamoDbClient ddb = emulator.client(); // real SDK clients on a loopback port
      DynamoDbStreamsClient streams = emulator.streamsClient();
      StreamTable table = StreamTable.builder().create(ddb); // a table with a stream
      emulator.faults().add(Fault.throttling().onOperations("PutItem").times(2)); // SDK retries
      ddb.putItem(b -> b.tableName(table.name()).item(item("PET#1")));
      emulator.rollOverShards(); // close every open shard now: reads cross a shard end
      ddb.putItem(b -> b.tableName(table.name()).item(item("PET#2")));
      read = table.reader(streams).readAll(); // 2 records, parent shard first
      clock.advance(Duration.ofHours(25)); // past the 24-hour retention: records are trimmed
      afterRetention = table.reader(streams).readAll(); // none
      throttled = emulator.faults().firedCount(Fault.Kind.THROTTLING); // 2
    }
    // end::start[]
    assertThat(throttled).isEqualTo(2);
    assertThat(read)
        .extracting(r -> r.dynamodb().keys().get("SK").s())
        .containsExactly("PET#1", "PET#2");
    assertThat(afterRetention).isEmpty();
  }

  private static Map<String, AttributeValue> item(String sk) {
    return Map.of("PK", AttributeValue.fromS("USER#1"), "SK", AttributeValue.fromS(sk));
  }
}
