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

import static dev.ddbstreams.examples.pettracker.PetItems.activity;
import static dev.ddbstreams.examples.pettracker.PetItems.leaderboardEntry;
import static dev.ddbstreams.examples.pettracker.PetItems.pet;
import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.backfill.SnapshotRecords;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearchSyncTest {
  private static final List<String> KEYS = List.of("PK", "SK");

  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
  private final LuceneSearchIndex index = new LuceneSearchIndex();
  private final StreamRouter router =
      StreamRouter.builder().handlers(new SearchSync(index)).build();

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void indexesNewPetsUnderTheirKeys() {
    assertThat(router.process(List.of(events.insert(pet("u1", "p1", "dog", 20))))).hasNoFailures();

    assertThat(index.search("species:dog", 10).ids()).containsExactly("USER#u1#PET#p1");
  }

  @Test
  void replacesTheDocumentWhenAPetChanges() {
    router.process(
        List.of(
            events.insert(pet("u1", "p1", "dog", 20)),
            events.modify(pet("u1", "p1", "dog", 20), pet("u1", "p1", "wolf", 20))));

    assertThat(index.search("species:dog", 10).total()).isZero();
    assertThat(index.search("species:wolf", 10).ids()).containsExactly("USER#u1#PET#p1");
  }

  @Test
  void dropsDeletedAndExpiredPets() {
    router.process(
        List.of(
            events.insert(pet("u1", "p1", "dog", 20)),
            events.insert(pet("u1", "p2", "dog", 8)),
            events.remove(pet("u1", "p1", "dog", 20)),
            events.ttlExpire(pet("u1", "p2", "dog", 8))));

    assertThat(index.search("species:dog", 10).total()).isZero();
  }

  @Test
  void leavesActivitiesAndTheLeaderboardOut() {
    var result =
        router.process(
            List.of(
                events.insert(activity("p1", "2026-11-20T10:15:00Z")),
                events.insert(leaderboardEntry("p1", 1))));

    assertThat(result).hasStatuses(RecordStatus.NO_MATCH, RecordStatus.NO_MATCH);
    assertThat(index.search("petId:p1 OR entityType:leaderboard", 10).total()).isZero();
  }

  @Test
  void aSnapshotReadBeforeADeleteDoesNotBringThePetBack() {
    var dog = pet("u1", "p1", "dog", 20);
    router.process(List.of(events.insert(dog), events.remove(dog)));

    router.process(List.of(SnapshotRecords.of("search-v2", StreamEvents.image(dog), KEYS)));

    assertThat(index.search("species:dog", 10).total()).isZero();
  }

  @Test
  void aSnapshotNeverReplacesAStreamChangeButFillsWhatTheStreamHasNotTouched() {
    router.process(List.of(events.insert(pet("u1", "p1", "wolf", 20))));

    router.process(
        List.of(
            SnapshotRecords.of("search-v2", StreamEvents.image(pet("u1", "p1", "dog", 20)), KEYS),
            SnapshotRecords.of("search-v2", StreamEvents.image(pet("u2", "p2", "dog", 9)), KEYS)));

    assertThat(index.search("species:wolf", 10).ids()).containsExactly("USER#u1#PET#p1");
    assertThat(index.search("species:dog", 10).ids()).containsExactly("USER#u2#PET#p2");
  }

  @Test
  void aRedeliveredOlderChangeIsSkipped() {
    var batch =
        List.of(
            events.insert(pet("u1", "p1", "dog", 20)),
            events.modify(pet("u1", "p1", "dog", 20), pet("u1", "p1", "wolf", 20)));
    router.process(batch);

    router.process(batch.subList(0, 1));

    assertThat(index.search("species:wolf", 10).ids()).containsExactly("USER#u1#PET#p1");
  }
}
