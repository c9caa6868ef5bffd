package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps a daily activity summary per pet ({@code PK = PET#id}, {@code SK = SUMMARY#date}) in the
 * same table, counting with {@code ADD activityCount :one}. The {@code ADD} is staged on {@link
 * TransactionalWrites} and commits with the record's idempotency mark, so a redelivered activity is
 * never counted twice, even after a worker died between the write and the mark. Summaries are
 * written back to the stream's own table; the handler matches only {@code ACTIVITY#} items, so its
 * own writes never trigger it again. Thread-safe: it keeps no state.
 */
public final class ActivitySummaries {
  private final String table;

  /**
   * Creates the handler. Its router needs a {@code DynamoDbIdempotencyStore} whose client can write
   * the table.
   *
   * @param table the PetTracker table's name
   */
  public ActivitySummaries(String table) {
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#")
  void summarise(Activity activity, TransactionalWrites writes) {
    String date = activity.timestamp().substring(0, 10);
    writes.update(
        u ->
            u.tableName(table)
                .key(
                    Map.of(
                        "PK", AttributeValue.fromS("PET#" + activity.petId()),
                        "SK", AttributeValue.fromS("SUMMARY#" + date)))
                .updateExpression(
                    "ADD activityCount :one SET lastActivity = :type, entityType = :e")
                .expressionAttributeValues(
                    Map.of(
                        ":one", AttributeValue.fromN("1"),
                        ":type", AttributeValue.fromS(activity.type()),
                        ":e", AttributeValue.fromS("SUMMARY"))));
  }
}
