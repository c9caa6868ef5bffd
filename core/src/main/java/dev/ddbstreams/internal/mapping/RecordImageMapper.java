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

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps images to Java records without Jackson: each attribute goes through its component's
 * converter straight into the canonical constructor. It gives what the {@link JacksonImageMapper}
 * of the same record gives, and takes the Jackson mapper's path for any image it cannot map the
 * same way: an attribute of an unexpected type, a number that does not fit, a constructor that
 * throws. So results, errors and their messages are the Jackson mapper's; only well-formed images
 * are faster. A record with a constructor that throws is constructed once more by the Jackson
 * mapper, which reports the failure.
 */
final class RecordImageMapper<T> implements TypeMapping<T> {
  /**
   * After this many images in a row took the Jackson path, the mapper stops trying its own: the
   * type's images need a coercion only Jackson makes (an int component fed S attributes, say), and
   * every record would otherwise be converted up to the mismatch and then again by Jackson.
   */
  static final int FALLBACKS_BEFORE_GIVING_UP = 16;

  private final RecordConverter converter;
  private final JacksonImageMapper<T> jackson;
  private final Class<T> type;

  /** Images in a row that took the Jackson path. Racy on purpose: a hint, never a result. */
  private int fallbacksInARow;

  private RecordImageMapper(
      Class<T> type, RecordConverter converter, JacksonImageMapper<T> jackson) {
    this.type = type;
    this.converter = converter;
    this.jackson = jackson;
  }

  /**
   * Returns the record mapper of a type, or the Jackson mapper itself where the record mapper
   * cannot map the type (not a record, component types it does not convert, Jackson annotations).
   *
   * @throws dev.ddbstreams.ImageMappingException if no image can ever be mapped to the type
   */
  static <T> TypeMapping<T> orJackson(Class<T> type) {
    JacksonImageMapper<T> jackson = new JacksonImageMapper<>(type);
    RecordConverter converter = type.isRecord() ? RecordConverter.of(type) : null;
    return converter == null ? jackson : new RecordImageMapper<>(type, converter, jackson);
  }

  @Override
  public T map(Map<String, AttributeValue> image) {
    if (fallbacksInARow >= FALLBACKS_BEFORE_GIVING_UP) {
      return jackson.map(image);
    }
    Object value = converter.fromM(image);
    if (value == ValueConverter.FALLBACK) {
      fallbacksInARow++;
      return jackson.map(image);
    }
    fallbacksInARow = 0;
    return type.cast(value);
  }

  /** Whether the mapper has given its own path up for this type. */
  boolean jacksonOnly() {
    return fallbacksInARow >= FALLBACKS_BEFORE_GIVING_UP;
  }

  @Override
  public @Nullable Set<String> attributeNames() {
    return jackson.attributeNames();
  }

  @Override
  public String targetTypeName() {
    return jackson.targetTypeName();
  }
}
