package ${package};

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.idempotency.IdempotencyStore;

/** Builds the router that the Lambda function, the KCL worker and the tests share. */
public final class PetRouter {
  private PetRouter() {}

  /**
   * Builds the router; {@code build()} checks every handler and fails with one exception that
   * lists every problem, so a broken handler fails here and not on the first record.
   *
   * @param notifier where the handlers' messages go
   * @param store where each (handler, record) pair is marked done, so a redelivered record runs
   *     no handler twice
   * @return the router
   */
  public static StreamRouter create(Notifier notifier, IdempotencyStore store) {
    return StreamRouter.builder()
        .keys("PK", "SK") // the table's partition and sort key attributes
        .viewType(ViewType.NEW_AND_OLD_IMAGES) // the stream's view type, checked against handlers
        .handlers(new PetHandlers(notifier))
        .idempotency(store)
        .build();
  }
}
