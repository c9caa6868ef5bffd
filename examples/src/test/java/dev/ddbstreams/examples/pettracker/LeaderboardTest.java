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
import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.backfill.SnapshotRecords;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Update;

class LeaderboardTest {
  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
  private final CommittingStore store = new CommittingStore();
  private final RecordingDynamoDb dynamo = new RecordingDynamoDb();
  private final StreamRouter router =
      StreamRouter.builder()
          .handlers(new Leaderboard(dynamo, "PetTracker"))
          .idempotency(store)
          .build();

  @Test
  void addsOneToThePetsCountPerNewActivity() {
    BatchResult result =
        router.process(List.of(events.insert(activity("p7", "2026-11-20T10:15:00Z"))));

    assertThat(result)
        .hasNoFailures()
        .recordWasHandledBy(0, Leaderboard.class.getName() + "#count");
    Put marker = store.committed.get(0).put();
    assertThat(marker.item())
        .containsEntry("PK", AttributeValue.fromS("PET#p7"))
        .containsEntry("SK", AttributeValue.fromS("COUNTED#ACTIVITY#2026-11-20T10:15:00Z"));
    assertThat(marker.conditionExpression()).isEqualTo("attribute_not_exists(PK)");
    Update update = store.committed.get(1).update();
    assertThat(update.tableName()).isEqualTo("PetTracker");
    assertThat(update.key())
        .isEqualTo(
            Map.of(
                "PK", AttributeValue.fromS("LEADERBOARD"), "SK", AttributeValue.fromS("PET#p7")));
    assertThat(update.updateExpression()).startsWith("ADD activityCount :inc");
    assertThat(update.expressionAttributeValues()).containsEntry(":inc", AttributeValue.fromN("1"));
  }

  @Test
  void ignoresItsOwnWritesAndChangedOrDeletedActivities() {
    Map<String, Object> walk = activity("p7", "2026-11-20T10:15:00Z");
    BatchResult result =
        router.process(
            List.of(
                events.insert(leaderboardEntry("p7", 1)),
                events.modify(leaderboardEntry("p7", 1), leaderboardEntry("p7", 2)),
                events.modify(walk, walk),
                events.remove(walk)));

    assertThat(result).hasCount(RecordStatus.NO_MATCH, 4);
    assertThat(store.committed).isEmpty();
  }

  @Test
  void countsARedeliveredActivityOnce() {
    List<Record> batch = List.of(events.insert(activity("p7", "2026-11-20T10:15:00Z")));

    router.process(batch);
    BatchResult again = router.process(batch);

    assertThat(again).hasStatuses(RecordStatus.DUPLICATE);
    assertThat(store.committed).hasSize(2); // the marker and the count, once
  }

  @Test
  void aSnapshotOfAnActivityItsStreamInsertCountedStagesNothing() {
    Map<String, Object> walk = activity("p7", "2026-11-20T10:15:00Z");
    dynamo.existing.add(
        Map.of(
            "PK", AttributeValue.fromS("PET#p7"),
            "SK", AttributeValue.fromS("COUNTED#ACTIVITY#2026-11-20T10:15:00Z")));

    BatchResult result =
        router.process(
            List.of(
                SnapshotRecords.of(
                    "leaderboard-v2", StreamEvents.image(walk), List.of("PK", "SK"))));

    assertThat(result).hasNoFailures().hasStatuses(RecordStatus.HANDLED);
    assertThat(store.committed).isEmpty();
  }

  @Test
  void takesSnapshotsOfActivities() {
    Map<String, Object> walk = activity("p7", "2026-11-20T10:15:00Z");

    router.process(
        List.of(
            SnapshotRecords.of("leaderboard-v2", StreamEvents.image(walk), List.of("PK", "SK"))));

    assertThat(store.committed).hasSize(2);
  }
}
