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
package dev.ddbstreams.examples.docs.operations;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.StreamSetup;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.examples.docs.gettingstarted.Notifier;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import dev.ddbstreams.lambda.MappingCheck;
import dev.ddbstreams.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;

/** docs/operations.md. */
final class OperationsSnippets {
  private OperationsSnippets() {}

  static StreamRouter micrometer(Notifier notifier, MeterRegistry registry) {
    // tag::micrometer[]
    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(new PetHandlers(notifier))
            .observer(new MicrometerObserver(registry)) // Prometheus, CloudWatch, OTLP, ...
            .build();
    // end::micrometer[]
    return router;
  }

  static String setup(DynamoDbClient dynamo, DynamoDbStreamsClient streams, StreamRouter router) {
    // tag::setup[]
    StreamSetup.Result stream =
        StreamSetup.builder()
            .client(dynamo)
            .streamsClient(streams) // optional: also wait for StreamStatus ENABLED
            .tableName("Pets")
            .viewType(router.viewType().orElse(ViewType.NEW_AND_OLD_IMAGES))
            .build()
            .enable(); // enables the stream if needed, waits until it is active
    String streamArn = stream.streamArn();
    // end::setup[]
    return streamArn;
  }

  static List<String> check(LambdaClient lambda, String mappingUuid, StreamRouter router) {
    // tag::check[]
    GetEventSourceMappingResponse mapping = lambda.getEventSourceMapping(b -> b.uuid(mappingUuid));
    List<String> differences = MappingCheck.of(router).differences(mapping);
    differences.forEach(System.out::println); // one sentence per difference; none if as expected
    // end::check[]
    return differences;
  }
}
