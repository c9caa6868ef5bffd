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
package dev.ddbstreams.examples.docs.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.HandlerDefinitionException;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.examples.docs.gettingstarted.Pet;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/routing.md: the examples, running. */
class RoutingExamplesTest {
  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();

  @Test
  void matchersSelectTheHandlers() {
    MoreHandlers handlers = new MoreHandlers();
    Map<String, Object> rex =
        Map.of("PK", "USER#u1", "SK", "PET#1", "name", "Rex", "species", "dog");
    Map<String, Object> tom =
        Map.of("PK", "USER#u1", "SK", "PET#2", "name", "Tom", "species", "cat");
    Map<String, Object> walk =
        Map.of("PK", "PET#1", "SK", "ACTIVITY#2026-11-24", "petId", "1", "type", "walk");
    try (StreamRouter router = StreamRouter.builder().handlers(handlers).build()) {
      router.process(
          List.of(
              events.insert(rex),
              events.insert(tom),
              events.insert(walk),
              events.remove(tom),
              events.ttlExpire(rex)));
    }
    assertThat(handlers.log)
        .containsExactly("INSERT dog Rex", "summary walk attempt 1", "deleted Tom");
  }

  // tag::broken[]
  static final class Broken {
    @OnInsert(sk = "PET#")
    String welcome(Pet pet) {
      return pet.name();
    }

    @OnRemove(sk = "")
    void gone(StreamRecord<?> change) {}
  }

  // end::broken[]

  @Test
  void buildListsEveryProblem() {
    // tag::build-fails[]
    assertThatThrownBy(() -> StreamRouter.builder().handlers(new Broken()).parallelism(0).build())
        .isInstanceOfSatisfying(
            HandlerDefinitionException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anyMatch(p -> p.contains("Broken#welcome") && p.contains("must return void"))
                    .anyMatch(p -> p.contains("Broken#gone") && p.contains("empty sk prefix"))
                    .anyMatch(p -> p.contains("Broken#gone") && p.contains("StreamRecord<?>"))
                    .anyMatch(p -> p.contains("parallelism")));
    // end::build-fails[]
  }
}
