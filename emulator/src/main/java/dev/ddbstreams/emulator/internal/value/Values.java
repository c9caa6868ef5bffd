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
package dev.ddbstreams.emulator.internal.value;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ordering of scalar attribute values as the service orders them in keys and comparisons: numbers
 * by value, strings by their UTF-8 bytes (code point order), binaries by unsigned bytes; and the
 * service's equality of any two values ({@link #equal}).
 */
public final class Values {

  /** Orders two values of the same scalar type (S, N or B). */
  public static final Comparator<AttributeValue> SCALAR_ORDER = Values::compare;

  private Values() {}

  /**
   * Compares two values of the same scalar type.
   *
   * @throws IllegalArgumentException if the types differ or are not S, N or B
   */
  public static int compare(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      throw new IllegalArgumentException("Cannot compare " + a.type() + " with " + b.type());
    }
    switch (a.type()) {
      case N:
        return Numbers.compare(a.n(), b.n());
      case S:
        return compareUtf8(a.s(), b.s());
      case B:
        return compareBytes(a.b(), b.b());
      default:
        throw new IllegalArgumentException("Not a scalar type: " + a.type());
    }
  }

  /** Compares strings by code point, which is the order of their UTF-8 bytes. */
  public static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Compares byte strings as unsigned bytes, shorter first on a common prefix. */
  public static int compareBytes(SdkBytes a, SdkBytes b) {
    byte[] x = a.asByteArrayUnsafe();
    byte[] y = b.asByteArrayUnsafe();
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int c = Integer.compare(x[i] & 0xff, y[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /**
   * Whether two values are equal as the service compares them in expressions: of the same type,
   * numbers by value ({@code 1.0} equals {@code 1}), sets regardless of order, lists element by
   * element, maps key by key. Values of different types are never equal.
   */
  public static boolean equal(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type()) {
      return false;
    }
    switch (a.type()) {
      case S:
        return a.s().equals(b.s());
      case N:
        return Numbers.compare(a.n(), b.n()) == 0;
      case B:
        return a.b().asByteBuffer().equals(b.b().asByteBuffer());
      case BOOL:
        return a.bool().equals(b.bool());
      case NUL:
        return true;
      case SS:
        return new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
      case NS:
        return numberSet(a.ns()).equals(numberSet(b.ns()));
      case BS:
        return byteSet(a.bs()).equals(byteSet(b.bs()));
      case L:
        return equalLists(a.l(), b.l());
      case M:
        return equalMaps(a.m(), b.m());
      default:
        return false;
    }
  }

  private static boolean equalLists(List<AttributeValue> x, List<AttributeValue> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!equal(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalMaps(Map<String, AttributeValue> x, Map<String, AttributeValue> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : x.entrySet()) {
      AttributeValue other = y.get(e.getKey());
      if (other == null || !equal(e.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  private static Set<BigDecimal> numberSet(List<String> numbers) {
    Set<BigDecimal> set = new HashSet<>();
    for (String n : numbers) {
      set.add(new BigDecimal(n).stripTrailingZeros());
    }
    return set;
  }

  private static Set<ByteBuffer> byteSet(List<SdkBytes> bytes) {
    Set<ByteBuffer> set = new HashSet<>();
    for (SdkBytes b : bytes) {
      set.add(b.asByteBuffer());
    }
    return set;
  }
}
