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
package dev.ddbstreams;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Seeded generators of DynamoDB attribute values, and value equality as DynamoDB defines it. */
final class AttributeGen {
  private static final String KEY_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-#[]`";
  private static final List<BigDecimal> EDGE_NUMBERS =
      List.of(
          BigDecimal.ZERO,
          new BigDecimal("1.0"),
          new BigDecimal("1E-130"),
          new BigDecimal("9.9999999999999999999999999999999999999E+125"),
          new BigDecimal("-9.9999999999999999999999999999999999999E+125"));

  private AttributeGen() {}

  /** Numbers inside DynamoDB's range: up to 38 digits, magnitudes 1E-130 to 9.99..E+125. */
  static BigDecimal number(Gen gen) {
    return switch (gen.between(0, 5)) {
      case 0, 1, 2 -> {
        int digits = gen.between(1, 38);
        int magnitude = gen.between(-130, 125);
        String unscaled = "1" + gen.digits(digits - 1, digits - 1);
        BigInteger value = new BigInteger(unscaled).multiply(BigInteger.valueOf(gen.oneOf(1, -1)));
        yield new BigDecimal(value, digits - 1 - magnitude);
      }
      case 3, 4 -> BigDecimal.valueOf(gen.anyLong());
      default -> gen.oneOf(EDGE_NUMBERS);
    };
  }

  static String string(Gen gen) {
    return gen.anyString(12);
  }

  static SdkBytes bytes(Gen gen) {
    return SdkBytes.fromByteArray(gen.bytes(8));
  }

  static AttributeValue value(Gen gen, int depth) {
    if (depth > 0) {
      switch (gen.between(0, 7)) {
        case 0:
          return AttributeValue.fromL(gen.list(0, 3, () -> value(gen, depth - 1)));
        case 1:
          return AttributeValue.fromM(image(gen, depth - 1));
        default:
          break;
      }
    }
    return switch (gen.between(0, 7)) {
      case 0 -> AttributeValue.fromS(string(gen));
      case 1 -> AttributeValue.fromN(number(gen).toString());
      case 2 -> AttributeValue.fromB(bytes(gen));
      case 3 -> AttributeValue.fromBool(gen.bool());
      case 4 -> AttributeValue.fromNul(true);
      case 5 -> AttributeValue.fromSs(gen.uniqueList(1, 4, () -> string(gen)));
      case 6 -> numberSet(gen.set(1, 4, () -> number(gen)));
      default -> AttributeValue.fromBs(gen.uniqueList(1, 3, () -> bytes(gen)));
    };
  }

  /** An image of up to 4 attributes, with names of 1 to 6 letters, digits and {@code ._-#[]`}. */
  static Map<String, AttributeValue> image(Gen gen, int depth) {
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    for (String name : gen.uniqueList(0, 4, () -> gen.string(KEY_CHARS, 1, 6))) {
      image.put(name, value(gen, depth));
    }
    return image;
  }

  /** What an image holds, by attribute and type, for failure messages. */
  static String shape(Map<String, AttributeValue> image) {
    StringBuilder s = new StringBuilder("{");
    image.forEach(
        (name, value) -> {
          if (s.length() > 1) {
            s.append(", ");
          }
          s.append(name).append(": ").append(shape(value));
        });
    return s.append('}').toString();
  }

  static String shape(AttributeValue value) {
    return switch (value.type()) {
      case M -> "M" + shape(value.m());
      case L -> "L" + value.l().stream().map(AttributeGen::shape).toList();
      case SS -> "SS(" + value.ss().size() + ")";
      case NS -> "NS(" + value.ns().size() + ")";
      case BS -> "BS(" + value.bs().size() + ")";
      default -> String.valueOf(value.type());
    };
  }

  /** NS sets hold distinct numbers by value: DynamoDB rejects 1 and 1.0 in one set. */
  private static AttributeValue numberSet(Set<BigDecimal> numbers) {
    Set<BigDecimal> distinct = new HashSet<>();
    List<String> texts = new ArrayList<>();
    for (BigDecimal n : numbers) {
      if (distinct.add(n.stripTrailingZeros())) {
        texts.add(n.toString());
      }
    }
    return AttributeValue.fromNs(texts);
  }

  /** Equality as DynamoDB sees it: numbers by value, sets as sets, binaries by content. */
  static boolean same(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      return false;
    }
    return switch (a.type()) {
      case N -> new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
      case NS -> numberSet(a.ns()).equals(numberSet(b.ns()));
      case SS -> Set.copyOf(a.ss()).equals(Set.copyOf(b.ss()));
      case BS -> Set.copyOf(a.bs()).equals(Set.copyOf(b.bs()));
      case L -> sameList(a.l(), b.l());
      case M -> same(a.m(), b.m());
      default -> a.equals(b);
    };
  }

  static boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : a.entrySet()) {
      if (!same(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameList(List<AttributeValue> a, List<AttributeValue> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Set<BigDecimal> numberSet(Collection<String> texts) {
    Set<BigDecimal> out = new HashSet<>();
    for (String t : texts) {
      out.add(new BigDecimal(t).stripTrailingZeros());
    }
    return out;
  }
}
