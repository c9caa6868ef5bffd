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
package dev.ddbstreams.diff;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Equality of attribute values as DynamoDB means it: numbers by value, sets as sets, binaries by
 * content, maps and lists by their elements.
 *
 * <p>Every check tries the cheap comparison first (same reference, equal text, equal lists) and
 * parses numbers or builds hash sets only when that fails.
 */
final class ValueEquality {
  private ValueEquality() {}

  /**
   * Returns whether two values are the same by value.
   *
   * @param a a value
   * @param b another value
   * @return true when equal by DynamoDB's meaning
   */
  static boolean same(AttributeValue a, AttributeValue b) {
    if (a == b) {
      return true;
    }
    AttributeValue.Type type = a.type();
    if (type != b.type()) {
      return false;
    }
    if (type == AttributeValue.Type.M) {
      return sameMap(a.m(), b.m());
    }
    if (type == AttributeValue.Type.L) {
      return sameList(a.l(), b.l());
    }
    return sameScalar(type, a, b);
  }

  static boolean sameMap(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (a == b) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
      AttributeValue other = b.get(e.getKey());
      if (other == null || !same(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
    if (a == b) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    Iterator<AttributeValue> ia = a.iterator();
    Iterator<AttributeValue> ib = b.iterator();
    while (ia.hasNext()) {
      if (!same(ia.next(), ib.next())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compares two values of one type that is neither a map nor a list.
   *
   * @param type the type both values have
   * @param a a value
   * @param b another value
   * @return true when equal by value
   */
  static boolean sameScalar(AttributeValue.Type type, AttributeValue a, AttributeValue b) {
    switch (type) {
      case S:
        return Objects.equals(a.s(), b.s());
      case N:
        return sameNumber(a.n(), b.n());
      case B:
        return Objects.equals(a.b(), b.b());
      case BOOL:
        return Objects.equals(a.bool(), b.bool());
      case NUL:
        return Objects.equals(a.nul(), b.nul());
      case SS:
        return a.ss().equals(b.ss()) || new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
      case BS:
        return a.bs().equals(b.bs()) || new HashSet<>(a.bs()).equals(new HashSet<>(b.bs()));
      case NS:
        return a.ns().equals(b.ns()) || numberSet(a.ns()).equals(numberSet(b.ns()));
      default:
        return a.equals(b);
    }
  }

  /**
   * Compares two DynamoDB numbers by value; text that is not a number compares as text.
   *
   * @param a a number's text
   * @param b another number's text
   * @return true when equal by value
   */
  static boolean sameNumber(@Nullable String a, @Nullable String b) {
    if (Objects.equals(a, b)) {
      return true;
    }
    BigDecimal x = parseOrNull(a);
    BigDecimal y = parseOrNull(b);
    return x != null && y != null && x.compareTo(y) == 0;
  }

  /**
   * Parses a DynamoDB number.
   *
   * @param text the number's text
   * @return the value, or {@code null} when the text is not a number
   */
  static @Nullable BigDecimal parseOrNull(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Numbers normalised so that equal values are equal keys; text that does not parse stays. */
  private static Set<Object> numberSet(List<String> numbers) {
    Set<Object> set = new HashSet<>();
    for (String n : numbers) {
      BigDecimal value = parseOrNull(n);
      set.add(value == null ? n : value.stripTrailingZeros());
    }
    return set;
  }
}
