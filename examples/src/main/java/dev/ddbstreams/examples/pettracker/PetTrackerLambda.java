package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;

/**
 * The PetTracker stream consumer as an AWS Lambda function. Handler string: {@code
 * dev.ddbstreams.examples.pettracker.PetTrackerLambda::handleRequest}; deployed by {@code
 * examples/sam/template.yaml} from the jar {@code mvn package} builds ({@code
 * examples/target/ddbstreams-examples-lambda.jar}).
 */
public final class PetTrackerLambda extends FastDynamoDbStreamLambda {
  /** Built once per container, on the first invocation's cold start. */
  private static final StreamRouter ROUTER = PetTrackerRouter.fromSettings(System::getenv);

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
