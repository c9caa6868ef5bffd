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
import dev.ddbstreams.lambda.DynamoDbStreamJsonLambda;
import dev.ddbstreams.lambda.EmbeddedMetrics;

/**
 * The PetTracker stream consumer as an AWS Lambda function. Handler string: {@code
 * dev.ddbstreams.examples.pettracker.PetTrackerLambda::handleRequest}; deployed by {@code
 * examples/sam/template.yaml} from the jar {@code mvn package} builds ({@code
 * examples/target/ddbstreams-examples-lambda.jar}).
 */
public final class PetTrackerLambda extends DynamoDbStreamJsonLambda {
  /** The CloudWatch namespace of the router's metrics unless {@code METRICS_NAMESPACE} is set. */
  static final String METRICS_NAMESPACE = "PetTracker";

  /**
   * Built once per container, on the first invocation's cold start. Its metrics go into the
   * function's log as CloudWatch embedded metric format, where the template's alarms find them.
   */
  private static final StreamRouter ROUTER =
      PetTrackerRouter.fromSettings(
          System::getenv,
          EmbeddedMetrics.builder()
              .namespace(System.getenv().getOrDefault("METRICS_NAMESPACE", METRICS_NAMESPACE))
              .build());

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
