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

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The names and values of a test request. Each parse gets a fresh {@link ExpressionInput}, unless a
 * test keeps one to check usage across expressions.
 */
final class Req {

  private final Map<String, String> names = new LinkedHashMap<>();
  private final Map<String, AttributeValue> values = new LinkedHashMap<>();

  static Req req() {
    return new Req();
  }

  /** Alternating {@code :placeholder}, value. */
  static Req values(Object... placeholdersAndValues) {
    Req r = new Req();
    for (int i = 0; i < placeholdersAndValues.length; i += 2) {
      r.values.put(
          (String) placeholdersAndValues[i], (AttributeValue) placeholdersAndValues[i + 1]);
    }
    return r;
  }

  Req value(String placeholder, AttributeValue value) {
    values.put(placeholder, value);
    return this;
  }

  Req name(String placeholder, String name) {
    names.put(placeholder, name);
    return this;
  }

  ExpressionInput input() {
    return new ExpressionInput(names, values);
  }

  Condition condition(String text) {
    return Expressions.condition(text, "ConditionExpression", input());
  }

  boolean test(String text, Map<String, AttributeValue> item) {
    return condition(text).test(item);
  }

  Update update(String text) {
    return Expressions.update(text, input());
  }

  Map<String, AttributeValue> apply(String text, Map<String, AttributeValue> item) {
    return update(text).apply(item);
  }
}
