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

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.internal.AttributePath;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps images to plain Java classes and records with Jackson. The image is replayed as Jackson
 * tokens (no JSON text, no tree), and Jackson's exceptions are turned into {@link
 * ImageMappingException}s that keep the path and drop the value Jackson would print.
 */
final class JacksonImageMapper<T> implements TypeMapping<T> {
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .visibility(PropertyAccessor.FIELD, Visibility.ANY)
          .addModule(FiniteFloatingPoint.module())
          .build();

  private final Class<T> type;
  private final ObjectReader reader;
  private final @Nullable Set<String> propertyNames;

  /**
   * Creates the mapper.
   *
   * @throws ImageMappingException if no image can ever be mapped to the type
   */
  JacksonImageMapper(Class<T> type) {
    MappableTypes.check(JSON, type);
    this.type = type;
    this.reader = JSON.readerFor(type);
    this.propertyNames = MappableTypes.propertyNames(JSON, type);
  }

  /** The attribute names the type reads, or {@code null} if it takes any. */
  @Override
  public @Nullable Set<String> attributeNames() {
    return propertyNames;
  }

  @Override
  public T map(Map<String, AttributeValue> image) {
    TokenBuffer tokens = new TokenBuffer(JSON, false);
    try {
      new AttributeTokens(tokens, type.getName()).writeImage(image);
      try (JsonParser parser = tokens.asParser(JSON)) {
        T value = reader.readValue(parser);
        if (value == null) {
          throw new ImageMappingException(type.getName(), "", "the image mapped to null");
        }
        return value;
      }
    } catch (JsonMappingException e) {
      throw new ImageMappingException(type.getName(), path(e), reason(e));
    } catch (IOException e) {
      throw new ImageMappingException(
          type.getName(), "", "cannot read the image: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String targetTypeName() {
    return type.getName();
  }

  private static String path(JsonMappingException e) {
    String path = "";
    for (JsonMappingException.Reference ref : e.getPath()) {
      path =
          ref.getFieldName() != null
              ? AttributePath.childText(path, ref.getFieldName())
              : AttributePath.indexText(path, ref.getIndex());
    }
    return path;
  }

  /** A reason without the value: Jackson's own messages quote the input. */
  private static String reason(JsonMappingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputCoercionException c) {
        return "the number does not fit " + c.getTargetType().getSimpleName();
      }
      if (t instanceof FiniteFloatingPoint.OutOfRange r) {
        return r.getOriginalMessage();
      }
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
      return "the value cannot be read as " + f.getTargetType().getSimpleName();
    }
    if (e instanceof MismatchedInputException m
        && m.getTargetType() != null
        && m.getTargetType().isPrimitive()
        && String.valueOf(m.getOriginalMessage()).startsWith("Cannot map `null`")) {
      return "the attribute is missing or NULL, and "
          + m.getTargetType().getSimpleName()
          + " cannot hold null (use its boxed type for optional attributes)";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "the attribute's type does not fit " + m.getTargetType().getSimpleName();
    }
    if (e.getCause() instanceof JacksonException || e.getCause() == null) {
      return "the image does not fit the type (" + e.getClass().getSimpleName() + ")";
    }
    return "the type's constructor or setter threw " + e.getCause().getClass().getName();
  }
}
