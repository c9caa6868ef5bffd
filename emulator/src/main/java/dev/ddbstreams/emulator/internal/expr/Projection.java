package dev.ddbstreams.emulator.internal.expr;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A parsed projection expression. Immutable and thread-safe. */
public interface Projection {

  /** Returns the projected part of an item, with nested paths and list elements as selected. */
  Map<String, AttributeValue> apply(Map<String, AttributeValue> item);
}
