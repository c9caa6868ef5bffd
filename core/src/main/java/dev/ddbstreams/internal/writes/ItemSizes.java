package dev.ddbstreams.internal.writes;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sizes of items and attribute values by DynamoDB's published rules: names and strings in UTF-8
 * bytes, binaries in raw bytes, numbers about one byte per two significant digits plus one,
 * booleans and nulls one byte, lists and maps three bytes plus one per element and their elements.
 */
public final class ItemSizes {
  private ItemSizes() {}

  /**
   * Returns the size of an item or key.
   *
   * @param attributes attribute names and values
   * @return bytes
   */
  public static long of(Map<String, AttributeValue> attributes) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
      bytes += utf8(e.getKey()) + of(e.getValue());
    }
    return bytes;
  }

  /**
   * Returns the size of one value, without its name.
   *
   * @param value the value
   * @return bytes
   */
  public static long of(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> number(value.n());
      case B -> value.b().asByteArrayUnsafe().length;
      case BOOL, NUL -> 1;
      case SS -> value.ss().stream().mapToLong(ItemSizes::utf8).sum();
      case NS -> value.ns().stream().mapToLong(ItemSizes::number).sum();
      case BS -> value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
      case L -> list(value.l());
      case M -> 3 + value.m().size() + of(value.m());
      case UNKNOWN_TO_SDK_VERSION -> 0;
    };
  }

  private static long list(List<AttributeValue> values) {
    long bytes = 3 + values.size();
    for (AttributeValue v : values) {
      bytes += of(v);
    }
    return bytes;
  }

  private static long number(String text) {
    String digits;
    try {
      digits = new BigDecimal(text).unscaledValue().abs().toString();
    } catch (NumberFormatException notANumber) {
      return 21; // DynamoDB's largest number; the service rejects the value anyway
    }
    String significant = digits.replaceAll("^0+|0+$", "");
    return (Math.max(1, significant.length()) + 1) / 2 + 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
