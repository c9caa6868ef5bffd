package dev.ddbstreams.examples.docs.gettingstarted;

import dev.ddbstreams.IdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;

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
