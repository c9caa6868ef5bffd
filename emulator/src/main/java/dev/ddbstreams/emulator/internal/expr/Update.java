package dev.ddbstreams.emulator.internal.expr;

import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed update expression. Immutable and thread-safe. */
public interface Update {

  /**
   * Applies the update to a copy of the item.
   *
   * @param item the item as stored, empty when it does not exist yet (its key attributes are set by
   *     the caller before)
   * @return the new item; the argument is not changed
   * @throws dev.ddbstreams.emulator.internal.protocol.AwsException a {@code ValidationException} as
   *     the service answers it (wrong operand type, missing attribute in an operand, ...)
   */
  Map<String, AttributeValue> apply(Map<String, AttributeValue> item);

  /** The top-level attribute names the update writes or removes (to reject key changes). */
  Set<String> topLevelNames();
}
