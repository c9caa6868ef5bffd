package dev.ddbstreams.examples.docs.gettingstarted;

import dev.ddbstreams.DynamoDbIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

// tag::lambda[]
public final class PetLambda extends FastDynamoDbStreamLambda { // or DynamoDbStreamLambda
  private final Supplier<StreamRouter> factory;
  private StreamRouter router; // built on the first event, then kept by the container

  public PetLambda() { // Lambda calls this one; it creates no AWS client yet
    this.factory = PetLambda::fromEnvironment;
  }

  public PetLambda(StreamRouter router) { // tests pass a router: no credentials, no region
    this.factory = () -> router;
  }

  @Override
  protected synchronized StreamRouter router() {
    if (router == null) {
      router = factory.get();
    }
    return router;
  }

  private static StreamRouter fromEnvironment() {
    return PetRouter.create(
        (userId, message) -> System.out.println(userId + ": " + message), // your SNS, SES...
        DynamoDbIdempotencyStore.builder()
            .client(DynamoDbClient.create()) // region and credentials from Lambda's environment
            .tableName(System.getenv("IDEMPOTENCY_TABLE"))
            .build());
  }
}
// end::lambda[]
