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
 * One of the built-in mappings behind {@code ImageMapper.of}. The public interface wraps it, so
 * this package never depends on the public type it implements.
 *
 * @param <T> the type images are mapped to
 */
public interface TypeMapping<T> {
  /**
   * Maps one image.
   *
   * @param image the image's attributes
   * @return the mapped object
   * @throws dev.ddbstreams.ImageMappingException if the image does not fit the target type
   */
  T map(Map<String, AttributeValue> image);

  /**
   * Returns the target type's name, for exception messages.
   *
   * @return the name
   */
  String targetTypeName();

  /**
   * Returns the attribute names images of the target type may have, for checking attribute paths at
   * build time, or {@code null} when any attribute fits (maps, documents, trees, any-setters).
   *
   * @return the names, or {@code null} for free-form types
   */
  default @Nullable Set<String> attributeNames() {
    return null;
  }
}
