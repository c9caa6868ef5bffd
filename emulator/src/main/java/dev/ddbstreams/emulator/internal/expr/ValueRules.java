package dev.ddbstreams.emulator.internal.expr;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.Numbers;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service's data rules for one {@code ExpressionAttributeValues} entry: a type is set, numbers
 * parse and lie within range, sets are neither empty nor hold duplicates, and nesting stays within
 * 32 levels. Errors name the placeholder, never the value.
 */
final class ValueRules {

  static final int MAX_NESTING = 32;

  private ValueRules() {}

  static void check(AttributeValue value, String key) {
    check(value, key, 0);
  }

  private static void check(AttributeValue value, String key, int depth) {
    if (depth > MAX_NESTING) {
      throw invalid("Nesting Levels have exceeded supported limits", key);
    }
    switch (value.type()) {
      case N:
        number(value.n(), key);
        break;
      case SS:
        set(value.ss(), "string", key, s -> s);
        break;
      case NS:
        set(value.ns(), "number", key, n -> number(n, key).stripTrailingZeros());
        break;
      case BS:
        set(value.bs(), "binary", key, SdkBytes::asByteBuffer);
        break;
      case L:
        for (AttributeValue element : value.l()) {
          check(element, key, depth + 1);
        }
        break;
      case M:
        for (AttributeValue element : value.m().values()) {
          check(element, key, depth + 1);
        }
        break;
      case UNKNOWN_TO_SDK_VERSION:
        throw invalid(
            "Supplied AttributeValue is empty, must contain exactly one of the supported"
                + " datatypes",
            key);
      default:
        break;
    }
  }

  private static BigDecimal number(String text, String key) {
    try {
      return Numbers.parse(text);
    } catch (AwsException e) {
      throw invalid(e.getMessage(), key);
    }
  }

  private static <T> void set(
      List<T> elements, String kind, String key, Function<T, Object> identity) {
    if (elements.isEmpty()) {
      throw invalid(
          "One or more parameter values were invalid: An " + kind + " set  may not be empty", key);
    }
    Set<Object> seen = new HashSet<>();
    for (T element : elements) {
      if (!seen.add(identity.apply(element))) {
        throw invalid("Input collection contains duplicates", key);
      }
    }
  }

  private static AwsException invalid(String detail, String key) {
    return AwsException.validation(
        "ExpressionAttributeValues contains invalid value: " + detail + " for key " + key);
  }
}
