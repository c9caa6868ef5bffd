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
package dev.ddbstreams.emulator.internal.table;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading request parameters with the service's validation messages. */
final class Requests {

  private Requests() {}

  static String tableName(JsonNode request) {
    String name = text(request, "TableName");
    if (name == null) {
      throw missing("TableName");
    }
    return name;
  }

  static @Nullable String text(JsonNode request, String field) {
    JsonNode n = request.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw serialization(field);
    }
    return n.textValue();
  }

  static String requiredText(JsonNode request, String field) {
    String s = text(request, field);
    if (s == null) {
      throw missing(field);
    }
    return s;
  }

  static boolean bool(JsonNode request, String field, boolean dflt) {
    JsonNode n = request.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isBoolean()) {
      throw serialization(field);
    }
    return n.booleanValue();
  }

  static @Nullable Boolean optBool(JsonNode request, String field) {
    JsonNode n = request.get(field);
    return n == null || n.isNull() ? null : bool(request, field, false);
  }

  static @Nullable Long number(JsonNode request, String field) {
    JsonNode n = request.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber()) {
      throw serialization(field);
    }
    return n.longValue();
  }

  static boolean has(JsonNode request, String field) {
    JsonNode n = request.get(field);
    return n != null && !n.isNull();
  }

  /** A required item-shaped parameter ({@code Item}, {@code Key}), checked and normalized. */
  static Map<String, AttributeValue> item(JsonNode request, String field) {
    JsonNode n = request.get(field);
    if (n == null || n.isNull()) {
      throw missing(field);
    }
    return ItemRules.normalize(AttributeValueJson.readItem(n, field));
  }

  static @Nullable Map<String, AttributeValue> optItem(JsonNode request, String field) {
    JsonNode n = request.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    return ItemRules.normalize(AttributeValueJson.readItem(n, field));
  }

  /** An enum parameter; {@code dflt} when absent. */
  static String choice(JsonNode request, String field, List<String> allowed, String dflt) {
    String v = text(request, field);
    if (v == null) {
      return dflt;
    }
    if (!allowed.contains(v)) {
      throw AwsException.validation(
          "1 validation error detected: Value '"
              + v
              + "' at '"
              + camel(field)
              + "' failed to satisfy constraint: Member must satisfy enum value set: "
              + allowed);
    }
    return v;
  }

  static AwsException missing(String field) {
    return AwsException.validation(
        "1 validation error detected: Value null at '"
            + camel(field)
            + "' failed to satisfy constraint: Member must not be null");
  }

  static AwsException serialization(String field) {
    return new AwsException(
        400,
        "com.amazon.coral.service#SerializationException",
        "Unexpected value type for " + field,
        null);
  }

  static AwsException tableNotFound() {
    return AwsException.resourceNotFound("Requested resource not found");
  }

  static String camel(String field) {
    return Character.toLowerCase(field.charAt(0)) + field.substring(1);
  }
}
