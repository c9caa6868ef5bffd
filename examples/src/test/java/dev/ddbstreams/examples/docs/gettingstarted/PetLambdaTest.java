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

import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.StreamEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

// tag::lambda-test[]
class PetLambdaTest {
  @Test
  void answersLambdasEventWithAPartialBatchResponse() throws Exception {
    List<String> sent = new ArrayList<>();
    PetLambda function =
        new PetLambda(
            PetRouter.create(
                (userId, message) -> sent.add(message),
                InMemoryIdempotencyStore.builder().build()));
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    String event = events.lambdaEvent(List.of(events.insert(PetHandlersTest.pet("Rex", 10))));
    ByteArrayOutputStream response = new ByteArrayOutputStream();

    function.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), response, null);

    assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(sent).containsExactly("Welcome Rex!");
  }
}
// end::lambda-test[]
