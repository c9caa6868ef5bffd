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
import dev.ddbstreams.examples.docs.gettingstarted.PetRouter;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.lambda.DynamoDbStreamJsonLambda;
import dev.ddbstreams.lambda.WholeBatchFailure;

// tag::throw[]
public final class ThrowingHandler extends DynamoDbStreamJsonLambda {
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
