package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;
import java.util.Map;

/**
 * {@link PetTrackerLambda} with fixed settings instead of environment variables, so the deployment
 * jar can be invoked in a test: no SNS topic and no idempotency table, so the event touches no AWS
 * service.
 */
public final class PetTrackerLambdaForTests extends FastDynamoDbStreamLambda {
  private static final StreamRouter ROUTER =
      PetTrackerRouter.fromSettings(Map.of("TABLE_NAME", "PetTracker")::get);

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
