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
package dev.ddbstreams.examples.docs.gettingstarted;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.idempotency.IdempotencyStore;

// tag::router[]
public final class PetRouter {
  private PetRouter() {}

  public static StreamRouter create(Notifier notifier, IdempotencyStore store) {
    return StreamRouter.builder()
        .keys("PK", "SK") // the table's partition and sort key attributes
        .viewType(ViewType.NEW_AND_OLD_IMAGES) // the stream's view type, checked against handlers
        .handlers(new PetHandlers(notifier))
        .idempotency(store) // each (handler, record) pair runs once across redeliveries
        .build(); // checks every handler; fails with one exception listing all problems
  }
}
// end::router[]
