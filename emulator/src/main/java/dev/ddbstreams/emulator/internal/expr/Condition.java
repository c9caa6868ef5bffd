package dev.ddbstreams.emulator.internal.expr;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed condition or filter expression. Immutable and thread-safe. */
public interface Condition {

  /**
   * Evaluates the condition on an item.
   *
   * @param item the item, empty when it does not exist
   * @return whether the condition holds
   */
  boolean test(Map<String, AttributeValue> item);
}
