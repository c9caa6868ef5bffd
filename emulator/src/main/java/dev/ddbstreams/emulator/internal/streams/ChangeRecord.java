package dev.ddbstreams.emulator.internal.streams;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One committed change of one item, as the table layer hands it to the stream: written only for a
 * write that changed the item (a put of an identical item writes none).
 *
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param keys the item's key attributes
 * @param oldImage the whole item before, {@code null} for INSERT
 * @param newImage the whole item after, {@code null} for REMOVE
 * @param timeToLiveDelete true for a delete by the TTL sweeper (user identity Service)
 */
public record ChangeRecord(
    String eventName,
    Map<String, AttributeValue> keys,
    @Nullable Map<String, AttributeValue> oldImage,
    @Nullable Map<String, AttributeValue> newImage,
    boolean timeToLiveDelete) {

  /** Names the event and the key attributes, never their values. */
  @Override
  public String toString() {
    return "ChangeRecord[eventName="
        + eventName
        + ", keyAttributes="
        + keys.keySet()
        + ", oldImage="
        + (oldImage != null)
        + ", newImage="
        + (newImage != null)
        + ", timeToLiveDelete="
        + timeToLiveDelete
        + "]";
  }
}
