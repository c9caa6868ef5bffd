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
package dev.ddbstreams.emulator.internal.table;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import dev.ddbstreams.emulator.internal.value.Numbers;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service's rules for attribute values on input: numbers within range and precision, stored in
 * canonical text (so {@code 2} and {@code 2.0} are one value); sets non-empty and free of
 * duplicates. Messages name no values.
 */
final class ItemRules {

  private ItemRules() {}

  /** Checks an item or key and returns it with numbers in canonical form, unmodifiable. */
  static Map<String, AttributeValue> normalize(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(item.size() * 2);
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      out.put(e.getKey(), value(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Checks one value and returns it with numbers in canonical form. */
  static AttributeValue value(AttributeValue v) {
    switch (v.type()) {
      case N:
        {
          String c = Numbers.canonical(v.n());
          return c.equals(v.n()) ? v : AttributeValue.fromN(c);
        }
      case NS:
        {
          if (v.ns().isEmpty()) {
            throw emptySet("An number set  may not be empty");
          }
          List<String> out = new ArrayList<>(v.ns().size());
          Set<String> seen = new HashSet<>();
          for (String n : v.ns()) {
            String c = Numbers.canonical(n);
            if (!seen.add(c)) {
              throw duplicates();
            }
            out.add(c);
          }
          return AttributeValue.fromNs(out);
        }
      case SS:
        {
          if (v.ss().isEmpty()) {
            throw emptySet("An string set  may not be empty");
          }
          if (new HashSet<>(v.ss()).size() != v.ss().size()) {
            throw duplicates();
          }
          return v;
        }
      case BS:
        {
          if (v.bs().isEmpty()) {
            throw emptySet("Binary sets should not be empty");
          }
          Set<ByteBuffer> seen = new HashSet<>();
          for (SdkBytes b : v.bs()) {
            if (!seen.add(ByteBuffer.wrap(b.asByteArrayUnsafe()))) {
              throw duplicates();
            }
          }
          return v;
        }
      case L:
        {
          List<AttributeValue> out = new ArrayList<>(v.l().size());
          for (AttributeValue x : v.l()) {
            out.add(value(x));
          }
          return AttributeValue.fromL(out);
        }
      case M:
        {
          Map<String, AttributeValue> out = new LinkedHashMap<>(v.m().size() * 2);
          for (Map.Entry<String, AttributeValue> e : v.m().entrySet()) {
            out.put(e.getKey(), value(e.getValue()));
          }
          return AttributeValue.fromM(out);
        }
      default:
        return v;
    }
  }

  /** Rejects an item above 400 KB; returns its size. */
  static int checkSize(Map<String, AttributeValue> item, String message) {
    int size = ItemSize.of(item);
    if (size > ItemSize.MAX_ITEM_BYTES) {
      throw AwsException.validation(message);
    }
    return size;
  }

  private static AwsException emptySet(String what) {
    return AwsException.validation("One or more parameter values were invalid: " + what);
  }

  private static AwsException duplicates() {
    return AwsException.validation(
        "One or more parameter values were invalid: Input collection contains duplicates");
  }
}
