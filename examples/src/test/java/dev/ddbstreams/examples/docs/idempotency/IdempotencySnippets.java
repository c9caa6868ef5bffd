package dev.ddbstreams.examples.docs.idempotency;

import dev.ddbstreams.DynamoDbIdempotencyStore;
import dev.ddbstreams.IdempotencyStore;
import dev.ddbstreams.InMemoryIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.Notifier;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** docs/idempotency.md. */
final class IdempotencySnippets {
  private IdempotencySnippets() {}

  static StreamRouter router(Notifier notifier) {
    // tag::store[]
    IdempotencyStore store =
        DynamoDbIdempotencyStore.builder()
            .client(DynamoDbClient.create())
            .tableName("idempotency")
            .build(); // expiry 48 h by default

    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(new PetHandlers(notifier))
            .idempotency(store)
            .idempotencyNamespace("pet-views") // tells applications sharing a table apart
            .build();
    // end::store[]
    return router;
  }

  static IdempotencyStore inMemory() {
    // tag::in-memory[]
    IdempotencyStore store =
        InMemoryIdempotencyStore.builder()
            .maxEntries(100_000) // the default; the oldest entries are dropped first
            .retention(Duration.ofHours(48)) // the default
            .build();
    // end::in-memory[]
    return store;
  }
}
