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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class AttributeTypesIT {

  private static SdkBytes bytes(int... values) {
    byte[] array = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      array[i] = (byte) values[i];
    }
    return SdkBytes.fromByteArray(array);
  }

  /** One attribute of every type, nested types inside each other; numbers in canonical form. */
  private static Map<String, AttributeValue> everyType() {
    return Map.ofEntries(
        Map.entry("PK", AttributeValue.fromS("USER#1")),
        Map.entry("SK", AttributeValue.fromS("TYPES")),
        Map.entry("s", AttributeValue.fromS("héllo ✓")),
        Map.entry("n", AttributeValue.fromN("-12345678901234567890.125")),
        Map.entry("b", AttributeValue.fromB(bytes(0, 1, 127, 128, 255))),
        Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
        Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.5"))),
        Map.entry("bs", AttributeValue.fromBs(List.of(bytes(1), bytes(2, 3)))),
        Map.entry(
            "m",
            AttributeValue.fromM(
                Map.of(
                    "inner", AttributeValue.fromS("x"),
                    "list", AttributeValue.fromL(List.of(AttributeValue.fromN("7")))))),
        Map.entry(
            "l",
            AttributeValue.fromL(
                List.of(
                    AttributeValue.fromS("first"),
                    AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(false))),
                    AttributeValue.fromNul(true)))),
        Map.entry("nul", AttributeValue.fromNul(true)),
        Map.entry("bool", AttributeValue.fromBool(true)));
  }

  @Test
  void everyAttributeTypeRoundTripsThroughTheStreamUnchanged() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().create(local.client());
    StreamReader reader = table.reader(local.streamsClient());
    Map<String, AttributeValue> item = everyType();

    local.client().putItem(b -> b.tableName(table.name()).item(item));
    local
        .client()
        .deleteItem(
            b -> b.tableName(table.name()).key(Map.of("PK", item.get("PK"), "SK", item.get("SK"))));
    List<Record> records = reader.awaitRecords(2, Duration.ofSeconds(10));

    assertThat(records.get(0).dynamodb().newImage()).isEqualTo(item);
    assertThat(records.get(1).dynamodb().oldImage()).isEqualTo(item);
    assertThat(records.get(0).dynamodb().keys())
        .isEqualTo(Map.of("PK", item.get("PK"), "SK", item.get("SK")));
  }
}
