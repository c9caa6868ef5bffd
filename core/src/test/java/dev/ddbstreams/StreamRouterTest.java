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
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.diff.ImageDiff;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamRouterTest {
  record Pet(String name, BigDecimal weightKg) {}

  static Map<String, AttributeValue> pet(String user, String id, String name, String weight) {
    return Map.of(
        "PK", AttributeValue.fromS("USER#" + user),
        "SK", AttributeValue.fromS("PET#" + id),
        "name", AttributeValue.fromS(name),
        "weightKg", AttributeValue.fromN(weight));
  }

  static Map<String, AttributeValue> user(String user) {
    return Map.of(
        "PK", AttributeValue.fromS("USER#" + user),
        "SK", AttributeValue.fromS("PROFILE"),
        "name", AttributeValue.fromS("someone"),
        "weightKg", AttributeValue.fromN("0"));
  }

  static final class PetHandlers {
    final List<String> calls = new ArrayList<>();

    @OnInsert(sk = "PET#")
    void welcome(Pet pet) {
      calls.add("welcome " + pet.name());
    }

    @OnModify(sk = "PET#", changed = "weightKg")
    void weight(StreamRecord<Pet> change, ImageDiff diff) {
      calls.add(
          "weight "
              + change.newImage().orElseThrow().name()
              + " "
              + diff.numberDelta("weightKg").orElseThrow());
    }

    @OnRemove(sk = "PET#", ttl = TtlMatch.EXCLUDE)
    void deleted(Pet pet) {
      calls.add("deleted " + pet.name());
    }

    @OnRemove(sk = "PET#", ttl = TtlMatch.ONLY)
    void expired(Pet pet, StreamContext context) {
      calls.add("expired " + pet.name() + " attempt " + context.attempt());
    }

    @OnChange(pk = {"USER#a", "USER#b"})
    void audit(StreamRecord<Pet> change) {
      calls.add("audit " + change.eventName());
    }
  }

  @Test
  void routesEachRecordToEveryMatchingHandlerInDeclarationOrder() {
    PetHandlers handlers = new PetHandlers();
    StreamRouter router = StreamRouter.builder().keys("PK", "SK").handlers(handlers).build();

    BatchResult result =
        router.process(
            List.of(
                TestRecords.insert("1", pet("a", "1", "Rex", "10")),
                TestRecords.modify("2", pet("a", "1", "Rex", "10"), pet("a", "1", "Rex", "12.5")),
                TestRecords.modify("3", pet("c", "2", "Tom", "3"), pet("c", "2", "Tommy", "3")),
                TestRecords.remove("4", pet("c", "2", "Tom", "3")),
                TestRecords.ttlRemove("5", pet("c", "3", "Old", "3")),
                TestRecords.insert("6", user("z"))));

    assertThat(handlers.calls)
        .containsExactly(
            "welcome Rex",
            "audit INSERT",
            "weight Rex 2.5",
            "audit MODIFY",
            "deleted Tom",
            "expired Old attempt 1");
    assertThat(result.isComplete()).isTrue();
    assertThat(result.outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(
            RecordStatus.HANDLED,
            RecordStatus.HANDLED,
            RecordStatus.NO_MATCH,
            RecordStatus.HANDLED,
            RecordStatus.HANDLED,
            RecordStatus.NO_MATCH);
    assertThat(result.outcomes().get(0).handled())
        .containsExactly(
            PetHandlers.class.getName() + "#welcome", PetHandlers.class.getName() + "#audit");
  }

  @Test
  void handlerOrderFollowsRegistrationThenDeclaration() {
    List<String> calls = new ArrayList<>();
    class Second {
      @OnInsert
      void zeta() {
        calls.add("second.zeta");
      }

      @OnInsert
      void alpha() {
        calls.add("second.alpha");
      }
    }
    class First {
      @OnInsert
      void only() {
        calls.add("first.only");
      }
    }
    StreamRouter router = StreamRouter.builder().handlers(new First(), new Second()).build();

    router.process(List.of(TestRecords.insert("1", pet("a", "1", "Rex", "1"))));

    assertThat(calls).containsExactly("first.only", "second.zeta", "second.alpha");
    assertThat(router.handlers()).extracting(HandlerInfo::method).allMatch(m -> m.contains("#"));
  }

  static final class Broken {
    @OnInsert
    int returnsSomething(Pet pet) {
      return 1;
    }

    @OnInsert
    void twoImages(Pet a, Pet b) {}

    @OnChange(
        events = {EventName.INSERT},
        changed = "weightKg")
    void changedWithoutModify(Pet pet) {}

    @OnChange(events = EventName.INSERT, ttl = TtlMatch.ONLY)
    void ttlWithoutRemove(Pet pet) {}

    @OnInsert(sk = "")
    void emptyPrefix(Pet pet) {}

    @OnInsert
    @OnRemove
    void twoAnnotations(Pet pet) {}

    @SuppressWarnings("rawtypes")
    @OnInsert
    void rawRecord(StreamRecord change) {}

    @OnInsert
    void wildcard(StreamRecord<?> change) {}

    @OnInsert
    void primitive(int x) {}

    @OnModify(changed = "a..b")
    void badPath(Pet pet) {}
  }

  @Test
  void buildReportsEveryProblemAtOnceWithClassAndMethod() {
    assertThatThrownBy(() -> StreamRouter.builder().handlers(new Broken(), new Object()).build())
        .isInstanceOf(HandlerDefinitionException.class)
        .satisfies(
            e -> {
              List<String> problems = ((HandlerDefinitionException) e).problems();
              String b = Broken.class.getName();
              assertThat(problems)
                  .anyMatch(p -> p.startsWith(b + "#returnsSomething: must return void"))
                  .anyMatch(p -> p.startsWith(b + "#twoImages: has more than one record or image"))
                  .anyMatch(p -> p.startsWith(b + "#changedWithoutModify: uses 'changed'"))
                  .anyMatch(p -> p.startsWith(b + "#ttlWithoutRemove: uses 'ttl'"))
                  .anyMatch(p -> p.startsWith(b + "#emptyPrefix: has an empty sk prefix"))
                  .anyMatch(
                      p ->
                          p.startsWith(b + "#twoAnnotations: has more than one handler annotation"))
                  .anyMatch(p -> p.startsWith(b + "#rawRecord: cannot resolve T"))
                  .anyMatch(p -> p.startsWith(b + "#wildcard: cannot resolve T"))
                  .anyMatch(p -> p.startsWith(b + "#primitive: parameter 1 of type int"))
                  .anyMatch(p -> p.startsWith(b + "#badPath: has an invalid 'changed' path"))
                  .anyMatch(p -> p.startsWith("java.lang.Object: has no handler methods"))
                  .hasSize(11);
            });
  }

  static final class NeedsOldImage {
    @OnRemove
    void removed(Pet pet) {}

    @OnModify(changed = "weightKg")
    void moved(StreamRecord<Pet> change) {}

    @OnInsert
    void keysOnlyIsFine(StreamRecord<Pet> change) {}
  }

  @Test
  void buildRejectsHandlersThatNeedImagesTheViewTypeLacks() {
    assertThatThrownBy(
            () ->
                StreamRouter.builder()
                    .viewType(ViewType.NEW_IMAGE)
                    .handlers(new NeedsOldImage())
                    .build())
        .isInstanceOf(HandlerDefinitionException.class)
        .satisfies(
            e ->
                assertThat(((HandlerDefinitionException) e).problems())
                    .containsExactlyInAnyOrder(
                        NeedsOldImage.class.getName()
                            + "#removed: needs the OldImage of REMOVE records, which streams of"
                            + " view type NEW_IMAGE do not carry",
                        NeedsOldImage.class.getName()
                            + "#moved: needs the OldImage of MODIFY records, which streams of view"
                            + " type NEW_IMAGE do not carry"));
    assertThat(
            StreamRouter.builder()
                .viewType(ViewType.NEW_AND_OLD_IMAGES)
                .handlers(new NeedsOldImage())
                .build()
                .handlers())
        .hasSize(3);
  }

  @Test
  void missingImageAtRuntimeFailsTheRecordNamingHandlerAndViewType() {
    StreamRouter router = StreamRouter.builder().handlers(new NeedsOldImage()).build();
    Record keysOnly =
        TestRecords.record(
                "REMOVE", "5", "KEYS_ONLY", TestRecords.keys("USER#a", "PET#1"), null, null)
            .build();

    BatchResult result = router.process(List.of(keysOnly));

    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("5"));
    assertThat(result.outcomes().get(0).failure())
        .isInstanceOf(MissingImageException.class)
        .hasMessageContaining(NeedsOldImage.class.getName() + "#removed needs the OldImage")
        .hasMessageContaining("KEYS_ONLY");
  }

  static final class Sk {
    final List<String> calls = new ArrayList<>();

    @OnInsert(sk = "PET#")
    void pets() {
      calls.add("pet");
    }
  }

  @Test
  void missingKeyAttributeIsATypedFailureNotASilentMismatch() {
    Sk handlers = new Sk();
    StreamRouter router = StreamRouter.builder().keys("PK", "SK").handlers(handlers).build();
    Record noSortKey =
        TestRecords.record(
                "INSERT",
                "8",
                "KEYS_ONLY",
                Map.of("PK", AttributeValue.fromS("USER#1")),
                null,
                null)
            .build();

    BatchResult result = router.process(List.of(noSortKey));

    assertThat(result.outcomes().get(0).status()).isEqualTo(RecordStatus.FAILED);
    assertThat(result.outcomes().get(0).failure())
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("no key attribute 'SK'")
        .hasMessageContaining("sequenceNumber=8");
  }

  @Test
  void tableWithoutSortKeyNeverMatchesSortKeyPrefixes() {
    Sk handlers = new Sk();
    StreamRouter router = StreamRouter.builder().keys("id").handlers(handlers).build();
    Record r =
        TestRecords.record(
                "INSERT", "8", "KEYS_ONLY", Map.of("id", AttributeValue.fromS("1")), null, null)
            .build();

    assertThat(router.process(List.of(r)).outcomes().get(0).status())
        .isEqualTo(RecordStatus.NO_MATCH);
    assertThat(router.sortKey()).isEmpty();
  }

  @Test
  void malformedRecordFailsWithoutStoppingTheBuildOfTheResult() {
    StreamRouter router = StreamRouter.builder().handlers(new Sk()).build();
    Record bad =
        TestRecords.record("EXPIRE", "3", "KEYS_ONLY", TestRecords.keys("U", "PET#1"), null, null)
            .build();

    BatchResult result = router.process(List.of(bad));

    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("3"));
    assertThat(result.outcomes().get(0).failure()).isInstanceOf(MalformedRecordException.class);
  }

  @Test
  void builderSettingsAreValidatedTogetherWithHandlers() {
    assertThatThrownBy(
            () -> StreamRouter.builder().parallelism(0).idempotencyLease(Duration.ZERO).build())
        .isInstanceOf(HandlerDefinitionException.class)
        .satisfies(
            e ->
                assertThat(((HandlerDefinitionException) e).problems())
                    .anyMatch(p -> p.contains("parallelism"))
                    .anyMatch(p -> p.contains("idempotencyLease"))
                    .anyMatch(p -> p.contains("no handler objects")));
  }
}
