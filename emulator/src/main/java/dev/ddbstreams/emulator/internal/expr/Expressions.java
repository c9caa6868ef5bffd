package dev.ddbstreams.emulator.internal.expr;

import org.jspecify.annotations.Nullable;

/**
 * Parses the expressions of the DynamoDB API. Every error is an {@link
 * dev.ddbstreams.emulator.internal.protocol.AwsException} {@code ValidationException} with the
 * service's message (for example {@code Invalid ConditionExpression: Syntax error; token: ...}).
 */
public final class Expressions {

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
    throw new UnsupportedOperationException("being written");
  }

  /** Parses an update expression. */
  public static Update update(String text, ExpressionInput input) {
    throw new UnsupportedOperationException("being written");
  }

  /** Parses a projection expression. */
  public static Projection projection(String text, ExpressionInput input) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Parses a key condition expression for a table or index with these key attributes.
   *
   * @param partitionKey the partition key name of the table or index queried
   * @param sortKey its sort key name, or {@code null} if it has none
   */
  public static KeyCondition keyCondition(
      String text, ExpressionInput input, String partitionKey, @Nullable String sortKey) {
    throw new UnsupportedOperationException("being written");
  }
}
