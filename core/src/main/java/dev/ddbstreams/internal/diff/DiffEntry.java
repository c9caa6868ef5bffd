package dev.ddbstreams.internal.diff;

import dev.ddbstreams.AttributeChange;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One difference found by {@link DiffWalker}, before it is shown to users as an {@code
 * AttributeChange}.
 *
 * @param path where the values differ
 * @param kind whether the value was added, removed or changed
 * @param oldValue the value in the old image, {@code null} when added
 * @param newValue the value in the new image, {@code null} when removed
 */
public record DiffEntry(
    AttributePath path,
    AttributeChange.Kind kind,
    @Nullable AttributeValue oldValue,
    @Nullable AttributeValue newValue) {

  /** Never shows values: images may hold personal data. */
  @Override
  public String toString() {
    return kind + " " + path;
  }
}
