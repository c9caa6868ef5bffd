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
package dev.ddbstreams.examples.docs.kcl;

import dev.ddbstreams.DeadLetterSink;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.examples.pettracker.Notifier;
import dev.ddbstreams.examples.pettracker.PetHandlers;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.kcl.KclStreamConsumer;
import dev.ddbstreams.micrometer.MicrometerObserver;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.kinesis.metrics.MetricsConfig;
import software.amazon.kinesis.metrics.MetricsLevel;

/** docs/kcl.md. */
final class KclSnippets {
  private KclSnippets() {}

  static void worker(Notifier notifier, DynamoDbClient dynamo, DeadLetterSink sqsSink, String arn) {
    // tag::worker[]
    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(new PetHandlers(notifier))
            .idempotency(
                DynamoDbIdempotencyStore.builder().client(dynamo).tableName("idempotency").build())
            .retry(RetryPolicy.attempts(3))
            .deadLetter(sqsSink) // without one, a poison record holds its shard
            .build();

    try (KclStreamConsumer consumer =
        KclStreamConsumer.builder()
            .streamArn(arn) // or .tableName("Pets"): latest stream via DescribeTable
            .applicationName("pet-views") // the lease table's name, shared by all workers
            .router(router)
            .build()) { // validates; reports every problem at once
      consumer.run(); // blocks; or start() + close() later
    }
    // end::worker[]
  }

  static KclStreamConsumer metrics(Notifier notifier, MeterRegistry registry, String arn) {
    // tag::metrics[]
    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(new PetHandlers(notifier))
            .observer(new MicrometerObserver(registry)) // record age, outcomes, durations
            .build();
    KclStreamConsumer consumer =
        KclStreamConsumer.builder()
            .streamArn(arn)
            .applicationName("pet-views")
            .router(router)
            .metricsLevel(MetricsLevel.SUMMARY) // KCL's own: leases, records, processing time
            .configCustomizer(
                c ->
                    c.metrics()
                        .metricsEnabledDimensions(
                            new HashSet<>(MetricsConfig.METRICS_ALWAYS_ENABLED_DIMENSIONS)))
            .build();
    // end::metrics[]
    return consumer;
  }

  static KclStreamConsumer local(StreamTable table, StreamRouter router) {
    // tag::local[]
    LocalKcl kcl = LocalKcl.of(DynamoDbEmulator.shared());
    kcl.prepareLeaseTable("my-app", table.streamArn());
    KclStreamConsumer consumer =
        KclStreamConsumer.builder()
            .streamArn(table.streamArn())
            .applicationName("my-app")
            .dynamoDbClient(kcl.leaseClient())
            .streamsClient(kcl.streamsClient())
            .configCustomizer(
                c -> LocalKcl.fastStart(c.leaseManagement(), c.coordinator(), c.polling()))
            .router(router)
            .build();
    // end::local[]
    return consumer;
  }
}
