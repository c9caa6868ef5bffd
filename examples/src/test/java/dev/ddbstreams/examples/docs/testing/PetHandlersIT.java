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
package dev.ddbstreams.examples.docs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.Images;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.PetRouter;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.DynamoDbEmulatorTest;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.StreamTap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

// tag::tap[]
@DynamoDbEmulatorTest // parameters get the JVM's shared instance
class PetHandlersIT {
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final StreamRouter router =
      PetRouter.create(
          (userId, message) -> sent.add(message), InMemoryIdempotencyStore.builder().build());

  @Test
  void welcomesNewPets(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table =
        StreamTable.builder() // PK/SK strings, NEW_AND_OLD_IMAGES
            .ttlAttribute("expiresAt")
            .create(ddb);
    StreamTap tap = StreamTap.of(streams, table.streamArn(), router); // batches of 100
    Map<String, Object> rex =
        Map.of("PK", "USER#u1", "SK", "PET#Rex", "userId", "u1", "name", "Rex");
    ddb.putItem(b -> b.tableName(table.name()).item(Images.fromMap(rex)));

    StreamTap.Result result = tap.drain(1, Duration.ofSeconds(10)); // waits, then delivers

    assertThat(result.failed()).isZero();
    assertThat(sent).containsExactly("Welcome Rex!");
  }
}
// end::tap[]
