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

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Short builders for attribute values and items in the expression tests. */
final class Av {

  private Av() {}

  static AttributeValue s(String s) {
    return AttributeValue.fromS(s);
  }

  static AttributeValue n(String n) {
    return AttributeValue.fromN(n);
  }

  static AttributeValue n(long n) {
    return AttributeValue.fromN(Long.toString(n));
  }

  static AttributeValue b(int... bytes) {
    return AttributeValue.fromB(bytes(bytes));
  }

  static SdkBytes bytes(int... bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = (byte) bytes[i];
    }
    return SdkBytes.fromByteArray(out);
  }

  static AttributeValue bool(boolean b) {
    return AttributeValue.fromBool(b);
  }

  static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }

  static AttributeValue ss(String... s) {
    return AttributeValue.fromSs(Arrays.asList(s));
  }

  static AttributeValue ns(String... n) {
    return AttributeValue.fromNs(Arrays.asList(n));
  }

  static AttributeValue bs(SdkBytes... b) {
    return AttributeValue.fromBs(Arrays.asList(b));
  }

  static AttributeValue l(AttributeValue... elements) {
    return AttributeValue.fromL(List.of(elements));
  }

  /** A map value from alternating keys and values. */
  static AttributeValue m(Object... keysAndValues) {
    return AttributeValue.fromM(item(keysAndValues));
  }

  /** An item from alternating attribute names and values, in that order. */
  static Map<String, AttributeValue> item(Object... keysAndValues) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      item.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
    }
    return item;
  }
}
