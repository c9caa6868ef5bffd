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

import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

// tag::unit-test[]
class PetHandlersTest {
  private final List<String> sent = new ArrayList<>();
  private final StreamRouter router =
      PetRouter.create(
          (userId, message) -> sent.add(message), InMemoryIdempotencyStore.builder().build());
  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();

  @Test
  void welcomesWeighsAndSaysGoodbye() {
    List<Record> batch =
        List.of(
            events.insert(pet("Rex", 10)),
            events.modify(pet("Rex", 10), pet("Rex", 13)),
            events.ttlExpire(pet("Rex", 13)));

    BatchResult result = router.process(batch);

    assertThat(result).hasNoFailures().hasCount(RecordStatus.HANDLED, 3);
    assertThat(sent)
        .containsExactly(
            "Welcome Rex!", "Rex changed weight by more than 2 kg", "Rex's record expired");
  }

  @Test
  void aRedeliveredBatchRunsNoHandlerTwice() {
    List<Record> batch = List.of(events.insert(pet("Rex", 10)));
    router.process(batch);

    BatchResult again = router.process(batch); // as after a Lambda retry

    assertThat(again).hasStatuses(RecordStatus.DUPLICATE);
    assertThat(sent).containsExactly("Welcome Rex!");
  }

  static Map<String, Object> pet(String name, int weightKg) {
    return Map.of(
        "PK",
        "USER#u1",
        "SK",
        "PET#" + name,
        "userId",
        "u1",
        "name",
        name,
        "species",
        "dog",
        "weightKg",
        weightKg);
  }
}
// end::unit-test[]
