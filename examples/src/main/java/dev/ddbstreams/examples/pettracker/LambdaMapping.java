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
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testkit.lambda.StartingPosition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@link Mode#LAMBDA}: the router behind a {@link DynamoDbStreamJsonLambda}, fed by the local event
 * source mapping with the settings examples/sam/template.yaml deploys: partial batch responses,
 * bisect on function error, 10 retries, a 6 h record age, the router's filter criteria and a
 * parallelization factor of 2. The template's 1 s batching window is left out, so a short run is
 * not paced by it. Records pass through Lambda's event JSON, as in AWS.
 */
final class LambdaMapping implements DemoConsumer {
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final StreamRouter router;
  private final int batchSize;
  private final Function function;
  private final List<String> dropped = new CopyOnWriteArrayList<>();
  private final LocalEventSourceMapping mapping;
  private LocalEventSourceMapping.Stats redelivery = empty();
  private long timeouts;

  /** The demo's function: the same handler base a deployment uses, around the demo's router. */
  private static final class Function extends DynamoDbStreamJsonLambda {
    private final StreamRouter router;

    Function(StreamRouter router) {
      this.router = router;
    }

    @Override
    protected StreamRouter router() {
      return router;
    }
  }

  LambdaMapping(DynamoDbStreamsClient streams, String streamArn, StreamRouter router, int size) {
    this.streams = streams;
    this.streamArn = streamArn;
    this.router = router;
    this.batchSize = size;
    this.function = new Function(router);
    this.mapping = mapping();
  }

  private LocalEventSourceMapping mapping() {
    return LocalEventSourceMapping.builder()
        .streams(streams)
        .streamArn(streamArn)
        .handler(function)
        .startingPosition(StartingPosition.TRIM_HORIZON)
        .batchSize(batchSize)
        .reportBatchItemFailures(true)
        .bisectBatchOnFunctionError(true)
        .maximumRetryAttempts(10)
        .maximumRecordAge(Duration.ofHours(6))
        .onFailure(dropped::add)
        .filterCriteria(router.filterCriteria())
        .parallelizationFactor(2)
        .build();
  }

  @Override
  public void deliverNew() {
    if (!mapping.drain(DRAIN_TIMEOUT)) {
      timeouts++;
    }
  }

  @Override
  public void redeliverAll() {
    try (LocalEventSourceMapping again = mapping()) {
      if (!again.drain(DRAIN_TIMEOUT)) {
        timeouts++;
      }
      redelivery = again.stats();
    }
  }

  @Override
  public long failures() {
    LocalEventSourceMapping.Stats stats = mapping.stats();
    return stats.functionErrors()
        + stats.partialFailures()
        + redelivery.functionErrors()
        + redelivery.partialFailures()
        + dropped.size()
        + timeouts;
  }

  @Override
  public String summary() {
    LocalEventSourceMapping.Stats stats = mapping.stats();
    return String.format(
        "Lambda mapping: %d records, then %d redelivered, in %d invocations; %d dropped by filter"
            + " criteria; %d function errors, %d partial failures",
        stats.recordsDelivered(),
        redelivery.recordsDelivered(),
        stats.invocations() + redelivery.invocations(),
        stats.recordsFiltered(),
        stats.functionErrors(),
        stats.partialFailures());
  }

  @Override
  public void close() {
    mapping.close();
  }

  private static LocalEventSourceMapping.Stats empty() {
    return new LocalEventSourceMapping.Stats(0, 0, 0, 0, 0, 0, 0);
  }
}
