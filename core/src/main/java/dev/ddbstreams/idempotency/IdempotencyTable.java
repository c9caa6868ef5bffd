/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.ddbstreams.idempotency;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The requests that read and write one idempotency table, in the layout of the Powertools for AWS
 * Lambda idempotency table, so one table can serve both: partition key {@code id} (S), {@code
 * expiration} (N, epoch seconds, the TTL attribute), {@code in_progress_expiration} (N, epoch
 * milliseconds), {@code status} (S, {@code INPROGRESS} or {@code COMPLETED}). Immutable.
 */
final class IdempotencyTable {
  /** The partition key attribute. */
  static final String ID = "id";

  /** When the item may be forgotten, in epoch seconds; the table's TTL attribute. */
  static final String EXPIRATION = "expiration";

  /** When an in-progress lease lapses, in epoch milliseconds. */
  static final String IN_PROGRESS_EXPIRATION = "in_progress_expiration";

  /** The status attribute. */
  static final String STATUS = "status";

  /** The status of an item whose handler is running. */
  static final String INPROGRESS = "INPROGRESS";

  /** The status of an item whose handler finished. */
  static final String COMPLETED = "COMPLETED";

  // A new lease may be taken when there is no item, the item outlived its expiry (TTL deletes
  // lag by up to days), or its holder's lease lapsed. "<=" because a lease lapses at its expiry.
  private static final String TAKE_LEASE =
      "attribute_not_exists(#id) OR #expiration <= :now_s"
          + " OR (#status = :inprogress AND #in_progress_expiration <= :now_ms)";

  private static final String COMPLETE = "SET #status = :completed, #expiration = :expiration";

  // This worker's lease, and no one else's: a lapsed lease that nobody took over is still ours.
  private static final String LEASED = "#status = :inprogress AND #in_progress_expiration = :lease";

  private static final Map<String, String> LEASE_NAMES =
      Map.of(
          "#status", STATUS,
          "#expiration", EXPIRATION,
          "#in_progress_expiration", IN_PROGRESS_EXPIRATION);

  private static final Map<String, String> NAMES =
      Map.of(
          "#id", ID,
          "#expiration", EXPIRATION,
          "#in_progress_expiration", IN_PROGRESS_EXPIRATION,
          "#status", STATUS);

  private final String tableName;

  /**
   * Creates the requests of one table.
   *
   * @param tableName the table's name
   */
  IdempotencyTable(String tableName) {
    this.tableName = tableName;
  }

  /**
   * Returns the table's name.
   *
   * @return the name
   */
  String name() {
    return tableName;
  }

  /**
   * Returns the conditional put that takes an in-progress lease; on a failed condition it returns
   * the existing item, so no second read is needed.
   *
   * @param id the key's value
   * @param now the current time
   * @param expiration when the item may be forgotten
   * @param leaseExpiry when the lease lapses
   * @return the request
   */
  PutItemRequest begin(String id, Instant now, Instant expiration, Instant leaseExpiry) {
    return PutItemRequest.builder()
        .tableName(tableName)
        .item(
            Map.of(
                ID, AttributeValue.fromS(id),
                STATUS, AttributeValue.fromS(INPROGRESS),
                EXPIRATION, seconds(expiration),
                IN_PROGRESS_EXPIRATION, millis(leaseExpiry)))
        .conditionExpression(TAKE_LEASE)
        .expressionAttributeNames(NAMES)
        .expressionAttributeValues(
            Map.of(
                ":now_s", seconds(now),
                ":now_ms", millis(now),
                ":inprogress", AttributeValue.fromS(INPROGRESS)))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /**
   * Returns the update that marks a key finished and keeps it until {@code expiration}.
   *
   * @param id the key's value
   * @param expiration when the item may be forgotten
   * @return the request
   */
  UpdateItemRequest complete(String id, Instant expiration) {
    return UpdateItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(ID, AttributeValue.fromS(id)))
        .updateExpression("SET #status = :completed, #expiration = :expiration")
        .expressionAttributeNames(Map.of("#status", STATUS, "#expiration", EXPIRATION))
        .expressionAttributeValues(
            Map.of(
                ":completed", AttributeValue.fromS(COMPLETED), ":expiration", seconds(expiration)))
        .build();
  }

  /**
   * Returns the update that marks a key finished only while it is still in progress under the lease
   * written with {@code leaseExpiry}, for a transaction that commits a handler's writes with it. On
   * a failed condition it returns the item, so the caller learns who has the key now.
   *
   * @param id the key's value
   * @param leaseExpiry the lease's expiry as this caller wrote it
   * @param expiration when the item may be forgotten
   * @return the operation
   */
  Update completeLeased(String id, Instant leaseExpiry, Instant expiration) {
    return Update.builder()
        .tableName(tableName)
        .key(Map.of(ID, AttributeValue.fromS(id)))
        .updateExpression(COMPLETE)
        .conditionExpression(LEASED)
        .expressionAttributeNames(LEASE_NAMES)
        .expressionAttributeValues(leaseValues(leaseExpiry, expiration))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  /**
   * Returns {@link #completeLeased} as a request of its own, for a handler that staged no writes:
   * one conditional write instead of a transaction, which costs twice.
   *
   * @param id the key's value
   * @param leaseExpiry the lease's expiry as this caller wrote it
   * @param expiration when the item may be forgotten
   * @return the request
   */
  UpdateItemRequest completeLeasedAlone(String id, Instant leaseExpiry, Instant expiration) {
    return UpdateItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(ID, AttributeValue.fromS(id)))
        .updateExpression(COMPLETE)
        .conditionExpression(LEASED)
        .expressionAttributeNames(LEASE_NAMES)
        .expressionAttributeValues(leaseValues(leaseExpiry, expiration))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
  }

  private static Map<String, AttributeValue> leaseValues(Instant leaseExpiry, Instant expiration) {
    return Map.of(
        ":inprogress", AttributeValue.fromS(INPROGRESS),
        ":lease", millis(leaseExpiry),
        ":completed", AttributeValue.fromS(COMPLETED),
        ":expiration", seconds(expiration));
  }

  /**
   * Returns the delete that gives up an in-progress lease. It never deletes a finished key, and
   * with {@code leaseExpiry} known it deletes only the lease this caller took, not one another
   * worker took over after this caller's lease lapsed.
   *
   * @param id the key's value
   * @param leaseExpiry the lease's expiry as this caller wrote it, or null if not known
   * @return the request
   */
  DeleteItemRequest release(String id, @Nullable Instant leaseExpiry) {
    DeleteItemRequest.Builder request =
        DeleteItemRequest.builder().tableName(tableName).key(Map.of(ID, AttributeValue.fromS(id)));
    if (leaseExpiry == null) {
      return request
          .conditionExpression("#status = :inprogress")
          .expressionAttributeNames(Map.of("#status", STATUS))
          .expressionAttributeValues(Map.of(":inprogress", AttributeValue.fromS(INPROGRESS)))
          .build();
    }
    return request
        .conditionExpression("#status = :inprogress AND #in_progress_expiration = :lease")
        .expressionAttributeNames(
            Map.of("#status", STATUS, "#in_progress_expiration", IN_PROGRESS_EXPIRATION))
        .expressionAttributeValues(
            Map.of(":inprogress", AttributeValue.fromS(INPROGRESS), ":lease", millis(leaseExpiry)))
        .build();
  }

  /**
   * Says what an item that blocked a new lease means: COMPLETED if its status says so, otherwise
   * IN_PROGRESS (a live lease, or a status this library does not write, which is safer to wait out
   * than to run over).
   *
   * @param item the existing item
   * @return COMPLETED or IN_PROGRESS
   */
  static IdempotencyState stateOf(Map<String, AttributeValue> item) {
    AttributeValue status = item.get(STATUS);
    return status != null && COMPLETED.equals(status.s())
        ? IdempotencyState.COMPLETED
        : IdempotencyState.IN_PROGRESS;
  }

  private static AttributeValue seconds(Instant t) {
    return AttributeValue.fromN(Long.toString(t.getEpochSecond()));
  }

  private static AttributeValue millis(Instant t) {
    return AttributeValue.fromN(Long.toString(t.toEpochMilli()));
  }
}
