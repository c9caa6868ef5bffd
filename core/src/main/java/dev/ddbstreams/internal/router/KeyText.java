package dev.ddbstreams.internal.router;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Renders item keys for logs: {@code PK=USER#1, SK=PET#2}. Keys only, never other attributes. */
final class KeyText {
  private KeyText() {}

  static String of(Map<String, AttributeValue> keys) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, AttributeValue> e : new TreeMap<>(keys).entrySet()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      AttributeValue v = e.getValue();
      sb.append(e.getKey()).append('=');
      if (v.s() != null) {
        sb.append(v.s());
      } else if (v.n() != null) {
        sb.append(v.n());
      } else if (v.b() != null) {
        sb.append("<").append(v.b().asByteArrayUnsafe().length).append(" bytes>");
      } else {
        sb.append('?');
      }
    }
    return sb.toString();
  }
}
