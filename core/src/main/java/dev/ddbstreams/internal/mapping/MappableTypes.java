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

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.ddbstreams.ImageMappingException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Jackson can make of an image, decided once per type when its mapper is built: an image is an
 * attribute map, so only a type Jackson builds from a JSON object can take one (a class with
 * properties, a Java record, a {@code Map}, {@code JsonNode} or {@code Object}). A {@code String},
 * a number, a collection, an {@code Optional} or an SDK model class would fail on every record.
 */
final class MappableTypes {
  private MappableTypes() {}

  /**
   * Checks that Jackson can build the type from an object.
   *
   * @throws ImageMappingException naming the type and why not
   */
  static void check(ObjectMapper json, Class<?> type) {
    String reason = unmappableReason(json, type);
    if (reason != null) {
      throw new ImageMappingException(type.getName(), "", reason);
    }
  }

  /**
   * The JSON property names Jackson reads for the type, or {@code null} if it takes any attribute
   * (a map, a tree, {@code Object}, or a class with an any-setter).
   */
  static @Nullable Set<String> propertyNames(ObjectMapper json, Class<?> type) {
    if (Map.class.isAssignableFrom(type)
        || JsonNode.class.isAssignableFrom(type)
        || type == Object.class) {
      return null;
    }
    DeserializationConfig config = json.getDeserializationConfig();
    BeanDescription bean = config.introspect(json.constructType(type));
    if (bean.findAnySetterAccessor() != null) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (BeanPropertyDefinition p : bean.findProperties()) {
      if (p.couldDeserialize() || p.hasConstructorParameter()) {
        names.add(p.getName());
      }
    }
    return Collections.unmodifiableSet(names);
  }

  private static @Nullable String unmappableReason(ObjectMapper json, Class<?> type) {
    if (type.getName().startsWith("software.amazon.awssdk.")) {
      return "an SDK model class is not an image type; take StreamRecord<T> (its raw() is the SDK"
          + " record) or an image type such as Map<String, Object>";
    }
    if (Map.class.isAssignableFrom(type)
        || JsonNode.class.isAssignableFrom(type)
        || type == Object.class) {
      return null;
    }
    JavaType javaType = json.constructType(type);
    JsonDeserializer<?> deserializer;
    try {
      DeserializationContext context =
          ((DefaultDeserializationContext) json.getDeserializationContext())
              .createInstance(json.getDeserializationConfig(), null, null);
      deserializer = context.findRootValueDeserializer(javaType);
    } catch (Exception e) {
      return "no image can be mapped to it (" + e.getClass().getSimpleName() + ")";
    }
    if (!(deserializer instanceof BeanDeserializerBase bean)) {
      return "an image is an attribute map, and "
          + type.getSimpleName()
          + " cannot be built from one; take a class or record with a field per attribute, a"
          + " Map<String, Object> or an EnhancedDocument";
    }
    ValueInstantiator creator = bean.getValueInstantiator();
    if (!creator.canCreateUsingDefault()
        && !creator.canCreateFromObjectWith()
        && !creator.canCreateUsingDelegate()) {
      return "it has no constructor an image can be mapped with (no no-argument constructor,"
          + " canonical record constructor or @JsonCreator)";
    }
    return null;
  }
}
