package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.IdempotencyKey;
import dev.ddbstreams.IdempotencyState;
import dev.ddbstreams.InMemoryIdempotencyStore;
import dev.ddbstreams.TransactionalIdempotencyStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * An in-memory idempotency store that records the writes transactional handlers commit with it, for
 * handler tests without a database; {@code ExactlyOnceIT} commits on the emulator.
 */
final class CommittingStore implements TransactionalIdempotencyStore {
  final List<TransactWriteItem> committed = new CopyOnWriteArrayList<>();
  private final InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().build();

  @Override
  public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
    return store.begin(key, leaseExpiry);
  }

  @Override
  public void complete(IdempotencyKey key) {
    store.complete(key);
  }

  @Override
  public void release(IdempotencyKey key) {
    store.release(key);
  }

  @Override
  public boolean completeWith(
      IdempotencyKey key, Instant leaseExpiry, List<TransactWriteItem> writes, String token) {
    committed.addAll(writes);
    store.complete(key);
    return true;
  }
}
