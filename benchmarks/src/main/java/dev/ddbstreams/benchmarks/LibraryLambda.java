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
package dev.ddbstreams.benchmarks;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.DynamoDbStreamJsonLambda;

/** The Lambda function a ddbstreams user writes: the streaming base and a router. */
public final class LibraryLambda extends DynamoDbStreamJsonLambda {
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
