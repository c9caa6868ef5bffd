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
package dev.ddbstreams;

import dev.ddbstreams.internal.mapping.MapperRegistry;
import dev.ddbstreams.internal.mapping.TypeMapping;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mappers {@link ImageMapper#of(Class)} and {@link ImageMapper#of(TableSchema)} return: the
 * public face of a built-in mapping, one instance per type.
 */
final class BuiltInMapper<T> implements ImageMapper<T> {
  private static final ClassValue<BuiltInMapper<?>> BY_TYPE =
      new ClassValue<>() {
        @Override
        protected BuiltInMapper<?> computeValue(Class<?> type) {
          return new BuiltInMapper<>(MapperRegistry.mappingFor(type));
        }
      };

  private final TypeMapping<T> mapping;

  private BuiltInMapper(TypeMapping<T> mapping) {
    this.mapping = mapping;
  }

  @SuppressWarnings("unchecked")
  static <T> ImageMapper<T> of(Class<T> type) {
    return (ImageMapper<T>) BY_TYPE.get(type);
  }

  static <T> ImageMapper<T> of(TableSchema<T> schema) {
    return new BuiltInMapper<>(MapperRegistry.schemaMapping(schema));
  }

  @Override
  public T map(Map<String, AttributeValue> image) {
    return mapping.map(image);
  }

  @Override
  public String targetTypeName() {
    return mapping.targetTypeName();
  }

  @Override
  public String toString() {
    return "ImageMapper{" + mapping.targetTypeName() + "}";
  }
}
