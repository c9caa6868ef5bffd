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
package dev.ddbstreams.emulator.internal.expr;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The names the service uses for attribute value types in expressions and their error messages: the
 * short wire names ({@code S}, {@code NS}, {@code NULL}, ...) and the long names of the {@code ADD}
 * and {@code DELETE} operand errors ({@code STRING}, {@code NUMBER_SET}, ...).
 */
final class TypeNames {

  /** The type names {@code attribute_type} accepts, in the order the service lists them. */
  static final String VALID_TYPES = "{ B,NULL,SS,BOOL,L,BS,N,NS,S,M }";

  private TypeNames() {}

  /** The wire name of a value's type: {@code S N B SS NS BS M L BOOL NULL}. */
  static String shortName(AttributeValue v) {
    switch (v.type()) {
      case NUL:
        return "NULL";
      case UNKNOWN_TO_SDK_VERSION:
        return "UNKNOWN";
      default:
        return v.type().name();
    }
  }

  /** The long name of a value's type, as the {@code ADD} and {@code DELETE} errors spell it. */
  static String longName(AttributeValue v) {
    switch (v.type()) {
      case S:
        return "STRING";
      case N:
        return "NUMBER";
      case B:
        return "BINARY";
      case SS:
        return "STRING_SET";
      case NS:
        return "NUMBER_SET";
      case BS:
        return "BINARY_SET";
      case M:
        return "MAP";
      case L:
        return "LIST";
      case BOOL:
        return "BOOLEAN";
      case NUL:
        return "NULL";
      default:
        return "UNKNOWN";
    }
  }

  /** Whether {@code name} is a type {@code attribute_type} accepts. */
  static boolean isValidTypeName(String name) {
    switch (name) {
      case "S":
      case "N":
      case "B":
      case "SS":
      case "NS":
      case "BS":
      case "M":
      case "L":
      case "BOOL":
      case "NULL":
        return true;
      default:
        return false;
    }
  }

  /** Whether a value can be ordered by {@code < <= > >= BETWEEN}: a string, number or binary. */
  static boolean isOrderable(AttributeValue v) {
    switch (v.type()) {
      case S:
      case N:
      case B:
        return true;
      default:
        return false;
    }
  }
}
