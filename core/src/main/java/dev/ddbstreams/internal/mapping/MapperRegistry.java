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

import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.ImageMappingException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;

/** Picks and caches one mapper per target type; the cache lives as long as the class. */
public final class MapperRegistry {
  private static final ClassValue<ImageMapper<?>> MAPPERS =
      new ClassValue<>() {
        @Override
        protected ImageMapper<?> computeValue(Class<?> type) {
          return create(type);
        }
      };

  private MapperRegistry() {}

  /**
   * Returns the cached mapper for a type.
   *
   * @throws ImageMappingException if no mapper can be built for it
   */
  @SuppressWarnings("unchecked")
  public static <T> ImageMapper<T> mapperFor(Class<T> type) {
    return (ImageMapper<T>) MAPPERS.get(type);
  }

  /**
   * Returns the attribute names images of the mapper's type may have, for checking attribute paths
   * at build time, or {@code null} when any attribute fits (maps, documents, trees, any-setters,
   * mappers this registry did not make).
   *
   * @param mapper a mapper
   * @return the names, or {@code null} for free-form types
   */
  public static @Nullable Set<String> attributeNames(ImageMapper<?> mapper) {
    if (mapper instanceof SchemaImageMapper<?> schema) {
      return Set.copyOf(schema.attributeNames());
    }
    if (mapper instanceof JacksonImageMapper<?> jackson) {
      return jackson.propertyNames();
    }
    if (mapper instanceof RecordImageMapper<?> record) {
      return record.jackson().propertyNames();
    }
    return null;
  }

  private static ImageMapper<?> create(Class<?> type) {
    if (type == Map.class) {
      return new UntypedMapper();
    }
    if (type == EnhancedDocument.class) {
      return new DocumentMapper();
    }
    try {
      if (type.isAnnotationPresent(DynamoDbBean.class)) {
        return new SchemaImageMapper<>(TableSchema.fromBean(type));
      }
      if (type.isAnnotationPresent(DynamoDbImmutable.class)) {
        return new SchemaImageMapper<>(TableSchema.fromImmutableClass(type));
      }
    } catch (RuntimeException e) {
      throw new ImageMappingException(
          type.getName(), "", "cannot build its table schema: " + e.getMessage());
    }
    return RecordImageMapper.orJackson(type);
  }

  private static final class UntypedMapper implements ImageMapper<Map<?, ?>> {
    @Override
    public Map<?, ?> map(
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
      return UntypedImages.toMap(image);
    }

    @Override
    public String targetTypeName() {
      return "java.util.Map";
    }
  }

  private static final class DocumentMapper implements ImageMapper<EnhancedDocument> {
    @Override
    public EnhancedDocument map(
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
      return EnhancedDocument.fromAttributeValueMap(image);
    }

    @Override
    public String targetTypeName() {
      return EnhancedDocument.class.getName();
    }
  }
}
