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
package dev.ddbstreams.examples.docs.gettingstarted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.Images;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.DynamoDbEmulatorTest;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testkit.lambda.StartingPosition;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

// tag::stream-test[]
@DynamoDbEmulatorTest // the DynamoDB emulator, in memory, shared by the JVM's tests
class PetStreamIT {
  @Test
  void theFunctionWelcomesAPetWrittenToTheTable(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table = StreamTable.builder().create(ddb); // PK/SK strings, NEW_AND_OLD_IMAGES
    List<String> sent = new CopyOnWriteArrayList<>();
    StreamRouter router =
        PetRouter.create(
            (userId, message) -> sent.add(message), InMemoryIdempotencyStore.builder().build());
    PetLambda function = new PetLambda(router); // the function Lambda would run

    ddb.putItem(
        b -> b.tableName(table.name()).item(Images.fromMap(PetHandlersTest.pet("Rex", 10))));

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(streams)
            .streamArn(table.streamArn())
            .handler(function) // gets the event JSON bytes, as in Lambda
            .startingPosition(StartingPosition.TRIM_HORIZON)
            .reportBatchItemFailures(true)
            .build()) {
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(sent).containsExactly("Welcome Rex!");
  }
}
// end::stream-test[]
