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
package dev.ddbstreams.emulator.internal.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the members of a request and checks them against the API model's constraints, collecting
 * every violation into one {@code ValidationException} worded as the service words it: {@code 2
 * validation errors detected: Value '0' at 'limit' failed to satisfy constraint: Member must have
 * value greater than or equal to 1; ...}.
 *
 * <p>A member of the wrong JSON type is a {@code SerializationException}, as the service answers.
 */
final class RequestFields {

  private final ObjectNode request;
  private final String prefix;
  private final List<String> errors;

  RequestFields(ObjectNode request) {
    this(request, "", new ArrayList<>());
  }

  private RequestFields(ObjectNode request, String prefix, List<String> errors) {
    this.request = request;
    this.prefix = prefix;
    this.errors = errors;
  }

  /**
   * A nested structure's members, whose violations are reported with this one's, or null if the
   * member is absent.
   */
  @Nullable RequestFields structure(String member) {
    JsonNode node = request.get(member);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw serialization(member);
    }
    return new RequestFields((ObjectNode) node, prefix + lowerCamel(member) + ".", errors);
  }

  /** A string member of {@code min} to {@code max} characters, or null if absent. */
  @Nullable String string(String member, boolean required, int min, int max) {
    JsonNode node = request.get(member);
    if (node == null || node.isNull()) {
      if (required) {
        errors.add(
            "Value null at '"
                + path(member)
                + "' failed to satisfy constraint: Member"
                + " must not be null");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw serialization(member);
    }
    String value = node.textValue();
    if (value.length() < min) {
      violation(value, member, "Member must have length greater than or equal to " + min);
    } else if (value.length() > max) {
      violation(value, member, "Member must have length less than or equal to " + max);
    }
    return value;
  }

  /** A string member that must be one of {@code allowed}, or null if absent. */
  @Nullable String oneOf(String member, boolean required, Set<String> allowed) {
    String value = string(member, required, 0, Integer.MAX_VALUE);
    if (value != null && !allowed.contains(value)) {
      violation(value, member, "Member must satisfy enum value set: " + new TreeSet<>(allowed));
    }
    return value;
  }

  /** An integer member from {@code min} to {@code max}, or {@code fallback} if absent. */
  int integer(String member, int min, int max, int fallback) {
    JsonNode node = request.get(member);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw serialization(member);
    }
    int value = node.intValue();
    if (value < min) {
      violation(value, member, "Member must have value greater than or equal to " + min);
    } else if (value > max) {
      violation(value, member, "Member must have value less than or equal to " + max);
    }
    return value;
  }

  /** Throws the collected violations, if any. */
  void check() {
    if (errors.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder()
            .append(errors.size())
            .append(
                errors.size() == 1
                    ? " validation error detected: "
                    : " validation errors" + " detected: ");
    message.append(String.join("; ", errors));
    throw AwsException.validation(message.toString());
  }

  private void violation(Object value, String member, String constraint) {
    errors.add(
        "Value '"
            + value
            + "' at '"
            + path(member)
            + "' failed to satisfy constraint: "
            + constraint);
  }

  private String path(String member) {
    return prefix + lowerCamel(member);
  }

  private static String lowerCamel(String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }

  private AwsException serialization(String member) {
    return new AwsException(
        400,
        "com.amazon.coral.service#SerializationException",
        "Unexpected JSON type for member " + path(member),
        null);
  }
}
