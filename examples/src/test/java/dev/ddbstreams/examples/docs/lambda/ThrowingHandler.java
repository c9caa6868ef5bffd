package dev.ddbstreams.examples.docs.lambda;

import dev.ddbstreams.InMemoryIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.PetRouter;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;
import dev.ddbstreams.lambda.WholeBatchFailure;

// tag::throw[]
public final class ThrowingHandler extends FastDynamoDbStreamLambda {
  private static final StreamRouter ROUTER =
      PetRouter.create((userId, message) -> {}, InMemoryIdempotencyStore.builder().build());

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }

  @Override
  protected WholeBatchFailure wholeBatchFailure() {
    return WholeBatchFailure.THROW; // with BisectBatchOnFunctionError on the mapping
  }
}
// end::throw[]
