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
package dev.ddbstreams.emulator.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item size as the Developer Guide's "Item sizes and formats" page counts it. */
class ItemSizeTest {

  @ParameterizedTest
  @CsvSource({
    "0, 2", // one significant digit
    "7, 2",
    "12, 2",
    "123, 3",
    "100, 2", // trailing zeros are not significant
    "0.001, 2", // nor leading ones
    "-12345, 4",
    "1.5E+10, 2",
    "12345678901234567890123456789012345678, 20", // 38 digits
  })
  void aNumberTakesOneBytePerTwoSignificantDigitsPlusOne(String number, long bytes) {
    assertThat(ItemSize.valueSize(AttributeValue.fromN(number))).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "zürich", "✓ check", "emoji 😀", "日本語"})
  void aStringTakesItsUtf8Bytes(String s) {
    assertThat(ItemSize.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    assertThat(ItemSize.valueSize(AttributeValue.fromS(s)))
        .isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void anItemIsItsNamesPlusItsValuesWithListAndMapOverheads() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("id", AttributeValue.fromS("abc")); // 2 + 3
    item.put("flag", AttributeValue.fromBool(true)); // 4 + 1
    item.put("none", AttributeValue.fromNul(true)); // 4 + 1
    item.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10]))); // 3 + 10
    item.put("tags", AttributeValue.fromSs(List.of("a", "bc"))); // 4 + 3
    item.put("nums", AttributeValue.fromNs(List.of("1", "22"))); // 4 + 2 + 2
    item.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x")))); // 4 + 3 + 1 + 1
    item.put("map", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("vv")))); // 3+3+1+1+2
    item.put("empty", AttributeValue.fromL(List.of())); // 5 + 3

    assertThat(ItemSize.of(item)).isEqualTo(5 + 5 + 5 + 13 + 7 + 8 + 9 + 10 + 8);
  }
}
