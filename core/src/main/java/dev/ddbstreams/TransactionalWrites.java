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
package dev.ddbstreams;

import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.MappedTableResource;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * DynamoDB writes a handler stages instead of making, so that the router commits them together with
 * the handler's idempotency record: all of them and the record's {@code COMPLETED} mark in one
 * {@code TransactWriteItems}, or none. Declare a parameter of this type on a handler method to
 * receive a fresh, empty instance for each attempt.
 *
 * <pre>{@code
 * @OnInsert(sk = "ACTIVITY#")
 * void count(Activity activity, TransactionalWrites writes) {
 *   writes.update(u -> u.tableName("PetTracker")
 *       .key(Map.of("PK", fromS("LEADERBOARD"), "SK", fromS("PET#" + activity.petId())))
 *       .updateExpression("ADD activityCount :one")
 *       .expressionAttributeValues(Map.of(":one", fromN("1"))));
 * }
 * }</pre>
 *
 * <h2>What the router guarantees</h2>
 *
 * When the handler returns, the router sends the staged operations and the transition of the
 * (handler, record) pair's idempotency record from this worker's in-progress lease to {@code
 * COMPLETED} as one transaction, through the client of the router's {@link
 * DynamoDbIdempotencyStore}. A worker that dies before the commit applied nothing, and its lease
 * lapses; a worker that dies after it applied everything, and the redelivery is skipped as a
 * duplicate. So the writes take effect exactly once per record, however often it is delivered. A
 * router whose handlers take this parameter must have a {@code DynamoDbIdempotencyStore} ({@code
 * build()} says so otherwise).
 *
 * <p>The transaction is retried per the router's {@link RetryPolicy} when it fails, conflicts with
 * another write or is throttled: the handler runs again with an empty instance and stages afresh.
 * When DynamoDB cancels it, the attempt fails with a {@link TransactionalWriteException} that names
 * the staged operation and the reason, and the record follows the failure policy. A commit that
 * finds the record already completed (an earlier commit whose answer was lost) applies nothing and
 * reports the handler as a duplicate.
 *
 * <h2>Limits, checked as operations are staged</h2>
 *
 * DynamoDB allows 100 operations per transaction, of which the idempotency record takes one; items
 * of at most 400 KB and 4 MB in all; tables of one account and region (the idempotency store's);
 * and no two operations on one item. A staging call that breaks one throws {@link
 * TransactionLimitException}. Sizes are counted by DynamoDB's rules over what the request carries
 * (put items, keys and expression values); an update's resulting item is checked by DynamoDB. Two
 * operations on one item are recognised when one of them names its key; puts on the same table are
 * compared by key once the table's key attributes are known from another operation or from an
 * enhanced-client table.
 *
 * <p>Staged operations are built with the SDK v2 model ({@link Put}, {@link Update}, {@link
 * Delete}, {@link ConditionCheck}) or the enhanced client's transaction requests, whose extensions
 * (versions, timestamps) apply as in {@code transactWriteItems}. Not thread-safe: one handler
 * attempt uses it.
 */
public interface TransactionalWrites {

  /**
   * Returns an empty instance outside the router, for testing a handler on its own: stage with it,
   * then assert on {@link #staged()}. It checks the same limits.
   *
   * @return an empty instance
   */
  static TransactionalWrites create() {
    return new HandlerWrites();
  }

  /**
   * Stages a put.
   *
   * @param put the put, as in a {@code TransactWriteItem}
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites put(Put put);

  /**
   * Stages a put built in place.
   *
   * @param put sets the put's table, item and condition
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites put(Consumer<Put.Builder> put);

  /**
   * Stages an update.
   *
   * @param update the update
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites update(Update update);

  /**
   * Stages an update built in place.
   *
   * @param update sets the update's table, key, expression and condition
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites update(Consumer<Update.Builder> update);

  /**
   * Stages a delete.
   *
   * @param delete the delete
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites delete(Delete delete);

  /**
   * Stages a delete built in place.
   *
   * @param delete sets the delete's table, key and condition
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites delete(Consumer<Delete.Builder> delete);

  /**
   * Stages a condition on an item the transaction does not write: the commit applies only if it
   * holds.
   *
   * @param check the check
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites conditionCheck(ConditionCheck check);

  /**
   * Stages a condition check built in place.
   *
   * @param check sets the check's table, key and condition
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites conditionCheck(Consumer<ConditionCheck.Builder> check);

  /**
   * Stages a put of a mapped item, through the enhanced client's table.
   *
   * @param table the enhanced client's table
   * @param request the item and its condition
   * @param <T> the item's type
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  <T> TransactionalWrites put(
      MappedTableResource<T> table, TransactPutItemEnhancedRequest<T> request);

  /**
   * Stages an update of a mapped item (its non-null attributes), through the enhanced client's
   * table.
   *
   * @param table the enhanced client's table
   * @param request the item and its condition
   * @param <T> the item's type
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  <T> TransactionalWrites update(
      MappedTableResource<T> table, TransactUpdateItemEnhancedRequest<T> request);

  /**
   * Stages a delete through the enhanced client's table.
   *
   * @param table the enhanced client's table
   * @param request the key and its condition
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites delete(
      MappedTableResource<?> table, TransactDeleteItemEnhancedRequest request);

  /**
   * Stages a delete of a key through the enhanced client's table.
   *
   * @param table the enhanced client's table
   * @param key the key
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  TransactionalWrites delete(MappedTableResource<?> table, Key key);

  /**
   * Stages a condition check through the enhanced client's table.
   *
   * @param table the enhanced client's table
   * @param check the key and the condition
   * @param <T> the item's type
   * @return this instance
   * @throws TransactionLimitException if it breaks a limit of the transaction
   */
  <T> TransactionalWrites conditionCheck(
      MappedTableResource<T> table,
      software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck<T> check);

  /**
   * Returns the operations staged so far, in staging order: the order of the transaction, and of
   * the indexes a {@link TransactionalWriteException} names.
   *
   * @return an unmodifiable list
   */
  List<TransactWriteItem> staged();
}
