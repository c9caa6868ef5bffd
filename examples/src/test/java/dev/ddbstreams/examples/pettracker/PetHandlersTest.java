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

import static dev.ddbstreams.examples.pettracker.PetItems.leaderboardEntry;
import static dev.ddbstreams.examples.pettracker.PetItems.pet;
import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class PetHandlersTest {
  private static final String HANDLERS = PetHandlers.class.getName();

  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
  private final Outbox outbox = new Outbox();
  private final PetHandlers pets = new PetHandlers(outbox);
  private final StreamRouter router = StreamRouter.builder().handlers(pets).build();

  @Test
  void welcomesANewPetsOwner() {
    BatchResult result = router.process(List.of(events.insert(pet("u1", "p1", "dog", 20))));

    assertThat(result).hasNoFailures().recordWasHandledBy(0, HANDLERS + "#welcome");
    assertThat(outbox.messages())
        .containsExactly(new Outbox.Message("u1", "Welcome Pet-p1 to PetTracker!"));
  }

  @Test
  void doesNotWelcomeLeaderboardEntriesThatShareThePetSortKey() {
    BatchResult result = router.process(List.of(events.insert(leaderboardEntry("p1", 1))));

    assertThat(result).hasStatuses(RecordStatus.NO_MATCH);
    assertThat(outbox.messages()).isEmpty();
  }

  @Test
  void alertsOnlyWhenTheWeightMovesByMoreThanTwoKilograms() {
    BatchResult result =
        router.process(
            List.of(
                events.modify(pet("u1", "p1", "dog", 20), pet("u1", "p1", "dog", 22)),
                events.modify(pet("u1", "p1", "dog", 22), pet("u1", "p1", "dog", 25))));

    assertThat(result).hasNoFailures();
    assertThat(pets.weightAlerts()).isEqualTo(1);
    assertThat(outbox.messages())
        .containsExactly(new Outbox.Message("u1", "Pet-p1's weight changed by 3 kg"));
  }

  @Test
  void tellsTtlExpiriesFromUserDeletes() {
    BatchResult result =
        router.process(
            List.of(
                events.remove(pet("u1", "p1", "dog", 20)),
                events.ttlExpire(pet("u1", "p2", "cat", 4))));

    assertThat(result)
        .hasNoFailures()
        .recordWasHandledBy(0, HANDLERS + "#removedByUser")
        .recordWasHandledBy(1, HANDLERS + "#expired");
    assertThat(pets.deleted()).isEqualTo(1);
    assertThat(pets.expired()).isEqualTo(1);
    assertThat(outbox.messages())
        .containsExactly(new Outbox.Message("u1", "Pet-p2's record expired"));
  }
}
