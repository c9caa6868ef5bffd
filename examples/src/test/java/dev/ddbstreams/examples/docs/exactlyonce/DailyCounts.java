package dev.ddbstreams.examples.docs.exactlyonce;

import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** docs/exactly-once.md: a handler that stages two ADDs. */
// tag::handler[]
final class DailyCounts {
  private final String table;

  DailyCounts(String table) {
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#")
  void count(Activity activity, TransactionalWrites writes) {
    String day = activity.timestamp().substring(0, 10);
    writes
        .update(
            u ->
                u.tableName(table)
                    .key(key("LEADERBOARD", "PET#" + activity.petId()))
                    .updateExpression("ADD activityCount :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
        .update(
            u ->
                u.tableName(table)
                    .key(key("PET#" + activity.petId(), "SUMMARY#" + day))
                    .updateExpression("ADD activityCount :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }
}
// end::handler[]
