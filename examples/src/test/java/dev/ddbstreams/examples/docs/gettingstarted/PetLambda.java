package dev.ddbstreams.examples.docs.gettingstarted;

import dev.ddbstreams.DynamoDbIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.FastDynamoDbStreamLambda;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

// tag::lambda[]
public final class PetLambda extends FastDynamoDbStreamLambda { // or DynamoDbStreamLambda
  private static final StreamRouter ROUTER =
      PetRouter.create(
          (userId, message) -> System.out.println(userId + ": " + message), // your SNS, SES...
          DynamoDbIdempotencyStore.builder()
              .client(DynamoDbClient.create())
              .tableName(System.getenv("IDEMPOTENCY_TABLE"))
              .build()); // built once per container, on cold start

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
// end::lambda[]
