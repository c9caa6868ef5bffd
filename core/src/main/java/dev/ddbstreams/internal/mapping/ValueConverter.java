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

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts one attribute value to one Java type, for {@link RecordImageMapper}. A converter does
 * only what the Jackson mapper would do with the same value and returns {@link #FALLBACK} for
 * everything else: a value of another attribute type, a number that does not fit, a value the
 * Jackson mapper would coerce or reject. The record mapper then hands the whole image to the
 * Jackson mapper, so results and errors stay exactly those of the Jackson mapper.
 *
 * <p>One method per attribute type, so that the elements of {@code SS}, {@code NS} and {@code BS}
 * sets convert without an {@code AttributeValue} each. Converters are immutable once built and
 * thread-safe.
 */
abstract class ValueConverter {
  /** Returned when the Jackson mapper must map the image instead. */
  static final Object FALLBACK = new Object();

  /** Converts a value of any attribute type. */
  final @Nullable Object convert(@Nullable AttributeValue value) {
    AttributeValue.Type type = value == null ? null : value.type();
    if (type == null) {
      return FALLBACK;
    }
    return switch (type) {
      case S -> fromS(value.s());
      case N -> fromN(value.n());
      case B -> fromB(value.b());
      case BOOL -> fromBool(value.bool());
      case NUL -> fromNull();
      case SS -> fromSs(value.ss());
      case NS -> fromNs(value.ns());
      case BS -> fromBs(value.bs());
      case L -> fromL(value.l());
      case M -> fromM(value.m());
      default -> FALLBACK;
    };
  }

  /**
   * The value of a component whose attribute the image lacks; {@link #FALLBACK} where the Jackson
   * mapper fails (primitives).
   */
  @Nullable Object missing() {
    return null;
  }

  @Nullable Object fromNull() {
    return null;
  }

  @Nullable Object fromS(String s) {
    return FALLBACK;
  }

  @Nullable Object fromN(String text) {
    return FALLBACK;
  }

  @Nullable Object fromB(SdkBytes bytes) {
    return FALLBACK;
  }

  @Nullable Object fromBool(Boolean bool) {
    return FALLBACK;
  }

  @Nullable Object fromSs(List<String> strings) {
    return FALLBACK;
  }

  @Nullable Object fromNs(List<String> numbers) {
    return FALLBACK;
  }

  @Nullable Object fromBs(List<SdkBytes> bytes) {
    return FALLBACK;
  }

  @Nullable Object fromL(List<AttributeValue> list) {
    return FALLBACK;
  }

  @Nullable Object fromM(Map<String, AttributeValue> map) {
    return FALLBACK;
  }

  /**
   * Whether the Jackson mapper would accept a value that no component reads: it still writes every
   * attribute as tokens, and fails on a value without a type or a number it cannot read.
   */
  static boolean acceptedWhenIgnored(@Nullable AttributeValue value) {
    AttributeValue.Type type = value == null ? null : value.type();
    if (type == null) {
      return false;
    }
    switch (type) {
      case S, B, BOOL, NUL, SS, BS:
        return true;
      case N:
        return NumberTokens.parse(value.n()) != null;
      case NS:
        for (String n : value.ns()) {
          if (NumberTokens.parse(n) == null) {
            return false;
          }
        }
        return true;
      case L:
        for (AttributeValue v : value.l()) {
          if (!acceptedWhenIgnored(v)) {
            return false;
          }
        }
        return true;
      case M:
        for (AttributeValue v : value.m().values()) {
          if (!acceptedWhenIgnored(v)) {
            return false;
          }
        }
        return true;
      default:
        return false;
    }
  }
}
