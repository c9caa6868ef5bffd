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

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared
 * by all of its expressions, tracking which were used so that {@link #checkAllUsed()} can reject
 * unused ones as the service does.
 *
 * <p>The constructor checks the maps as the service checks them on input: keys must be {@code
 * #word} and {@code :word} placeholders, names must not be empty, and values must hold valid data
 * (numbers within the service's range, non-empty sets without duplicates, at most 32 levels of
 * nesting), and keeps numbers in the canonical form the service stores ({@code 1.50} as {@code
 * 1.5}), so that what an update writes and what a key condition carries are canonical. Whether a
 * present but empty map is allowed is the caller's decision: {@code null} and an empty map both
 * mean "none here".
 *
 * <p>Not thread-safe: one instance serves one request, whose expressions are parsed one after the
 * other. Typical use:
 *
 * <pre>{@code
 * ExpressionInput input = new ExpressionInput(request.names(), request.values());
 * Condition condition = Expressions.condition(text, "ConditionExpression", input);
 * Update update = Expressions.update(updateText, input);
 * input.checkAllUsed();
 * }</pre>
 */
public final class ExpressionInput {

  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Set<String> usedNames = new HashSet<>();
  private final Set<String> usedValues = new HashSet<>();

  /**
   * @param names the request's {@code ExpressionAttributeNames}, or {@code null}
   * @param values the request's {@code ExpressionAttributeValues}, or {@code null}
   * @throws AwsException a {@code ValidationException} for an invalid key or value
   */
  public ExpressionInput(
      @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
    this.names = names == null ? Map.of() : Map.copyOf(names);
    this.values = new HashMap<>();
    for (Map.Entry<String, String> e : this.names.entrySet()) {
      if (!isPlaceholder(e.getKey(), '#')) {
        throw AwsException.validation(
            "ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                + e.getKey()
                + "\"");
      }
      if (e.getValue().isEmpty()) {
        throw AwsException.validation(
            "ExpressionAttributeNames contains invalid value: Empty attribute name for key "
                + e.getKey());
      }
    }
    for (Map.Entry<String, AttributeValue> e :
        (values == null ? Map.<String, AttributeValue>of() : values).entrySet()) {
      if (!isPlaceholder(e.getKey(), ':')) {
        throw AwsException.validation(
            "ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                + e.getKey()
                + "\"");
      }
      ValueRules.check(e.getValue(), e.getKey());
      this.values.put(e.getKey(), ValueRules.canonical(e.getValue()));
    }
  }

  /**
   * Throws the service's {@code ValidationException} if a name or value was given but not used by
   * any expression parsed with this input.
   */
  public void checkAllUsed() {
    Set<String> unusedNames = new TreeSet<>(names.keySet());
    unusedNames.removeAll(usedNames);
    if (!unusedNames.isEmpty()) {
      throw AwsException.validation(
          "Value provided in ExpressionAttributeNames unused in expressions: keys: "
              + braces(unusedNames));
    }
    Set<String> unusedValues = new TreeSet<>(values.keySet());
    unusedValues.removeAll(usedValues);
    if (!unusedValues.isEmpty()) {
      throw AwsException.validation(
          "Value provided in ExpressionAttributeValues unused in expressions: keys: "
              + braces(unusedValues));
    }
  }

  /** The attribute name behind {@code #placeholder}, marking it used. */
  String name(String placeholder, String parameter) {
    String name = names.get(placeholder);
    if (name == null) {
      throw ExpressionErrors.undefinedName(parameter, placeholder);
    }
    usedNames.add(placeholder);
    return name;
  }

  /** The value behind {@code :placeholder}, marking it used. */
  AttributeValue value(String placeholder, String parameter) {
    AttributeValue value = values.get(placeholder);
    if (value == null) {
      throw ExpressionErrors.undefinedValue(parameter, placeholder);
    }
    usedValues.add(placeholder);
    return value;
  }

  private static boolean isPlaceholder(String key, char prefix) {
    if (key.length() < 2 || key.charAt(0) != prefix) {
      return false;
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean word =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word) {
        return false;
      }
    }
    return true;
  }

  private static String braces(Set<String> keys) {
    return "{" + String.join(", ", keys) + "}";
  }
}
