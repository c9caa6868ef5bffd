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

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The size of an item as the DynamoDB Developer Guide ("Item sizes and formats") defines it: the
 * UTF-8 length of every attribute name plus the size of its value, where a string counts its UTF-8
 * bytes, a number one byte per two significant digits plus one, a binary its raw bytes, a boolean
 * or null one byte, a set the sum of its elements, and a list or map three bytes plus one byte and
 * the size of each element (a map element counting its name too).
 *
 * <p>Allocates nothing; safe from any thread.
 */
public final class ItemSize {

  /** The service's maximum item size, 400 KB. */
  public static final int MAX_ITEM_BYTES = 400 * 1024;

  private static final int LIST_OR_MAP_OVERHEAD = 3;
  private static final int ELEMENT_OVERHEAD = 1;

  private ItemSize() {}

  /** Returns the size in bytes of an item (or of a key, or of any map of attributes). */
  public static int of(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      size += utf8Length(e.getKey()) + valueSize(e.getValue());
    }
    return size;
  }

  /** Returns the size in bytes of one value, its attribute name not included. */
  public static int valueSize(AttributeValue value) {
    switch (value.type()) {
      case S:
        return utf8Length(value.s());
      case N:
        return numberSize(value.n());
      case B:
        return value.b().asByteArrayUnsafe().length;
      case BOOL:
      case NUL:
        return 1;
      case SS:
        {
          int size = 0;
          for (String s : value.ss()) {
            size += utf8Length(s);
          }
          return size;
        }
      case NS:
        {
          int size = 0;
          for (String n : value.ns()) {
            size += numberSize(n);
          }
          return size;
        }
      case BS:
        {
          int size = 0;
          for (SdkBytes b : value.bs()) {
            size += b.asByteArrayUnsafe().length;
          }
          return size;
        }
      case L:
        {
          List<AttributeValue> list = value.l();
          int size = LIST_OR_MAP_OVERHEAD;
          for (AttributeValue element : list) {
            size += ELEMENT_OVERHEAD + valueSize(element);
          }
          return size;
        }
      case M:
        {
          int size = LIST_OR_MAP_OVERHEAD;
          for (Map.Entry<String, AttributeValue> e : value.m().entrySet()) {
            size += ELEMENT_OVERHEAD + utf8Length(e.getKey()) + valueSize(e.getValue());
          }
          return size;
        }
      default:
        throw new IllegalArgumentException("Attribute value of unknown type " + value.type());
    }
  }

  /**
   * One byte per two significant digits, plus one. Leading and trailing zeros are not significant;
   * sign, decimal point and exponent are not digits.
   */
  public static int numberSize(String number) {
    int first = -1;
    int last = -1;
    int digits = 0;
    int end = number.length();
    for (int i = 0; i < end; i++) {
      char c = number.charAt(i);
      if (c == 'e' || c == 'E') {
        break;
      }
      if (c >= '0' && c <= '9') {
        if (c != '0') {
          if (first < 0) {
            first = digits;
          }
          last = digits;
        }
        digits++;
      }
    }
    int significant = first < 0 ? 1 : last - first + 1;
    return (significant + 1) / 2 + 1;
  }

  /** The number of bytes of the string's UTF-8 encoding, without encoding it. */
  public static int utf8Length(String s) {
    int length = s.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c)
            && i + 1 < length
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // four bytes for the pair's two chars
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }
}
