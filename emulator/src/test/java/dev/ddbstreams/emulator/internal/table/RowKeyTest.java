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
package dev.ddbstreams.emulator.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RowKeyTest {

  @Test
  void segmentsSplitTheHashRangeIntoContiguousParts() {
    int total = 7;
    TreeMap<RowKey, Integer> rows = new TreeMap<>();
    for (int i = 0; i < 2000; i++) {
      rows.put(RowKey.of(AttributeValue.fromS("k" + i), null), i);
    }
    int previous = 0;
    int[] counts = new int[total];
    for (RowKey k : rows.keySet()) {
      int s = RowKey.segmentOf(k.hash, total);
      assertThat(s).isBetween(previous, total - 1);
      previous = s;
      counts[s]++;
      assertThat(Long.compareUnsigned(k.hash, RowKey.segmentStart(s, total)))
          .isGreaterThanOrEqualTo(0);
    }
    for (int c : counts) {
      assertThat(c).isBetween(200, 400);
    }
  }

  @Test
  void aPartitionsRowsSortBetweenItsBoundsInSortKeyOrder() {
    AttributeValue pk = AttributeValue.fromS("p");
    TreeMap<RowKey, String> rows = new TreeMap<>();
    rows.put(RowKey.of(pk, AttributeValue.fromN("10")), "10");
    rows.put(RowKey.of(pk, AttributeValue.fromN("9")), "9");
    rows.put(RowKey.of(AttributeValue.fromS("q"), AttributeValue.fromN("1")), "other");
    assertThat(rows.subMap(RowKey.partitionStart(pk), RowKey.partitionEnd(pk)).values())
        .containsExactly("9", "10");
  }

  @Test
  void itemSizesFollowThePublishedRules() {
    assertThat(ItemSize.numberSize("12345")).isEqualTo(4);
    assertThat(ItemSize.numberSize("-0.001")).isEqualTo(2);
    assertThat(ItemSize.numberSize("100")).isEqualTo(2);
    assertThat(ItemSize.utf8Length("é€😀")).isEqualTo(2 + 3 + 4);
    assertThat(
            ItemSize.valueSize(AttributeValue.fromM(Map.of("ab", AttributeValue.fromBool(true)))))
        .isEqualTo(3 + 1 + 2 + 1);
  }
}
