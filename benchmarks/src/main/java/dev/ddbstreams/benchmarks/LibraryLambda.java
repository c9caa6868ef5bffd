package dev.ddbstreams.benchmarks;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;

/** The Lambda function a ddbstreams user writes: the streaming base and a router. */
public final class LibraryLambda extends FastDynamoDbStreamLambda {
  private final StreamRouter router;

  /**
   * Creates the function around a router built once.
   *
   * @param router the router
   */
  public LibraryLambda(StreamRouter router) {
    this.router = router;
  }

  /**
   * The function of the full-batch benchmark and the cold-start harness: the five {@link
   * PetHandlers}.
   *
   * @param work what the handlers do
   * @return the function
   */
  public static LibraryLambda pets(PetWork work) {
    return new LibraryLambda(
        StreamRouter.builder().keys("PK", "SK").handlers(new PetHandlers(work)).build());
  }

  @Override
  protected StreamRouter router() {
    return router;
  }
}
