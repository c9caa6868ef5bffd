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

import dev.ddbstreams.internal.mapping.UntypedImages;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts DynamoDB images to and from plain Java values, for handlers that want no target type.
 *
 * <p>The mapping, both ways:
 *
 * <table>
 *   <caption>Attribute types and their Java values</caption>
 *   <tr><th>DynamoDB</th><th>Java</th></tr>
 *   <tr><td>S</td><td>{@code String}</td></tr>
 *   <tr><td>N</td><td>{@code BigDecimal} (exact, 38 digits and every exponent DynamoDB allows)</td></tr>
 *   <tr><td>B</td><td>{@code byte[]}</td></tr>
 *   <tr><td>BOOL</td><td>{@code Boolean}</td></tr>
 *   <tr><td>NULL</td><td>{@code null}</td></tr>
 *   <tr><td>SS</td><td>{@code Set<String>}</td></tr>
 *   <tr><td>NS</td><td>{@code Set<BigDecimal>}</td></tr>
 *   <tr><td>BS</td><td>{@code Set<ByteBuffer>} (byte arrays do not compare by content)</td></tr>
 *   <tr><td>L</td><td>{@code List<Object>}</td></tr>
 *   <tr><td>M</td><td>{@code Map<String, Object>}</td></tr>
 * </table>
 *
 * <p>Maps and sets keep the order DynamoDB sent. Thread-safe; all methods are static.
 */
public final class Images {
  private Images() {}

  /**
   * Converts an image to an untyped map.
   *
   * @param image the image's attributes
   * @return a new, modifiable map in the image's order; values as in the table above
   * @throws ImageMappingException naming the attribute path if an attribute has an unknown type or
   *     a number is not a number
   */
  public static Map<String, @Nullable Object> toMap(Map<String, AttributeValue> image) {
    return UntypedImages.toMap(image);
  }

  /**
   * Converts one attribute value to its plain Java value.
   *
   * @param value the attribute value
   * @return the Java value as in the table above; {@code null} for {@code NULL}
   * @throws ImageMappingException if the value has an unknown type or a number is not a number
   */
  public static @Nullable Object toValue(AttributeValue value) {
    return UntypedImages.toValue(value, "");
  }

  /**
   * Converts a map of plain Java values to an image, the inverse of {@link #toMap(Map)}.
   *
   * <p>Besides the types above it accepts any {@code Number}, {@code SdkBytes}, {@code ByteBuffer}
   * and {@code Collection} (as {@code L}); an empty set has no DynamoDB form and is rejected.
   *
   * @param values the values
   * @return the image
   * @throws IllegalArgumentException naming the attribute path of a value it cannot convert
   */
  public static Map<String, AttributeValue> fromMap(
      Map<String, ? extends @Nullable Object> values) {
    return UntypedImages.fromMap(values);
  }

  /**
   * Converts one plain Java value to an attribute value, the inverse of {@link
   * #toValue(AttributeValue)}.
   *
   * @param value the value
   * @return the attribute value
   * @throws IllegalArgumentException if the value has no DynamoDB form
   */
  public static AttributeValue fromValue(@Nullable Object value) {
    return UntypedImages.fromValue(value, "");
  }
}
