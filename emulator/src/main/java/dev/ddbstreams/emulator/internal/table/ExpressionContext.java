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
import dev.ddbstreams.emulator.internal.expr.Condition;
import dev.ddbstreams.emulator.internal.expr.ExpressionInput;
import dev.ddbstreams.emulator.internal.expr.Expressions;
import dev.ddbstreams.emulator.internal.expr.KeyCondition;
import dev.ddbstreams.emulator.internal.expr.Projection;
import dev.ddbstreams.emulator.internal.expr.Update;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The expressions of one request (or one transaction action) and the names and values they share.
 * Adapts the expression API: creates the {@link ExpressionInput} only when an expression is parsed,
 * and answers the service's errors for names or values given without any expression.
 */
final class ExpressionContext {

  private final @Nullable Map<String, String> names;
  private final @Nullable Map<String, AttributeValue> values;
  private @Nullable ExpressionInput input;

  private ExpressionContext(
      @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
    this.names = names;
    this.values = values;
  }

  static ExpressionContext of(JsonNode request) {
    Map<String, String> names = null;
    JsonNode n = request.get("ExpressionAttributeNames");
    if (n != null && !n.isNull()) {
      if (!n.isObject()) {
        throw Requests.serialization("ExpressionAttributeNames");
      }
      if (n.isEmpty()) {
        throw AwsException.validation("ExpressionAttributeNames must not be empty");
      }
      names = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!e.getValue().isTextual()) {
          throw Requests.serialization("ExpressionAttributeNames");
        }
        names.put(e.getKey(), e.getValue().textValue());
      }
    }
    Map<String, AttributeValue> values = null;
    JsonNode v = request.get("ExpressionAttributeValues");
    if (v != null && !v.isNull()) {
      if (v.isObject() && v.isEmpty()) {
        throw AwsException.validation("ExpressionAttributeValues must not be empty");
      }
      values = ItemRules.normalize(AttributeValueJson.readItem(v, "ExpressionAttributeValues"));
    }
    return new ExpressionContext(names, values);
  }

  private ExpressionInput input() {
    if (input == null) {
      input = new ExpressionInput(names, values);
    }
    return input;
  }

  Condition condition(String text, String parameter) {
    return Expressions.condition(text, parameter, input());
  }

  Update update(String text) {
    return Expressions.update(text, input());
  }

  Projection projection(String text) {
    return Expressions.projection(text, input());
  }

  KeyCondition keyCondition(String text, String partitionKey, @Nullable String sortKey) {
    return Expressions.keyCondition(text, input(), partitionKey, sortKey);
  }

  /** Call after parsing every expression of the request: rejects unused names and values. */
  void finish() {
    if (input != null) {
      input.checkAllUsed();
      return;
    }
    if (names != null) {
      throw AwsException.validation(
          "ExpressionAttributeNames can only be specified when using expressions");
    }
    if (values != null) {
      throw AwsException.validation(
          "ExpressionAttributeValues can only be specified when using expressions");
    }
  }
}
