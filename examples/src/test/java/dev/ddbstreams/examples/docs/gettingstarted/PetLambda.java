/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.ddbstreams.examples.docs.gettingstarted;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.lambda.DynamoDbStreamJsonLambda;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

// tag::lambda[]
public final class PetLambda extends DynamoDbStreamJsonLambda { // or DynamoDbStreamLambda
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
