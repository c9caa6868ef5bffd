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
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Picks and caches one mapper per target type; the cache lives as long as the class. */
public final class MapperRegistry {
  private static final ClassValue<TypeMapping<?>> MAPPERS =
      new ClassValue<>() {
        @Override
        protected TypeMapping<?> computeValue(Class<?> type) {
          return create(type);
        }
      };

  private MapperRegistry() {}

  /**
   * Returns the cached mapping for a type.
   *
   * @param type the target type
   * @param <T> the target type
   * @return the mapping
   * @throws ImageMappingException if no mapping can be built for it
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeMapping<T> mappingFor(Class<T> type) {
    return (TypeMapping<T>) MAPPERS.get(type);
  }

  /**
   * Returns a mapping that uses an enhanced-client table schema.
   *
   * @param schema the schema, built once by the caller
   * @param <T> the item type
   * @return the mapping
   */
  public static <T> TypeMapping<T> schemaMapping(TableSchema<T> schema) {
    return new SchemaImageMapper<>(schema);
  }

  private static TypeMapping<?> create(Class<?> type) {
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

  private static final class UntypedMapper implements TypeMapping<Map<?, ?>> {
    @Override
    public Map<?, ?> map(Map<String, AttributeValue> image) {
      return UntypedImages.toMap(image);
    }

    @Override
    public String targetTypeName() {
      return "java.util.Map";
    }
  }

  private static final class DocumentMapper implements TypeMapping<EnhancedDocument> {
    @Override
    public EnhancedDocument map(Map<String, AttributeValue> image) {
      return EnhancedDocument.fromAttributeValueMap(image);
    }

    @Override
    public String targetTypeName() {
      return EnhancedDocument.class.getName();
    }
  }
}
