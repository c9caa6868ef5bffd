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
