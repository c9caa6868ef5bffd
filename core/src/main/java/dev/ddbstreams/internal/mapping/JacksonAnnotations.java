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

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;

/**
 * Finds Jackson annotations on a class. A record or enum that carries any (renamed or ignored
 * properties, creators, custom deserializers, null handling, aliases) is left to the Jackson
 * mapper, which honours all of them.
 */
final class JacksonAnnotations {
  private JacksonAnnotations() {}

  /** Whether the class, its interfaces or any of their members carry a Jackson annotation. */
  static boolean present(Class<?> type) {
    if (any(type)) {
      return true;
    }
    for (Field f : type.getDeclaredFields()) {
      if (any(f)) {
        return true;
      }
    }
    for (Method m : type.getDeclaredMethods()) {
      if (any(m) || anyOnParameters(m.getParameters())) {
        return true;
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (any(c) || anyOnParameters(c.getParameters())) {
        return true;
      }
    }
    RecordComponent[] components = type.getRecordComponents();
    if (components != null) {
      for (RecordComponent c : components) {
        if (any(c)) {
          return true;
        }
      }
    }
    for (Class<?> i : type.getInterfaces()) {
      if (present(i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyOnParameters(Parameter[] parameters) {
    for (Parameter p : parameters) {
      if (any(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(AnnotatedElement element) {
    for (Annotation a : element.getDeclaredAnnotations()) {
      Class<? extends Annotation> type = a.annotationType();
      if (type.getName().startsWith("com.fasterxml.jackson.")
          || type.isAnnotationPresent(JacksonAnnotationsInside.class)) {
        return true;
      }
    }
    return false;
  }
}
