package dev.ddbstreams.lambda.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The records of one Lambda event, as SDK v2 records, and the stream they come from.
 *
 * @param records the records, in event order
 * @param streamArn the {@code eventSourceARN} the records share, or {@code null} if none had one
 */
public record DecodedEvent(List<Record> records, @Nullable String streamArn) {

  /**
   * Creates the value.
   *
   * @param records the records, in event order
   * @param streamArn the shared stream ARN, or {@code null}
   */
  public DecodedEvent {
    records = List.copyOf(records);
  }

  /** Counts the records instead of printing them: their images may hold personal data. */
  @Override
  public String toString() {
    return "DecodedEvent{records=" + records.size() + ", streamArn=" + streamArn + '}';
  }
}
