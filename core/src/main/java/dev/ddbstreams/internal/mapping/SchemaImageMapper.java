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
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps images with an enhanced-client {@link TableSchema}. */
final class SchemaImageMapper<T> implements TypeMapping<T> {
  private final TableSchema<T> schema;
  private final String typeName;

  /**
   * Creates the mapper.
   *
   * @param schema the schema, built once by the caller
   */
  SchemaImageMapper(TableSchema<T> schema) {
    this.schema = schema;
    this.typeName = schema.itemType().rawClass().getName();
  }

  @Override
  public T map(Map<String, AttributeValue> image) {
    try {
      return schema.mapToItem(image);
    } catch (RuntimeException e) {
      // The enhanced client's messages may quote values; find the attribute instead.
      throw new ImageMappingException(typeName, failingAttribute(image), reason(e));
    }
  }

  @Override
  public String targetTypeName() {
    return typeName;
  }

  @Override
  public Set<String> attributeNames() {
    return Set.copyOf(schema.attributeNames());
  }

  /** Only on the error path: maps attributes one at a time to name the one that fails. */
  private String failingAttribute(Map<String, AttributeValue> image) {
    for (Map.Entry<String, AttributeValue> e : image.entrySet()) {
      try {
        schema.mapToItem(Map.of(e.getKey(), e.getValue()));
      } catch (RuntimeException failure) {
        return AttributePath.quote(e.getKey());
      }
    }
    return "";
  }

  private static String reason(RuntimeException e) {
    return "the table schema cannot convert the attribute (" + e.getClass().getSimpleName() + ")";
  }
}
