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
package dev.ddbstreams.examples.docs.idempotency;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.Notifier;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
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
