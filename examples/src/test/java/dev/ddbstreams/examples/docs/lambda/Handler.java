package dev.ddbstreams.examples.docs.lambda;

import dev.ddbstreams.DynamoDbIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import dev.ddbstreams.lambda.DynamoDbStreamLambda;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

// tag::handler[]
public final class Handler extends DynamoDbStreamLambda { // or FastDynamoDbStreamLambda
  private static final StreamRouter ROUTER =
      StreamRouter.builder()
          .keys("PK", "SK")
          .handlers(new PetHandlers((userId, message) -> System.out.println(message)))
          .idempotency(
              DynamoDbIdempotencyStore.builder()
                  .client(DynamoDbClient.create())
                  .tableName(System.getenv("IDEMPOTENCY_TABLE"))
                  .build())
          .build(); // once per container

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
// end::handler[]
