package dev.ddbstreams.examples.docs.exactlyonce;

import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** docs/exactly-once.md: staging with the enhanced client next to the SDK model. */
final class LastActivity {
  private final DynamoDbTable<PetStats> stats;

  LastActivity(DynamoDbTable<PetStats> stats) {
    this.stats = stats;
  }

  // tag::enhanced[]
  @OnInsert(sk = "ACTIVITY#")
  void record(Activity activity, TransactionalWrites writes) {
    PetStats update = new PetStats();
    update.setPk("PET#" + activity.petId());
    update.setSk("STATS");
    update.setLastActivity(activity.type());
    writes
        .update(
            stats,
            TransactUpdateItemEnhancedRequest.builder(PetStats.class)
                .item(update)
                .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY) // only the attributes set
                .build())
        .update(
            u ->
                u.tableName(stats.tableName())
                    .key(
                        Map.of(
                            "PK", AttributeValue.fromS("LEADERBOARD"),
                            "SK", AttributeValue.fromS("PET#" + activity.petId())))
                    .updateExpression("ADD activityCount :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
  }
  // end::enhanced[]
}
