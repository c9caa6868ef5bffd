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
import java.util.Map;

/**
 * {@link PetTrackerLambda} with fixed settings instead of environment variables, so the deployment
 * jar can be invoked in a test: no SNS topic and no idempotency table, so the event touches no AWS
 * service.
 */
public final class PetTrackerLambdaForTests extends DynamoDbStreamJsonLambda {
  private static final StreamRouter ROUTER =
      PetTrackerRouter.fromSettings(Map.of("TABLE_NAME", "PetTracker")::get);

  @Override
  protected StreamRouter router() {
    return ROUTER;
  }
}
