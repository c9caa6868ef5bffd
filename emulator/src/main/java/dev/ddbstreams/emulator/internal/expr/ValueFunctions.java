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

import dev.ddbstreams.emulator.internal.value.Values;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the condition operators and functions compute on two attribute values, as the service
 * computes it. Mismatched types are never an error here: they make the answer false (or, for {@link
 * #order}, undefined).
 */
final class ValueFunctions {

  private ValueFunctions() {}

  /**
   * Orders two values of one orderable type (string, number, binary); {@code null} if they cannot
   * be ordered against each other.
   */
  static @Nullable Integer order(AttributeValue a, AttributeValue b) {
    if (a.type() != b.type() || !TypeNames.isOrderable(a)) {
      return null;
    }
    return Values.compare(a, b);
  }

  /** {@code begins_with}: a string prefix of a string, or a byte prefix of a binary. */
  static boolean beginsWith(AttributeValue whole, AttributeValue prefix) {
    if (whole.type() == AttributeValue.Type.S && prefix.type() == AttributeValue.Type.S) {
      return whole.s().startsWith(prefix.s());
    }
    if (whole.type() == AttributeValue.Type.B && prefix.type() == AttributeValue.Type.B) {
      ByteBuffer w = whole.b().asByteBuffer();
      ByteBuffer p = prefix.b().asByteBuffer();
      return p.remaining() <= w.remaining() && w.slice().limit(p.remaining()).equals(p);
    }
    return false;
  }

  /**
   * {@code contains}: a substring of a string, a byte subsequence of a binary, a member of a set of
   * the operand's type, or an element of a list equal to the operand.
   */
  static boolean contains(AttributeValue container, AttributeValue operand) {
    switch (container.type()) {
      case S:
        return operand.type() == AttributeValue.Type.S && container.s().contains(operand.s());
      case B:
        return operand.type() == AttributeValue.Type.B
            && indexOf(container.b().asByteArrayUnsafe(), operand.b().asByteArrayUnsafe()) >= 0;
      case SS:
        return operand.type() == AttributeValue.Type.S && container.ss().contains(operand.s());
      case NS:
        return operand.type() == AttributeValue.Type.N
            && anyEqual(container.ns(), operand, AttributeValue::fromN);
      case BS:
        return operand.type() == AttributeValue.Type.B
            && anyEqual(container.bs(), operand, AttributeValue::fromB);
      case L:
        for (AttributeValue element : container.l()) {
          if (Values.equal(element, operand)) {
            return true;
          }
        }
        return false;
      default:
        return false;
    }
  }

  /**
   * {@code size}: the length of a string (in UTF-16 code units, as the service counts it), the
   * bytes of a binary, or the elements of a set, list or map; {@code null} for other types.
   */
  static @Nullable AttributeValue size(AttributeValue v) {
    int size;
    switch (v.type()) {
      case S:
        size = v.s().length();
        break;
      case B:
        size = v.b().asByteArrayUnsafe().length;
        break;
      case SS:
        size = v.ss().size();
        break;
      case NS:
        size = v.ns().size();
        break;
      case BS:
        size = v.bs().size();
        break;
      case L:
        size = v.l().size();
        break;
      case M:
        size = v.m().size();
        break;
      default:
        return null;
    }
    return AttributeValue.fromN(Integer.toString(size));
  }

  private static <T> boolean anyEqual(
      List<T> members, AttributeValue operand, Function<T, AttributeValue> wrap) {
    for (T member : members) {
      if (Values.equal(wrap.apply(member), operand)) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
