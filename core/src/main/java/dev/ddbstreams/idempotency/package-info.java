/**
 * Idempotency: runs each handler at most once per record, even when a batch is redelivered.
 *
 * <p>An {@link dev.ddbstreams.idempotency.IdempotencyStore} keeps one entry per {@link
 * dev.ddbstreams.idempotency.IdempotencyKey} (handler, record); the router takes a lease before a
 * handler runs and marks it completed after. {@link
 * dev.ddbstreams.idempotency.InMemoryIdempotencyStore} suits tests and single-process consumers;
 * {@link dev.ddbstreams.idempotency.DynamoDbIdempotencyStore} shares state between workers and, as
 * a {@link dev.ddbstreams.idempotency.TransactionalIdempotencyStore}, commits a handler's writes in
 * the same transaction as the completion mark.
 *
 * <pre>{@code
 * StreamRouter router = StreamRouter.builder()
 *     .handlers(new PetHandlers())
 *     .idempotencyStore(DynamoDbIdempotencyStore.builder()
 * .client(dynamoDb)
 * .tableName("pet-stream-idempotency")
 * .build())
 *     .build();
 * }</pre>
 *
 * <p>The table layout and its requests are package-private here and may change in any release.
 */
@NullMarked
package dev.ddbstreams.idempotency;

import org.jspecify.annotations.NullMarked;
