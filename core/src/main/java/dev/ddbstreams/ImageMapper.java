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

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a DynamoDB image (the attribute map of a stream record's {@code NewImage} or {@code
 * OldImage}) into a Java object.
 *
 * <p>{@link #of(Class)} picks a mapper by the target type and builds it once per type:
 *
 * <ul>
 *   <li>classes annotated {@code @DynamoDbBean}: the enhanced client's {@code
 *       TableSchema.fromBean};
 *   <li>classes annotated {@code @DynamoDbImmutable}: {@code TableSchema.fromImmutableClass};
 *   <li>{@code Map.class}: an untyped {@code Map<String, Object>} as {@link Images#toMap} gives;
 *   <li>{@code EnhancedDocument.class}: the enhanced client's document;
 *   <li>any other class Jackson can build from an object, Java records included: a Jackson-based
 *       mapper. Numbers go to the field's numeric type and fail if they do not fit, {@code
 *       SS}/{@code NS}/{@code BS} to sets or lists, {@code B} to {@code byte[]}, {@code NULL} to
 *       {@code null}, {@code M} and {@code L} to nested objects, maps and lists. Attributes without
 *       a field are ignored. Types an image can never become ({@code String}, numbers, collections,
 *       {@code Optional}, SDK model classes, classes without a usable constructor) are refused when
 *       the mapper is asked for, not on the first record.
 * </ul>
 *
 * <p>Implementations must be thread-safe and must throw {@link ImageMappingException}, naming the
 * attribute path and never a value, when an image does not fit.
 *
 * <pre>{@code
 * ImageMapper<Pet> pets = ImageMapper.of(Pet.class);
 * Pet pet = pets.map(record.dynamodb().newImage());
 * }</pre>
 *
 * @param <T> the type images are mapped to
 */
@FunctionalInterface
public interface ImageMapper<T> {

  /**
   * Maps one image.
   *
   * @param image the image's attributes
   * @return the mapped object, never {@code null}
   * @throws ImageMappingException if the image does not fit the target type
   */
  T map(Map<String, AttributeValue> image);

  /**
   * Returns a name for the target type, used in exception messages.
   *
   * @return a type name; by default this mapper's class name
   */
  default String targetTypeName() {
    return getClass().getName();
  }

  /**
   * Returns the mapper for a target type, built on first use and cached for the life of the class.
   *
   * @param type the target type
   * @param <T> the target type
   * @return a thread-safe mapper
   * @throws ImageMappingException if no mapper can be built for the type (for example a bean whose
   *     schema the enhanced client rejects) or no image can become one (such as {@code String} or
   *     {@code List})
   */
  static <T> ImageMapper<T> of(Class<T> type) {
    return BuiltInMapper.of(type);
  }

  /**
   * Returns a mapper that uses an enhanced-client table schema, for example a static schema that
   * avoids bean introspection.
   *
   * @param schema the schema
   * @param <T> the item type
   * @return a thread-safe mapper
   */
  static <T> ImageMapper<T> of(TableSchema<T> schema) {
    return BuiltInMapper.of(schema);
  }
}
