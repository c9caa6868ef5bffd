package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.SnapshotMatch;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The stream guide's materialized view: an activity count per pet ({@code PK = LEADERBOARD}, {@code
 * SK = PET#petId}), incremented with {@code ADD activityCount :inc} for every activity.
 *
 * <p><b>Each activity counts once</b>, however it arrives: {@code ADD} is not idempotent, and an
 * activity written while a backfill runs can reach the handler twice, as a snapshot and as its
 * stream INSERT (two records, so an idempotency store does not help). The increment therefore
 * commits in one transaction with a marker beside the activity ({@code PK = PET#petId}, {@code SK =
 * COUNTED#ACTIVITY#...}) that may not exist yet; when it does, the activity was counted and the
 * handler does nothing. Redeliveries are no-ops too, with or without an idempotency store. The
 * transaction costs two writes, at twice the price of a plain one.
 *
 * <p>Its own writes come back on the stream as records with {@code PK = LEADERBOARD} or {@code SK =
 * COUNTED#...}; it matches only {@code ACTIVITY#} sort keys, so they never trigger it. Thread-safe.
 */
public final class Leaderboard {
  /** The partition key of every leaderboard item. */
  public static final String PARTITION = "LEADERBOARD";

  /** The sort key prefix of the markers of counted activities. */
  public static final String COUNTED = "COUNTED#";

  private final DynamoDbClient dynamo;
  private final String table;

  /**
   * Creates the handler.
   *
   * @param dynamo the client of the PetTracker table
   * @param table the table name
   */
  public Leaderboard(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#", snapshots = SnapshotMatch.INCLUDE)
  void count(StreamRecord<Activity> change) {
    Activity activity = change.newImage().orElseThrow();
    Map<String, AttributeValue> marker =
        Map.of(
            "PK", change.keys().get("PK"),
            "SK", AttributeValue.fromS(COUNTED + change.keys().get("SK").s()),
            "entityType", AttributeValue.fromS("COUNTED"));
    try {
      dynamo.transactWriteItems(
          b ->
              b.transactItems(
                  TransactWriteItem.builder()
                      .put(
                          p ->
                              p.tableName(table)
                                  .item(marker)
                                  .conditionExpression("attribute_not_exists(PK)"))
                      .build(),
                  TransactWriteItem.builder()
                      .update(
                          u ->
                              u.tableName(table)
                                  .key(
                                      Map.of(
                                          "PK", AttributeValue.fromS(PARTITION),
                                          "SK", AttributeValue.fromS("PET#" + activity.petId())))
                                  .updateExpression("ADD activityCount :inc SET entityType = :e")
                                  .expressionAttributeValues(
                                      Map.of(
                                          ":inc", AttributeValue.fromN("1"),
                                          ":e", AttributeValue.fromS("LEADERBOARD"))))
                      .build()));
    } catch (TransactionCanceledException e) {
      if (!counted(e)) {
        throw e;
      }
    }
  }

  /** Whether the transaction was cancelled only because the marker exists: counted before. */
  private static boolean counted(TransactionCanceledException e) {
    return e.hasCancellationReasons()
        && !e.cancellationReasons().isEmpty()
        && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())
        && e.cancellationReasons().stream()
            .skip(1)
            .map(CancellationReason::code)
            .allMatch(code -> code == null || "None".equals(code));
  }
}
