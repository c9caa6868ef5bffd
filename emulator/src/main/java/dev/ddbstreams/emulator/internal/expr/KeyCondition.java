package dev.ddbstreams.emulator.internal.expr;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parsed key condition expression: equality on the partition key and at most one condition on the
 * sort key.
 *
 * <p>The values are as the request gave them; checking their types against the key schema ({@code
 * One or more parameter values were invalid: Condition parameter type does not match schema type})
 * is the table's job, as only it knows the schema's types.
 *
 * @param partitionKey the partition key attribute name
 * @param partitionValue the value it must equal
 * @param sortKey the condition on the sort key, or {@code null}
 */
public record KeyCondition(
    String partitionKey, AttributeValue partitionValue, @Nullable SortKeyCondition sortKey) {

  /** Names the key attributes, never the values they are compared with. */
  @Override
  public String toString() {
    return "KeyCondition[partitionKey="
        + partitionKey
        + ", sortKey="
        + (sortKey == null ? "none" : sortKey.attributeName())
        + "]";
  }

  /**
   * The condition on the sort key: {@code = < <= > >= BETWEEN begins_with}. {@link #operator()} and
   * {@link #values()} let the table turn it into a range scan; {@link #test} checks one value.
   */
  public interface SortKeyCondition {

    /** The sort key attribute name. */
    String attributeName();

    /** Whether a sort key value satisfies the condition (values of another type never do). */
    boolean test(AttributeValue sortKeyValue);

    /**
     * The comparison, with the key attribute on the left ({@code :v < sk} is {@link Operator#GT}).
     */
    Operator operator();

    /**
     * The operands: one value, or for {@link Operator#BETWEEN} the lower then the upper bound (the
     * parser has checked that lower &lt;= upper).
     */
    List<AttributeValue> values();

    /** The comparisons a sort key condition can make. */
    enum Operator {
      EQ,
      LT,
      LE,
      GT,
      GE,
      BETWEEN,
      BEGINS_WITH
    }
  }
}
