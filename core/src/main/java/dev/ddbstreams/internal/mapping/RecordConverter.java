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

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds a Java record from an attribute map: one converter per component and the canonical
 * constructor as a method handle, both found once. Nested records are converters of their own, so a
 * record that contains itself (a tree) works.
 */
final class RecordConverter extends ValueConverter {
  private final String[] names;
  private final ValueConverter[] components;
  private final Map<String, Integer> indexByName;
  private final MethodHandle constructor;

  private RecordConverter(String[] names, ValueConverter[] components, MethodHandle constructor) {
    this.names = names;
    this.components = components;
    this.constructor = constructor;
    this.indexByName = new HashMap<>(UntypedImages.capacity(names.length));
    for (int i = 0; i < names.length; i++) {
      indexByName.put(names[i], i);
    }
  }

  /**
   * Returns the converter of a record, or {@code null} if the Jackson mapper should map it: a
   * component type this class does not handle, a Jackson annotation, property names that differ
   * from the component names, or a constructor this package may not call.
   */
  static @Nullable RecordConverter of(Class<?> type) {
    return of(type, new HashMap<>());
  }

  private static @Nullable RecordConverter of(
      Class<?> type, Map<Class<?>, RecordConverter> building) {
    RecordConverter known = building.get(type);
    if (known != null) {
      return known;
    }
    if (!type.isRecord() || JacksonAnnotations.present(type)) {
      return null;
    }
    RecordComponent[] recordComponents = type.getRecordComponents();
    String[] names = new String[recordComponents.length];
    Class<?>[] raw = new Class<?>[recordComponents.length];
    for (int i = 0; i < recordComponents.length; i++) {
      names[i] = recordComponents[i].getName();
      raw[i] = recordComponents[i].getType();
    }
    if (!Objects.equals(
        MappableTypes.propertyNames(JacksonImageMapper.JSON, type), Set.of(names))) {
      return null;
    }
    MethodHandle constructor = constructor(type, raw);
    if (constructor == null) {
      return null;
    }
    ValueConverter[] converters = new ValueConverter[recordComponents.length];
    RecordConverter converter = new RecordConverter(names, converters, constructor);
    building.put(type, converter);
    for (int i = 0; i < recordComponents.length; i++) {
      ValueConverter c = forType(recordComponents[i].getGenericType(), building);
      if (c == null) {
        return null;
      }
      converters[i] = c;
    }
    return converter;
  }

  private static @Nullable ValueConverter forType(
      Type type, Map<Class<?>, RecordConverter> building) {
    if (type instanceof Class<?> c) {
      ValueConverter scalar = ValueConverters.scalar(c);
      return scalar != null ? scalar : of(c, building);
    }
    if (!(type instanceof ParameterizedType p) || !(p.getRawType() instanceof Class<?> raw)) {
      return null;
    }
    Type[] arguments = p.getActualTypeArguments();
    Boolean set = ValueConverters.isSet(raw);
    if (set != null) {
      ValueConverter element = forType(arguments[0], building);
      return element == null ? null : new ValueConverters.Collections(element, set);
    }
    if (raw == Map.class && arguments[0] == String.class) {
      ValueConverter value = forType(arguments[1], building);
      return value == null ? null : new ValueConverters.Maps(value);
    }
    return null;
  }

  /**
   * The canonical constructor taking its arguments as one {@code Object[]}. The Jackson mapper
   * calls non-public constructors too, so this looks them up with private access where the record's
   * module allows it.
   */
  private static @Nullable MethodHandle constructor(Class<?> type, Class<?>[] parameters) {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      MethodHandle handle =
          lookup.findConstructor(type, MethodType.methodType(void.class, parameters));
      return handle
          .asSpreader(Object[].class, parameters.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }

  @Override
  Object fromM(Map<String, AttributeValue> image) {
    ValueConverter[] converters = components;
    Object[] arguments = new Object[converters.length];
    int found = 0;
    for (Map.Entry<String, AttributeValue> e : image.entrySet()) {
      Integer index = indexByName.get(e.getKey());
      if (index == null) {
        if (!acceptedWhenIgnored(e.getValue())) {
          return FALLBACK;
        }
        continue;
      }
      Object value = converters[index].convert(e.getValue());
      if (value == FALLBACK) {
        return FALLBACK;
      }
      arguments[index] = value;
      found++;
    }
    if (found < converters.length && !fillMissing(image, arguments)) {
      return FALLBACK;
    }
    try {
      return (Object) constructor.invokeExact(arguments);
    } catch (RuntimeException e) {
      // The Jackson mapper reports a throwing constructor with the path it was building.
      return FALLBACK;
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      return FALLBACK;
    }
  }

  /** Sets the values of components the image lacks; {@code false} if one cannot be missing. */
  private boolean fillMissing(Map<String, AttributeValue> image, Object[] arguments) {
    for (int i = 0; i < names.length; i++) {
      if (arguments[i] == null && !image.containsKey(names[i])) {
        Object value = components[i].missing();
        if (value == FALLBACK) {
          return false;
        }
        arguments[i] = value;
      }
    }
    return true;
  }
}
