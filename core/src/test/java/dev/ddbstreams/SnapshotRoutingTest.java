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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.backfill.SnapshotRecords;
import dev.ddbstreams.idempotency.IdempotencyKeyStrategy;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Snapshot records: only handlers that opt in see them, and they carry no sequence number. */
class SnapshotRoutingTest {
  record Pet(String name, BigDecimal weightKg) {}

  private static final Map<String, AttributeValue> REX =
      StreamRouterTest.pet("u1", "p1", "Rex", "12");

  static final class Views {
    final List<String> calls = new ArrayList<>();

    @OnInsert(sk = "PET#")
    void welcome(Pet pet) {
      calls.add("welcome " + pet.name());
    }

    @OnChange(
        sk = "PET#",
        events = {EventName.INSERT, EventName.MODIFY},
        snapshots = SnapshotMatch.INCLUDE)
    void index(StreamRecord<Pet> change) {
      calls.add(
          (change.isSnapshot() ? "index snapshot " : "index change ")
              + change.newImage().orElseThrow().name());
    }

    @OnInsert(sk = "PET#", snapshots = SnapshotMatch.ONLY)
    void count(Pet pet) {
      calls.add("count " + pet.name());
    }
  }

  private static Record snapshot(String backfill, Map<String, AttributeValue> item) {
    return SnapshotRecords.of(backfill, item, List.of("PK", "SK"));
  }

  @Test
  void aWelcomeHandlerNeverSeesSnapshotsButAViewHandlerDoes() {
    Views views = new Views();
    StreamRouter router = StreamRouter.builder().handlers(views).build();

    BatchResult result = router.process(List.of(snapshot("search-v2", REX)));

    assertThat(result.isComplete()).isTrue();
    assertThat(views.calls).containsExactly("index snapshot Rex", "count Rex");
  }

  @Test
  void streamInsertsDoNotReachSnapshotOnlyHandlers() {
    Views views = new Views();
    StreamRouter router = StreamRouter.builder().handlers(views).build();

    router.process(List.of(TestRecords.insert("100", REX)));

    assertThat(views.calls).containsExactly("welcome Rex", "index change Rex");
  }

  @Test
  void handlerInfoTellsWhoTakesSnapshots() {
    StreamRouter router = StreamRouter.builder().handlers(new Views()).build();

    assertThat(router.handlers())
        .extracting(HandlerInfo::snapshots)
        .containsExactly(SnapshotMatch.EXCLUDE, SnapshotMatch.INCLUDE, SnapshotMatch.ONLY);
  }

  @Test
  void aSnapshotIsAnInsertWithoutSequenceNumber() {
    StreamRecord<Pet> record = StreamRecord.of(snapshot("search-v2", REX), Pet.class);

    assertThat(record.isSnapshot()).isTrue();
    assertThat(record.eventName()).isEqualTo(EventName.INSERT);
    assertThat(record.newImage()).contains(new Pet("Rex", new BigDecimal("12")));
    assertThat(record.oldImage()).isEmpty();
    assertThat(record.keys()).containsOnlyKeys("PK", "SK");
    assertThat(record.toString()).contains("none (snapshot)").doesNotContain("Rex");
    assertThatThrownBy(record::sequenceNumber)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("isSnapshot()");
    assertThat(StreamRecord.of(TestRecords.insert("100", REX), Pet.class).isSnapshot()).isFalse();
  }

  @Test
  void snapshotEventIdsAreStablePerBackfillAndItem() {
    String id = snapshot("search-v2", REX).eventID();

    assertThat(snapshot("search-v2", REX).eventID()).isEqualTo(id).hasSize(32);
    assertThat(snapshot("search-v3", REX).eventID()).isNotEqualTo(id);
    assertThat(snapshot("search-v2", StreamRouterTest.pet("u1", "p2", "Rex", "12")).eventID())
        .isNotEqualTo(id);
    assertThat(id).doesNotContain("USER#u1");
  }

  @Test
  void aResumedBackfillIsADuplicateAndANewOneIsNot() {
    for (IdempotencyKeyStrategy strategy : IdempotencyKeyStrategy.values()) {
      Views views = new Views();
      StreamRouter router =
          StreamRouter.builder()
              .handlers(views)
              .idempotency(InMemoryIdempotencyStore.builder().build())
              .idempotencyKey(strategy)
              .build();

      router.process(List.of(snapshot("search-v2", REX)));
      BatchResult again = router.process(List.of(snapshot("search-v2", REX)));
      BatchResult rebuilt = router.process(List.of(snapshot("search-v3", REX)));

      assertThat(again.outcomes().get(0).status())
          .as(strategy.name())
          .isEqualTo(RecordStatus.DUPLICATE);
      assertThat(rebuilt.outcomes().get(0).status())
          .as(strategy.name())
          .isEqualTo(RecordStatus.HANDLED);
      assertThat(views.calls).hasSize(4);
    }
  }

  @Test
  void aFailingSnapshotIsDeadLetteredWithoutSequenceNumber() {
    List<DeadLetter> letters = new ArrayList<>();
    StreamRouter router =
        StreamRouter.builder().handlers(new Failing()).deadLetter(letters::add).build();

    BatchResult result = router.process(List.of(snapshot("search-v2", REX)));

    RecordOutcome outcome = result.outcomes().get(0);
    assertThat(outcome.status()).isEqualTo(RecordStatus.DEAD_LETTERED);
    assertThat(outcome.sequenceNumber()).isNull();
    assertThat(letters)
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.record().eventSource()).isEqualTo(StreamRecord.SNAPSHOT_EVENT_SOURCE));
  }

  @Test
  void aFailingSnapshotWithoutSinkFailsTheBatch() {
    StreamRouter router = StreamRouter.builder().handlers(new Failing()).build();

    BatchResult result = router.process(List.of(snapshot("search-v2", REX)));

    assertThat(result.isComplete()).isFalse();
    assertThat(result.outcomes().get(0).status()).isEqualTo(RecordStatus.FAILED);
  }

  static final class Failing {
    @OnInsert(snapshots = SnapshotMatch.INCLUDE)
    void fail(Pet pet) {
      throw new IllegalStateException("down");
    }
  }

  static final class SnapshotsWithoutInserts {
    @OnChange(events = EventName.MODIFY, snapshots = SnapshotMatch.INCLUDE)
    void modified(Pet pet) {}

    @OnModify
    void other(Pet pet) {}
  }

  @Test
  void snapshotsOnAHandlerWithoutInsertIsABuildProblem() {
    assertThatThrownBy(() -> StreamRouter.builder().handlers(new SnapshotsWithoutInserts()).build())
        .isInstanceOfSatisfying(
            HandlerDefinitionException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p ->
                            assertThat(p)
                                .contains("SnapshotsWithoutInserts#modified")
                                .contains("'snapshots'")));
  }

  @Test
  void malformedSnapshotsAreRejected() {
    Record withSequence =
        snapshot("b", REX).toBuilder()
            .dynamodb(snapshot("b", REX).dynamodb().toBuilder().sequenceNumber("5").build())
            .build();
    Record modify = snapshot("b", REX).toBuilder().eventName("MODIFY").build();
    Record noImage =
        snapshot("b", REX).toBuilder()
            .dynamodb(d -> d.keys(snapshot("b", REX).dynamodb().keys()))
            .build();

    assertThatThrownBy(() -> StreamRecord.of(withSequence, Pet.class))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("must not carry");
    assertThatThrownBy(() -> StreamRecord.of(modify, Pet.class))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("must be an INSERT");
    assertThatThrownBy(() -> StreamRecord.of(noImage, Pet.class))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("no NewImage");
  }

  @Test
  void anItemWithoutItsKeysCannotBecomeASnapshot() {
    assertThatThrownBy(
            () ->
                SnapshotRecords.of(
                    "b", Map.of("PK", AttributeValue.fromS("x")), List.of("PK", "SK")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'SK'");
  }
}
