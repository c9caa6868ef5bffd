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
import static dev.ddbstreams.examples.pettracker.PetItems.summary;
import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.backfill.SnapshotRecords;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;

class CrossRegionReplicationTest {
  private static final Map<String, AttributeValue> P1_KEY =
      Map.of("PK", AttributeValue.fromS("USER#u1"), "SK", AttributeValue.fromS("PET#p1"));

  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
  private final RecordingDynamoDb replica = new RecordingDynamoDb();
  private final StreamRouter router =
      StreamRouter.builder()
          .handlers(new CrossRegionReplication(replica, "PetTracker-Replica"))
          .build();

  @Test
  void putsTheNewImageWithItsSequenceOnlyOverAnOlderCopy() {
    Record insert = events.insert(pet("u1", "p1", "dog", 20));

    assertThat(router.process(List.of(insert))).hasNoFailures();

    PutItemRequest put = replica.requests(PutItemRequest.class).get(0);
    AttributeValue sequence =
        SequenceGuard.storedValue(SequenceNumber.of(insert.dynamodb().sequenceNumber()));
    assertThat(put.tableName()).isEqualTo("PetTracker-Replica");
    assertThat(put.item())
        .containsAllEntriesOf(insert.dynamodb().newImage())
        .containsEntry(CrossRegionReplication.SEQUENCE, sequence)
        .hasSize(insert.dynamodb().newImage().size() + 1);
    assertThat(put.conditionExpression())
        .isEqualTo("(attribute_not_exists(#ddbstreams_seq) OR #ddbstreams_seq < :ddbstreams_seq)");
    assertThat(put.expressionAttributeNames())
        .containsEntry("#ddbstreams_seq", CrossRegionReplication.SEQUENCE);
    assertThat(put.expressionAttributeValues()).containsEntry(":ddbstreams_seq", sequence);
  }

  @Test
  void buriesTheKeyOnUserDeletesAndTtlExpiriesAlike() {
    Record delete = events.remove(pet("u1", "p1", "dog", 20));
    BatchResult result =
        router.process(List.of(delete, events.ttlExpire(pet("u1", "p1", "dog", 20))));

    assertThat(result).hasNoFailures();
    assertThat(replica.requests(DeleteItemRequest.class)).isEmpty();
    List<PutItemRequest> tombstones = replica.requests(PutItemRequest.class);
    assertThat(tombstones)
        .hasSize(2)
        .allSatisfy(
            p -> {
              assertThat(p.item())
                  .containsAllEntriesOf(P1_KEY)
                  .containsKey(CrossRegionReplication.DELETED_UNTIL)
                  .containsKey(CrossRegionReplication.SEQUENCE)
                  .hasSize(4);
              assertThat(p.conditionExpression()).contains("#ddbstreams_seq < :ddbstreams_seq");
            });
    assertThat(tombstones.get(0).item())
        .containsEntry(
            CrossRegionReplication.SEQUENCE,
            SequenceGuard.storedValue(SequenceNumber.of(delete.dynamodb().sequenceNumber())));
  }

  @Test
  void putsASnapshotOnlyWhereNoStreamChangeWrote() {
    Map<String, AttributeValue> image = StreamEvents.image(pet("u1", "p1", "dog", 20));

    assertThat(
            router.process(List.of(SnapshotRecords.of("replica-v2", image, List.of("PK", "SK")))))
        .hasNoFailures();

    PutItemRequest put = replica.requests(PutItemRequest.class).get(0);
    assertThat(put.item()).isEqualTo(image);
    assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(#ddbstreams_seq)");
  }

  @Test
  void replicatesActivitiesButNotDerivedViews() {
    BatchResult result =
        router.process(
            List.of(
                events.insert(activity("p1", "2026-11-20T10:15:00Z")),
                events.insert(summary("p1", "2026-11-20", 1)),
                events.insert(leaderboardEntry("p1", 1))));

    assertThat(result)
        .hasStatuses(RecordStatus.HANDLED, RecordStatus.NO_MATCH, RecordStatus.NO_MATCH);
    assertThat(replica.requests).hasSize(1);
  }

  @Test
  void skipsAChangeTheReplicaAlreadyHasANewerVersionOf() {
    replica.failWith(ConditionalCheckFailedException.builder().message("stale").build());

    BatchResult result = router.process(List.of(events.insert(pet("u1", "p1", "dog", 20))));

    assertThat(result).hasNoFailures().hasStatuses(RecordStatus.HANDLED);
  }
}
