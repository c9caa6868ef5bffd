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

import dev.ddbstreams.TransactionLimitException;
import dev.ddbstreams.TransactionalWriteException;
import dev.ddbstreams.TransactionalWrites;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An idempotency store that can mark a key completed in the same DynamoDB transaction as other
 * writes, which is what {@link TransactionalWrites} need. {@link DynamoDbIdempotencyStore} is one;
 * implement it only to wrap that store (to count or log), delegating {@link #completeWith}.
 */
public interface TransactionalIdempotencyStore extends IdempotencyStore {

  /**
   * Applies the writes and marks the key completed, all or nothing, provided the caller still holds
   * the lease it took with {@code begin(key, leaseExpiry)}.
   *
   * @param key the key
   * @param leaseExpiry the lease's expiry exactly as the caller passed it to {@link #begin}
   * @param writes the operations to commit with the mark, at most 99; may be empty
   * @param clientRequestToken the transaction's {@code ClientRequestToken}: the same for the SDK's
   *     retries of one commit, so a commit whose answer was lost is not applied twice
   * @return {@code true} if this call applied the writes and completed the key; {@code false} if
   *     the key had been completed already (by an earlier commit of this lease whose answer was
   *     lost, or by another worker after this lease lapsed) and nothing was applied
   * @throws HandlerInProgressException if another worker holds the key's lease now; nothing was
   *     applied
   * @throws TransactionalWriteException if DynamoDB did not commit; nothing was applied
   * @throws TransactionLimitException if the writes cannot be one transaction with the mark
   */
  boolean completeWith(
      IdempotencyKey key,
      Instant leaseExpiry,
      List<TransactWriteItem> writes,
      String clientRequestToken);
}
