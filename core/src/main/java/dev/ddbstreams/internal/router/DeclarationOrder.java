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
package dev.ddbstreams.internal.router;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders a class's methods as they are declared in its source. Reflection returns them in no
 * specified order, so the order is read from the method table of the class file, which javac writes
 * in declaration order. If the class file cannot be read, methods are ordered by name and
 * descriptor, which is at least stable.
 */
final class DeclarationOrder {
  private DeclarationOrder() {}

  static List<Method> declaredMethods(Class<?> type) {
    List<Method> methods = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
    Map<String, Integer> positions = positions(type);
    Comparator<Method> byName =
        Comparator.comparing(Method::getName).thenComparing(DeclarationOrder::descriptor);
    if (positions.isEmpty()) {
      methods.sort(byName);
    } else {
      methods.sort(
          Comparator.comparing((Method m) -> positions.getOrDefault(key(m), Integer.MAX_VALUE))
              .thenComparing(byName));
    }
    return methods;
  }

  private static String key(Method m) {
    return m.getName() + descriptor(m);
  }

  static String descriptor(Method m) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> p : m.getParameterTypes()) {
      sb.append(typeDescriptor(p));
    }
    return sb.append(')').append(typeDescriptor(m.getReturnType())).toString();
  }

  private static String typeDescriptor(Class<?> c) {
    if (c.isArray()) {
      return c.getName().replace('.', '/');
    }
    if (c.isPrimitive()) {
      return switch (c.getName()) {
        case "void" -> "V";
        case "boolean" -> "Z";
        case "byte" -> "B";
        case "char" -> "C";
        case "short" -> "S";
        case "int" -> "I";
        case "long" -> "J";
        case "float" -> "F";
        default -> "D";
      };
    }
    return 'L' + c.getName().replace('.', '/') + ';';
  }

  /** Method name + descriptor to position in the class file, or empty if unreadable. */
  private static Map<String, Integer> positions(Class<?> type) {
    String resource = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        return Map.of();
      }
      return readMethodTable(new DataInputStream(in));
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  private static Map<String, Integer> readMethodTable(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      return Map.of();
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int poolSize = in.readUnsignedShort();
    String[] utf8 = new String[poolSize];
    for (int i = 1; i < poolSize; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4 -> in.skipNBytes(4);
        case 5, 6 -> {
          in.skipNBytes(8);
          i++; // longs and doubles take two slots
        }
        case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
        case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
        case 15 -> in.skipNBytes(3);
        default -> {
          return Map.of();
        }
      }
    }
    in.skipNBytes(6); // access flags, this class, super class
    in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int i = 0; i < fields; i++) {
      in.skipNBytes(6);
      skipAttributes(in);
    }
    int methods = in.readUnsignedShort();
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < methods; i++) {
      in.readUnsignedShort(); // access flags
      String name = utf8[in.readUnsignedShort()];
      String descriptor = utf8[in.readUnsignedShort()];
      positions.putIfAbsent(name + descriptor, i);
      skipAttributes(in);
    }
    return positions;
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int count = in.readUnsignedShort();
    for (int i = 0; i < count; i++) {
      in.skipNBytes(2);
      in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
    }
  }
}
