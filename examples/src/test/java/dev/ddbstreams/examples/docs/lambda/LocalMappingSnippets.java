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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testkit.lambda.StartingPosition;
import java.time.Duration;
import java.util.List;

/** docs/lambda.md. */
final class LocalMappingSnippets {
  private LocalMappingSnippets() {}

  static void drain(DynamoDbEmulator local, String streamArn, List<String> deadLetters) {
    // tag::mapping[]
    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(streamArn)
            .handler(new Handler())
            .startingPosition(StartingPosition.TRIM_HORIZON)
            .batchSize(100)
            .reportBatchItemFailures(true)
            .bisectBatchOnFunctionError(true)
            .maximumRetryAttempts(5)
            .onFailure(deadLetters::add) // each message as Lambda sends it to SQS or SNS
            .parallelizationFactor(4)
            .build()) {
      mapping.drain(Duration.ofMinutes(1));
    }
    // end::mapping[]
  }
}
