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
package dev.ddbstreams.internal.mapping;

import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.internal.AttributePath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The conversions behind {@code Images}: attribute values to plain Java values and back. */
public final class UntypedImages {
  private static final String UNTYPED = "java.util.Map<String, Object>";

  private UntypedImages() {}

  /** Converts an image to a map of plain values. */
  public static Map<String, @Nullable Object> toMap(Map<String, AttributeValue> image) {
    return toMap(image, "");
  }

  private static Map<String, @Nullable Object> toMap(
      Map<String, AttributeValue> image, String path) {
    Map<String, @Nullable Object> out = new LinkedHashMap<>(capacity(image.size()));
    for (Map.Entry<String, AttributeValue> e : image.entrySet()) {
      out.put(e.getKey(), toValue(e.getValue(), AttributePath.childText(path, e.getKey())));
    }
    return out;
  }

  /** Converts one attribute value; {@code path} names it in errors. */
  public static @Nullable Object toValue(@Nullable AttributeValue value, String path) {
    AttributeValue.Type type = value == null ? null : value.type();
    if (type == null) {
      throw new ImageMappingException(UNTYPED, path, "attribute value has no type");
    }
    switch (type) {
      case S:
        return value.s();
      case N:
        return number(value.n(), path, UNTYPED);
      case B:
        return value.b().asByteArray();
      case BOOL:
        return value.bool();
      case NUL:
        return null;
      case SS:
        return new LinkedHashSet<>(value.ss());
      case NS:
        {
          Set<BigDecimal> out = new LinkedHashSet<>(capacity(value.ns().size()));
          for (int i = 0; i < value.ns().size(); i++) {
            out.add(number(value.ns().get(i), AttributePath.indexText(path, i), UNTYPED));
          }
          return out;
        }
      case BS:
        {
          Set<ByteBuffer> out = new LinkedHashSet<>(capacity(value.bs().size()));
          for (SdkBytes b : value.bs()) {
            out.add(ByteBuffer.wrap(b.asByteArray()).asReadOnlyBuffer());
          }
          return out;
        }
      case L:
        {
          List<AttributeValue> list = value.l();
          List<@Nullable Object> out = new ArrayList<>(list.size());
          for (int i = 0; i < list.size(); i++) {
            out.add(toValue(list.get(i), AttributePath.indexText(path, i)));
          }
          return out;
        }
      case M:
        return toMap(value.m(), path);
      default:
        throw new ImageMappingException(UNTYPED, path, "unknown attribute type");
    }
  }

  /**
   * Parses a DynamoDB number.
   *
   * @throws ImageMappingException if the text is not a number
   */
  public static BigDecimal number(@Nullable String text, String path, String targetType) {
    BigDecimal number = DynamoNumbers.parse(text);
    if (number == null) {
      throw new ImageMappingException(targetType, path, "N attribute is not a valid number");
    }
    return number;
  }

  /** Converts a map of plain values to an image. */
  public static Map<String, AttributeValue> fromMap(
      Map<String, ? extends @Nullable Object> values) {
    return fromMap(values, "");
  }

  private static Map<String, AttributeValue> fromMap(
      Map<?, ? extends @Nullable Object> values, String path) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(capacity(values.size()));
    for (Map.Entry<?, ? extends @Nullable Object> e : values.entrySet()) {
      if (!(e.getKey() instanceof String name)) {
        throw new IllegalArgumentException("Map key at '" + path + "' is not a String");
      }
      out.put(name, fromValue(e.getValue(), AttributePath.childText(path, name)));
    }
    return out;
  }

  /** Converts one plain value; {@code path} names it in errors. */
  public static AttributeValue fromValue(@Nullable Object value, String path) {
    if (value == null) {
      return AttributeValue.fromNul(true);
    }
    if (value instanceof String s) {
      return AttributeValue.fromS(s);
    }
    if (value instanceof Number n) {
      return AttributeValue.fromN(numberText(n));
    }
    if (value instanceof Boolean b) {
      return AttributeValue.fromBool(b);
    }
    if (value instanceof byte[] bytes) {
      return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
    }
    if (value instanceof ByteBuffer buffer) {
      return AttributeValue.fromB(SdkBytes.fromByteBuffer(buffer.duplicate()));
    }
    if (value instanceof SdkBytes bytes) {
      return AttributeValue.fromB(bytes);
    }
    if (value instanceof Map<?, ?> map) {
      return AttributeValue.fromM(fromMap(map, path));
    }
    if (value instanceof Set<?> set) {
      return fromSet(set, path);
    }
    if (value instanceof Collection<?> list) {
      List<AttributeValue> out = new ArrayList<>(list.size());
      int i = 0;
      for (Object element : list) {
        out.add(fromValue(element, AttributePath.indexText(path, i++)));
      }
      return AttributeValue.fromL(out);
    }
    throw new IllegalArgumentException(
        "Value at '" + path + "' of type " + value.getClass().getName() + " has no DynamoDB form");
  }

  private static AttributeValue fromSet(Set<?> set, String path) {
    if (set.isEmpty()) {
      throw new IllegalArgumentException(
          "Set at '" + path + "' is empty; DynamoDB has no empty sets");
    }
    Object first = set.iterator().next();
    if (first instanceof String) {
      List<String> out = new ArrayList<>(set.size());
      for (Object o : set) {
        out.add(cast(o, String.class, path));
      }
      return AttributeValue.fromSs(out);
    }
    if (first instanceof Number) {
      List<String> out = new ArrayList<>(set.size());
      for (Object o : set) {
        out.add(numberText(cast(o, Number.class, path)));
      }
      return AttributeValue.fromNs(out);
    }
    List<SdkBytes> out = new ArrayList<>(set.size());
    for (Object o : set) {
      AttributeValue b = fromValue(o, path);
      if (b.type() != AttributeValue.Type.B) {
        throw new IllegalArgumentException(
            "Set at '" + path + "' mixes element types or has elements with no set form");
      }
      out.add(b.b());
    }
    return AttributeValue.fromBs(out);
  }

  private static <E> E cast(@Nullable Object o, Class<E> type, String path) {
    if (!type.isInstance(o)) {
      throw new IllegalArgumentException("Set at '" + path + "' mixes element types");
    }
    return type.cast(o);
  }

  private static String numberText(Number n) {
    if (n instanceof BigDecimal d) {
      return d.toString();
    }
    if (n instanceof BigInteger
        || n instanceof Long
        || n instanceof Integer
        || n instanceof Short
        || n instanceof Byte) {
      return n.toString();
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("DynamoDB numbers cannot be NaN or infinite");
    }
    return BigDecimal.valueOf(d).toString();
  }

  static int capacity(int size) {
    return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
  }
}
