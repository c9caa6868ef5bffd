package dev.ddbstreams.backfill;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.SnapshotMatch;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A view in a DynamoDB table: a copy of every snapshot, written where another process can see it.
 * Puts are idempotent, so a page read again after a crash writes the same items again.
 */
final class ViewWriter {
  private final DynamoDbClient dynamo;
  private final String view;
  private final Duration delay;

  ViewWriter(DynamoDbClient dynamo, String view, Duration delay) {
    this.dynamo = dynamo;
    this.view = view;
    this.delay = delay;
  }

  @OnInsert(snapshots = SnapshotMatch.ONLY)
  void copy(StreamRecord<Map<String, Object>> snapshot) throws InterruptedException {
    Map<String, AttributeValue> item = snapshot.rawNewImage().orElseThrow();
    dynamo.putItem(b -> b.tableName(view).item(item));
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
  }
}
