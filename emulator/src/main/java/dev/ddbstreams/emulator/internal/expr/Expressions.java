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

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Parses the expressions of the DynamoDB API. Every error is an {@link
 * dev.ddbstreams.emulator.internal.protocol.AwsException} {@code ValidationException} with the
 * service's message (for example {@code Invalid ConditionExpression: Syntax error; token: ...}).
 *
 * <p>Parse once per request, then apply the result to as many items as needed: the results are
 * immutable and thread-safe. Placeholders are resolved while parsing, so {@link
 * ExpressionInput#checkAllUsed()} is meaningful once every expression of the request is parsed.
 *
 * <pre>{@code
 * ExpressionInput input = new ExpressionInput(names, values);
 * Condition filter = Expressions.condition("size(tags) > :n AND #s = :s", "FilterExpression", input);
 * input.checkAllUsed();
 * boolean keep = filter.test(item);
 * }</pre>
 */
public final class Expressions {

  /** The largest expression the service accepts, in UTF-8 bytes. */
  static final int MAX_EXPRESSION_BYTES = 4096;

  private Expressions() {}

  /**
   * Parses a condition or filter expression.
   *
   * @param text the expression
   * @param parameter the request parameter it came from ({@code ConditionExpression} or {@code
   *     FilterExpression}), for error messages
   * @param input the request's names and values
   */
  public static Condition condition(String text, String parameter, ExpressionInput input) {
    checkText(text, parameter);
    return ConditionParser.parse(text, parameter, input);
  }

  /** Parses an update expression. */
  public static Update update(String text, ExpressionInput input) {
    checkText(text, UpdateParser.PARAMETER);
    return UpdateParser.parse(text, input);
  }

  /** Parses a projection expression. */
  public static Projection projection(String text, ExpressionInput input) {
    checkText(text, ProjectionParser.PARAMETER);
    return ProjectionParser.parse(text, input);
  }

  /**
   * Parses a key condition expression for a table or index with these key attributes.
   *
   * @param partitionKey the partition key name of the table or index queried
   * @param sortKey its sort key name, or {@code null} if it has none
   */
  public static KeyCondition keyCondition(
      String text, ExpressionInput input, String partitionKey, @Nullable String sortKey) {
    checkText(text, KeyConditionParser.PARAMETER);
    return KeyConditionParser.parse(text, input, partitionKey, sortKey);
  }

  private static void checkText(String text, String parameter) {
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_EXPRESSION_BYTES) {
      throw ExpressionErrors.tooLarge(parameter, bytes);
    }
    if (text.isBlank()) {
      throw ExpressionErrors.empty(parameter);
    }
  }
}
