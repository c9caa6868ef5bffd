package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps a daily activity summary per pet ({@code PK = PET#id}, {@code SK = SUMMARY#date}) in the
 * same table. Summaries are written back to the stream's own table; the handler matches only {@code
 * ACTIVITY#} items, so its own writes never trigger it again.
 */
public final class ActivitySummaries {
  private final DynamoDbClient dynamo;
  private final String table;

  /**
   * Creates the handler.
   *
   * @param dynamo the client of the PetTracker table
   * @param table the table name
   */
  public ActivitySummaries(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#")
  void summarise(Activity activity) {
    String date = activity.timestamp().substring(0, 10);
    dynamo.updateItem(
        b ->
            b.tableName(table)
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
