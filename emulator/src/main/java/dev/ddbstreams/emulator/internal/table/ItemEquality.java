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
