package dev.ddbstreams.emulator.internal.table;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Equality of stored items and values as the service sees them: sets compare as sets (element order
 * is not part of the value), numbers by their canonical text, lists in order, maps by entries.
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
      if (other == null || !values(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  static boolean values(@Nullable AttributeValue a, @Nullable AttributeValue b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null || a.type() != b.type()) {
      return false;
    }
    switch (a.type()) {
      case SS:
        return sameSet(a.ss(), b.ss());
      case NS:
        return sameSet(a.ns(), b.ns());
      case BS:
        return sameBytes(a.bs(), b.bs());
      case L:
        {
          List<AttributeValue> x = a.l();
          List<AttributeValue> y = b.l();
          if (x.size() != y.size()) {
            return false;
          }
          for (int i = 0; i < x.size(); i++) {
            if (!values(x.get(i), y.get(i))) {
              return false;
            }
          }
          return true;
        }
      case M:
        return items(a.m(), b.m());
      default:
        return a.equals(b);
    }
  }

  private static boolean sameSet(List<String> x, List<String> y) {
    return x.size() == y.size() && new HashSet<>(x).containsAll(y);
  }

  private static boolean sameBytes(List<SdkBytes> x, List<SdkBytes> y) {
    if (x.size() != y.size()) {
      return false;
    }
    HashSet<ByteBuffer> set = new HashSet<>();
    for (SdkBytes b : x) {
      set.add(ByteBuffer.wrap(b.asByteArrayUnsafe()));
    }
    for (SdkBytes b : y) {
      if (!set.contains(ByteBuffer.wrap(b.asByteArrayUnsafe()))) {
        return false;
      }
    }
    return true;
  }
}
