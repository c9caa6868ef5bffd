package dev.ddbstreams.emulator.internal.expr;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of one request, shared
 * by all of its expressions, tracking which were used so that {@link #checkAllUsed()} can reject
 * unused ones as the service does.
 */
public final class ExpressionInput {

  public ExpressionInput(
      @Nullable Map<String, String> names, @Nullable Map<String, AttributeValue> values) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Throws the service's {@code ValidationException} if a name or value was given but not used by
   * any expression parsed with this input.
   */
  public void checkAllUsed() {
    throw new UnsupportedOperationException("being written");
  }
}
