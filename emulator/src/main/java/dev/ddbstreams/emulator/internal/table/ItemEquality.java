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

import dev.ddbstreams.emulator.internal.value.Values;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Equality of stored items and values as the service sees them ({@link Values#equal}): sets compare
 * as sets, numbers by value, lists in order, maps by entries; either side may be absent.
 */
final class ItemEquality {

  private ItemEquality() {}

  static boolean items(
      @Nullable Map<String, AttributeValue> a, @Nullable Map<String, AttributeValue> b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
      AttributeValue other = b.get(e.getKey());
      if (other == null || !Values.equal(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  static boolean values(@Nullable AttributeValue a, @Nullable AttributeValue b) {
    return a == b || (a != null && b != null && Values.equal(a, b));
  }
}
