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

// tag::static-import[]
import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
// end::static-import[]

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** docs/testing.md. */
final class TestingSnippets {
  private TestingSnippets() {}

  static String events(
      StreamRouter router, Map<String, Object> pet, Map<String, Object> heavierPet) {
    // tag::events[]
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    List<Record> batch =
        List.of(
            events.insert(pet),
            events.modify(pet, heavierPet),
            events.remove(pet),
            events.ttlExpire(pet));
    BatchResult result = router.process(batch);
    String lambdaJson = events.lambdaEvent(batch); // what the event source mapping sends
    // end::events[]
    assertThat(result).hasNoFailures();
    return lambdaJson;
  }

  static void assertions(BatchResult result, BatchResult failedResult) {
    // tag::assertions[]
    assertThat(result)
        .hasNoFailures()
        .hasStatuses(RecordStatus.HANDLED, RecordStatus.NO_MATCH)
        .recordWasHandledBy(0, "com.example.PetHandlers#welcome");
    assertThat(failedResult).hasCheckpoint("100000000000000000020");
    // end::assertions[]
  }
}
