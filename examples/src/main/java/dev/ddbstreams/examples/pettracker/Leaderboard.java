package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream guide's materialized view: an activity count per pet ({@code PK = LEADERBOARD}, {@code
 * SK = PET#petId}), incremented with {@code ADD activityCount :inc} for every new activity.
 *
 * <p>{@code ADD} is not idempotent, and an idempotency store alone leaves a window: a worker that
 * dies after the {@code ADD} but before marking the record done counts it again on redelivery. So
 * the handler stages the {@code ADD} on {@link TransactionalWrites}, and the router commits it in
 * one transaction with the record's idempotency mark: each activity is counted exactly once. Its
 * own writes come back on the stream as records with {@code PK = LEADERBOARD}; it matches only
 * {@code ACTIVITY#} sort keys, so they never trigger it. Thread-safe: it keeps no state.
 */
public final class Leaderboard {
  /** The partition key of every leaderboard item. */
  public static final String PARTITION = "LEADERBOARD";

  private final String table;

  /**
   * Creates the handler. Its router needs a {@code DynamoDbIdempotencyStore} whose client can write
   * the table.
   *
   * @param table the PetTracker table's name
   */
  public Leaderboard(String table) {
    this.table = table;
  }

  @OnInsert(sk = "ACTIVITY#")
  void count(Activity activity, TransactionalWrites writes) {
    writes.update(
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
                        ":e", AttributeValue.fromS("LEADERBOARD"))));
  }
}
