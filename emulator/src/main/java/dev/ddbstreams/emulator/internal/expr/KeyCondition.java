package dev.ddbstreams.emulator.internal.expr;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A parsed key condition expression: equality on the partition key and at most one condition on the
 * sort key.
 *
 * @param partitionKey the partition key attribute name
 * @param partitionValue the value it must equal
 * @param sortKey the condition on the sort key, or {@code null}
 */
public record KeyCondition(
    String partitionKey, AttributeValue partitionValue, @Nullable SortKeyCondition sortKey) {

  /** The condition on the sort key: {@code = < <= > >= BETWEEN begins_with}. */
  public interface SortKeyCondition {

    /** The sort key attribute name. */
    String attributeName();

    /** Whether a sort key value satisfies the condition. */
    boolean test(AttributeValue sortKeyValue);
  }
}
