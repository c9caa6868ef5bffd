package dev.ddbstreams.examples.docs.lambda;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.lambda.FailedBatch;
import dev.ddbstreams.lambda.LocalEventSourceMapping;
import dev.ddbstreams.lambda.StartingPosition;
import java.time.Duration;
import java.util.List;

/** docs/lambda.md. */
final class LocalMappingSnippets {
  private LocalMappingSnippets() {}

  static void drain(DynamoDbEmulator local, String streamArn, List<FailedBatch> deadLetters) {
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
            .onFailure(failed -> deadLetters.add(failed))
            .parallelizationFactor(4)
            .build()) {
      mapping.drain(Duration.ofMinutes(1));
    }
    // end::mapping[]
  }
}
