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
package dev.ddbstreams.examples.docs.lambda;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.lambda.DynamoDbStreamLambda;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

// tag::handler[]
public final class Handler extends DynamoDbStreamLambda { // or DynamoDbStreamJsonLambda
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
