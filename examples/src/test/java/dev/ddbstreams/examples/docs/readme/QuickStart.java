package dev.ddbstreams.examples.docs.readme;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.InMemoryIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.Notifier;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** README.md, "Quick start": the router around getting-started's {@code PetHandlers}. */
final class QuickStart {
  private QuickStart() {}

  static Optional<String> quickStart(Notifier notifier, List<Record> records) {
    // tag::router[]
    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(new PetHandlers(notifier))
            .idempotency(InMemoryIdempotencyStore.builder().build())
            .build(); // checks every handler, fails fast

    BatchResult result = router.process(records); // SDK v2 Records of one shard, in order
    Optional<String> checkpoint =
        result.firstFailedSequenceNumber(); // where to resume, if anywhere
    // end::router[]
    return checkpoint;
  }
}
