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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The converters of the scalar types {@link RecordImageMapper} handles, and a factory. */
final class ValueConverters {
  private ValueConverters() {}

  /** Java types a converter can produce, from the most to the least specific token. */
  private enum Integral {
    BYTE(Byte.MIN_VALUE, Byte.MAX_VALUE),
    SHORT(Short.MIN_VALUE, Short.MAX_VALUE),
    INT(Integer.MIN_VALUE, Integer.MAX_VALUE),
    LONG(Long.MIN_VALUE, Long.MAX_VALUE);

    final long min;
    final long max;

    Integral(long min, long max) {
      this.min = min;
      this.max = max;
    }
  }

  /**
   * Returns the converter for the scalar types: strings, numbers, booleans, enums and {@code
   * byte[]}.
   *
   * @return the converter, or {@code null} if the type is not one of them
   */
  static @Nullable ValueConverter scalar(Class<?> type) {
    if (type == String.class) {
      return Strings.INSTANCE;
    }
    if (type == int.class || type == Integer.class) {
      return new IntegralConverter(Integral.INT, type.isPrimitive());
    }
    if (type == long.class || type == Long.class) {
      return new IntegralConverter(Integral.LONG, type.isPrimitive());
    }
    if (type == short.class || type == Short.class) {
      return new IntegralConverter(Integral.SHORT, type.isPrimitive());
    }
    if (type == byte.class || type == Byte.class) {
      // Jackson takes 128..255 into a byte as a wrapped value; those go to it.
      return new IntegralConverter(Integral.BYTE, type.isPrimitive());
    }
    if (type == double.class || type == Double.class) {
      return new FloatingConverter(false, type.isPrimitive());
    }
    if (type == float.class || type == Float.class) {
      return new FloatingConverter(true, type.isPrimitive());
    }
    if (type == boolean.class || type == Boolean.class) {
      return new BooleanConverter(type.isPrimitive());
    }
    if (type == BigDecimal.class) {
      return Decimals.INSTANCE;
    }
    if (type == BigInteger.class) {
      return BigIntegers.INSTANCE;
    }
    if (type == byte[].class) {
      return Bytes.INSTANCE;
    }
    if (type == Object.class) {
      return Untyped.INSTANCE;
    }
    if (type.isEnum() && !JacksonAnnotations.present(type)) {
      return new EnumConverter(type);
    }
    return null;
  }

  private static final class Strings extends ValueConverter {
    static final Strings INSTANCE = new Strings();

    @Override
    @Nullable Object fromS(String s) {
      return s;
    }
  }

  private static final class IntegralConverter extends ValueConverter {
    private final Integral kind;
    private final boolean primitive;

    IntegralConverter(Integral kind, boolean primitive) {
      this.kind = kind;
      this.primitive = primitive;
    }

    @Override
    @Nullable Object missing() {
      return primitive ? FALLBACK : null;
    }

    @Override
    @Nullable Object fromNull() {
      return primitive ? FALLBACK : null;
    }

    @Override
    Object fromN(String text) {
      if (!(NumberTokens.parse(text) instanceof Long token)) {
        return FALLBACK;
      }
      long v = token;
      if (v < kind.min || v > kind.max) {
        return FALLBACK;
      }
      return switch (kind) {
        case BYTE -> (byte) v;
        case SHORT -> (short) v;
        case INT -> (int) v;
        case LONG -> token;
      };
    }
  }

  private static final class FloatingConverter extends ValueConverter {
    private final boolean single;
    private final boolean primitive;

    FloatingConverter(boolean single, boolean primitive) {
      this.single = single;
      this.primitive = primitive;
    }

    @Override
    @Nullable Object missing() {
      return primitive ? FALLBACK : null;
    }

    @Override
    @Nullable Object fromNull() {
      return primitive ? FALLBACK : null;
    }

    @Override
    Object fromN(String text) {
      Number token = NumberTokens.parse(text);
      if (token == null) {
        return FALLBACK;
      }
      if (single) {
        float f = token.floatValue();
        return Float.isInfinite(f) ? FALLBACK : (Object) f;
      }
      double d = token.doubleValue();
      return Double.isInfinite(d) ? FALLBACK : (Object) d;
    }
  }

  private static final class BooleanConverter extends ValueConverter {
    private final boolean primitive;

    BooleanConverter(boolean primitive) {
      this.primitive = primitive;
    }

    @Override
    @Nullable Object missing() {
      return primitive ? FALLBACK : null;
    }

    @Override
    @Nullable Object fromNull() {
      return primitive ? FALLBACK : null;
    }

    @Override
    Object fromBool(Boolean bool) {
      return bool;
    }
  }

  private static final class Decimals extends ValueConverter {
    static final Decimals INSTANCE = new Decimals();

    @Override
    Object fromN(String text) {
      Number token = NumberTokens.parse(text);
      return token == null ? FALLBACK : NumberTokens.bigDecimal(token);
    }
  }

  private static final class BigIntegers extends ValueConverter {
    static final BigIntegers INSTANCE = new BigIntegers();

    @Override
    Object fromN(String text) {
      Number token = NumberTokens.parse(text);
      BigInteger value = token == null ? null : NumberTokens.bigInteger(token);
      return value == null ? FALLBACK : value;
    }
  }

  private static final class Bytes extends ValueConverter {
    static final Bytes INSTANCE = new Bytes();

    @Override
    Object fromB(SdkBytes bytes) {
      return bytes.asByteArray();
    }
  }

  private static final class EnumConverter extends ValueConverter {
    private final Map<String, Object> byName = new HashMap<>();

    EnumConverter(Class<?> type) {
      for (Object constant : type.getEnumConstants()) {
        byName.put(((Enum<?>) constant).name(), constant);
      }
    }

    @Override
    Object fromS(String s) {
      Object constant = byName.get(s);
      return constant == null ? FALLBACK : constant;
    }
  }

  /**
   * {@code Object}, and the values of {@code Map<String, Object>} and {@code List<Object>}: what
   * Jackson's untyped deserializer makes of the tokens with the Jackson mapper's settings (integers
   * as {@code BigInteger}, other numbers as {@code BigDecimal}, maps as {@code LinkedHashMap}, sets
   * and lists as {@code ArrayList}).
   */
  static final class Untyped extends ValueConverter {
    static final Untyped INSTANCE = new Untyped();

    @Override
    Object fromS(String s) {
      return s;
    }

    @Override
    Object fromN(String text) {
      Number token = NumberTokens.parse(text);
      if (token == null) {
        return FALLBACK;
      }
      BigInteger integral = NumberTokens.bigInteger(token);
      return integral != null ? integral : token;
    }

    @Override
    Object fromB(SdkBytes bytes) {
      return bytes.asByteArray();
    }

    @Override
    Object fromBool(Boolean bool) {
      return bool;
    }

    @Override
    @Nullable Object fromSs(List<String> strings) {
      return Collections.fromSs(this, strings, new ArrayList<>(strings.size()));
    }

    @Override
    @Nullable Object fromNs(List<String> numbers) {
      return Collections.fromNs(this, numbers, new ArrayList<>(numbers.size()));
    }

    @Override
    @Nullable Object fromBs(List<SdkBytes> bytes) {
      return Collections.fromBs(this, bytes, new ArrayList<>(bytes.size()));
    }

    @Override
    @Nullable Object fromL(List<AttributeValue> list) {
      return Collections.fromL(this, list, new ArrayList<>(list.size()));
    }

    @Override
    @Nullable Object fromM(Map<String, AttributeValue> map) {
      return Maps.fromM(this, map);
    }
  }

  /**
   * {@code List}, {@code Collection} (as {@code ArrayList}) and {@code Set} (as {@code HashSet}).
   */
  static final class Collections extends ValueConverter {
    private final ValueConverter element;
    private final boolean set;

    Collections(ValueConverter element, boolean set) {
      this.element = element;
      this.set = set;
    }

    private Collection<@Nullable Object> newCollection(int size) {
      return set ? new HashSet<>(UntypedImages.capacity(size)) : new ArrayList<>(size);
    }

    @Override
    @Nullable Object fromSs(List<String> strings) {
      return fromSs(element, strings, newCollection(strings.size()));
    }

    @Override
    @Nullable Object fromNs(List<String> numbers) {
      return fromNs(element, numbers, newCollection(numbers.size()));
    }

    @Override
    @Nullable Object fromBs(List<SdkBytes> bytes) {
      return fromBs(element, bytes, newCollection(bytes.size()));
    }

    @Override
    @Nullable Object fromL(List<AttributeValue> list) {
      return fromL(element, list, newCollection(list.size()));
    }

    static Object fromSs(
        ValueConverter element, List<String> strings, Collection<@Nullable Object> out) {
      for (String s : strings) {
        // The token writer turns a null string into a null token.
        Object value = s == null ? element.fromNull() : element.fromS(s);
        if (value == FALLBACK) {
          return FALLBACK;
        }
        out.add(value);
      }
      return out;
    }

    static Object fromNs(
        ValueConverter element, List<String> numbers, Collection<@Nullable Object> out) {
      for (String n : numbers) {
        Object value = element.fromN(n);
        if (value == FALLBACK) {
          return FALLBACK;
        }
        out.add(value);
      }
      return out;
    }

    static Object fromBs(
        ValueConverter element, List<SdkBytes> bytes, Collection<@Nullable Object> out) {
      for (SdkBytes b : bytes) {
        Object value = element.fromB(b);
        if (value == FALLBACK) {
          return FALLBACK;
        }
        out.add(value);
      }
      return out;
    }

    static Object fromL(
        ValueConverter element, List<AttributeValue> list, Collection<@Nullable Object> out) {
      for (AttributeValue v : list) {
        Object value = element.convert(v);
        if (value == FALLBACK) {
          return FALLBACK;
        }
        out.add(value);
      }
      return out;
    }
  }

  /** {@code Map<String, V>}, as {@code LinkedHashMap} in the image's order. */
  static final class Maps extends ValueConverter {
    private final ValueConverter value;

    Maps(ValueConverter value) {
      this.value = value;
    }

    @Override
    Object fromM(Map<String, AttributeValue> map) {
      return fromM(value, map);
    }

    static Object fromM(ValueConverter value, Map<String, AttributeValue> map) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>(UntypedImages.capacity(map.size()));
      for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
        Object v = value.convert(e.getValue());
        if (v == FALLBACK) {
          return FALLBACK;
        }
        out.put(e.getKey(), v);
      }
      return out;
    }
  }

  /** Whether a collection type is one {@link Collections} builds, and which. */
  static @Nullable Boolean isSet(Class<?> raw) {
    if (raw == List.class || raw == Collection.class) {
      return false;
    }
    return raw == Set.class ? true : null;
  }
}
