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
package dev.ddbstreams.emulator.internal.expr;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service's data rules for one {@code ExpressionAttributeValues} entry: a type is set, numbers
 * parse and lie within range, sets are neither empty nor hold duplicates, and nesting stays within
 * 32 levels. Errors name the placeholder, never the value. {@link #canonical} then rewrites the
 * numbers of a checked value in the form the service stores ({@code 1.50} as {@code 1.5}).
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

  /**
   * The value with every number, at any depth, in canonical form; the same instance if none
   * changes.
   */
  static AttributeValue canonical(AttributeValue value) {
    switch (value.type()) {
      case N:
        String n = Numbers.canonical(value.n());
        return n.equals(value.n()) ? value : AttributeValue.fromN(n);
      case NS:
        List<String> ns = new ArrayList<>(value.ns().size());
        for (String member : value.ns()) {
          ns.add(Numbers.canonical(member));
        }
        return ns.equals(value.ns()) ? value : AttributeValue.fromNs(ns);
      case L:
        List<AttributeValue> l = new ArrayList<>(value.l().size());
        boolean changed = false;
        for (AttributeValue element : value.l()) {
          AttributeValue c = canonical(element);
          changed |= c != element;
          l.add(c);
        }
        return changed ? AttributeValue.fromL(l) : value;
      case M:
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        boolean mapChanged = false;
        for (Map.Entry<String, AttributeValue> e : value.m().entrySet()) {
          AttributeValue c = canonical(e.getValue());
          mapChanged |= c != e.getValue();
          m.put(e.getKey(), c);
        }
        return mapChanged ? AttributeValue.fromM(m) : value;
      default:
        return value;
    }
  }
}
