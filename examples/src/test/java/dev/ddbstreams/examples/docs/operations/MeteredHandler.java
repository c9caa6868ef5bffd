package dev.ddbstreams.examples.docs.operations;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import dev.ddbstreams.lambda.EmbeddedMetrics;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;

// tag::emf[]
public final class MeteredHandler extends FastDynamoDbStreamLambda {
  private static final StreamRouter ROUTER =
      StreamRouter.builder()
          .keys("PK", "SK")
          .handlers(new PetHandlers((userId, message) -> {}))
          .observer(EmbeddedMetrics.builder().namespace("PetTracker").build()) // EMF on stdout
          .build();

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
// end::emf[]
