package ${package};

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.lambda.DynamoDbStreamJsonLambda;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The Lambda function: handler {@code ${package}.PetLambda::handleRequest} in template.yaml. It
 * answers with a partial batch response, so the event source mapping resumes at the first failed
 * record.
 *
 * <p>Lambda calls the no-argument constructor, which creates no AWS client: the clients and the
 * router are built from the function's environment on the first event. Tests pass a router of
 * their own to the other constructor and need no credentials, no region and no network.
 */
public final class PetLambda extends DynamoDbStreamJsonLambda {
  private final Supplier<StreamRouter> factory;
  private StreamRouter router; // built on the first event, then kept by the container

  /** The constructor Lambda calls: it creates no AWS client yet. */
  public PetLambda() {
    this.factory = PetLambda::fromEnvironment;
  }

  /**
   * A function around a router built elsewhere, as in tests: no credentials, no region.
   *
   * @param router the router every event goes to
   */
  public PetLambda(StreamRouter router) {
    this.factory = () -> router;
  }

  @Override
  protected synchronized StreamRouter router() {
    if (router == null) {
      router = factory.get();
    }
    return router;
  }

  /** The deployed router: region and credentials come from the Lambda environment. */
  static StreamRouter fromEnvironment() {
    DynamoDbClient dynamo = DynamoDbClient.create();
    return PetRouter.create(
        new LoggingNotifier(),
        DynamoDbIdempotencyStore.builder()
            .client(dynamo)
            .tableName(System.getenv("IDEMPOTENCY_TABLE"))
            .build());
  }
}
