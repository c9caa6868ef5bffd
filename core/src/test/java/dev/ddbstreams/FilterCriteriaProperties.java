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

import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.filter.FilterCriteria;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The generated criteria never drop a record that some handler of the router accepts. Seeded: see
 * {@link SeededCases}.
 */
class FilterCriteriaProperties {
  static final String DOG = "{\"dynamodb\":{\"NewImage\":{\"species\":{\"S\":[\"dog\"]}}}}";

  static final class InsertPets {
    @OnInsert(sk = "PET#")
    void h() {}
  }

  static final class ModifyPetSpecies {
    @OnModify(sk = "PET#", changed = "species")
    void h() {}
  }

  static final class TtlUsers {
    @OnRemove(pk = "USER#", ttl = TtlMatch.ONLY)
    void h() {}
  }

  static final class UserDeletes {
    @OnRemove(ttl = TtlMatch.EXCLUDE)
    void h() {}
  }

  static final class OrgWrites {
    @OnChange(
        pk = "ORG#",
        events = {EventName.INSERT, EventName.MODIFY})
    void h() {}
  }

  static final class InsertDogs {
    @OnInsert(filter = DOG)
    void h() {}
  }

  static final class ModifyCats {
    @OnModify(
        filter =
            "{\"eventName\":[\"MODIFY\"],\"dynamodb\":{\"OldImage\":{\"species\":{\"S\":[\"cat\"]}}}}")
    void h() {}
  }

  static final class NumericKeys {
    @OnInsert(pk = "12")
    void h() {}
  }

  static final class RemoveProfiles {
    @OnRemove(
        sk = "PROFILE",
        filter = "{\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"USER#\"}]}}}}")
    void h() {}
  }

  static final class LargeRecords {
    @OnChange(filter = "{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",100]}]}}")
    void h() {}
  }

  static final class InsertA {
    @OnInsert(sk = "A#")
    void h() {}
  }

  static final class InsertPetX {
    @OnInsert(sk = {"PET#X", "A#1"})
    void h() {}
  }

  static final class RemoveNonDogPets {
    @OnRemove(
        sk = "PET#",
        filter = "{\"dynamodb\":{\"OldImage\":{\"species\":{\"S\":[{\"anything-but\":\"dog\"}]}}}}")
    void h() {}
  }

  static final class TtlNameSuffix {
    @OnChange(
        events = {EventName.REMOVE},
        ttl = TtlMatch.ONLY,
        filter = "{\"dynamodb\":{\"Keys\":{\"SK\":{\"S\":[{\"suffix\":\"#1\"}]}}}}")
    void h() {}
  }

  static final List<Supplier<Object>> HANDLERS =
      List.of(
          InsertPets::new,
          ModifyPetSpecies::new,
          TtlUsers::new,
          UserDeletes::new,
          OrgWrites::new,
          InsertDogs::new,
          ModifyCats::new,
          NumericKeys::new,
          RemoveProfiles::new,
          LargeRecords::new,
          InsertA::new,
          InsertPetX::new,
          RemoveNonDogPets::new,
          TtlNameSuffix::new);

  static final List<String> ROUTER_FILTERS =
      List.of(
          "{\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"USER#\"}]}}}}",
          "{\"eventName\":[\"INSERT\"]}",
          DOG,
          "{\"dynamodb\":{\"Keys\":{\"SK\":{\"S\":[{\"equals-ignore-case\":\"profile\"}]}}}}");

  record Setup(List<Integer> handlers, List<Integer> filters, ViewType stream, boolean declared) {}

  static Setup setup(Gen gen) {
    return new Setup(
        gen.uniqueList(1, 9, () -> gen.between(0, HANDLERS.size() - 1)),
        gen.uniqueList(0, 2, () -> gen.between(0, ROUTER_FILTERS.size() - 1)),
        gen.oneOf(
            ViewType.KEYS_ONLY,
            ViewType.NEW_IMAGE,
            ViewType.OLD_IMAGE,
            ViewType.NEW_AND_OLD_IMAGES),
        gen.bool());
  }

  static List<Spec> specs(Gen gen) {
    return gen.list(
        1,
        30,
        () ->
            new Spec(
                gen.oneOf("INSERT", "MODIFY", "REMOVE"),
                gen.oneOf("USER#1", "USER#22", "ORG#1", "12", "123", "45"),
                gen.oneOf("PET#1", "PET#X", "PROFILE", "A#1", "profile"),
                gen.oneOf("dog", "cat", ""),
                gen.oneOf("dog", "cat", ""),
                gen.between(10L, 200L),
                gen.bool()));
  }

  /** A router's setup and a batch for it. */
  record Case(Setup setup, List<Spec> specs) {}

  record Spec(
      String event,
      String pk,
      String sk,
      String oldSpecies,
      String newSpecies,
      long size,
      boolean ttl) {}

  @Test
  void everyRecordAHandlerAcceptsPassesTheGeneratedCriteria() {
    SeededCases.check(
        300,
        gen -> new Case(setup(gen), specs(gen)),
        Case::toString,
        c -> acceptedRecordsPass(c.setup(), c.specs()));
  }

  private static void acceptedRecordsPass(Setup setup, List<Spec> specs) {
    StreamRouter.Builder builder = StreamRouter.builder();
    if (setup.declared()) {
      builder.viewType(setup.stream());
    }
    for (int i : setup.handlers()) {
      builder.handlers(HANDLERS.get(i).get());
    }
    for (int i : setup.filters()) {
      builder.filter(ROUTER_FILTERS.get(i));
    }
    StreamRouter router;
    try {
      router = builder.build();
    } catch (HandlerDefinitionException e) {
      SeededCases.reject(); // e.g. 'changed' on a stream without both images
      return;
    }
    FilterCriteria criteria = router.filterCriteria();
    assertThat(criteria.patterns()).hasSizeLessThanOrEqualTo(FilterCriteria.MAX_FILTERS);
    List<Record> batch = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      batch.add(record(specs.get(i), 1000 + i, setup.stream()));
    }
    BatchResult result = router.process(batch);
    for (RecordOutcome outcome : result.outcomes()) {
      if (outcome.status() == RecordStatus.HANDLED) {
        Record accepted = batch.get(outcome.index());
        assertThat(criteria.matches(accepted))
            .as("%s accepted by %s but dropped by %s", accepted, outcome.handled(), criteria.json())
            .isTrue();
      }
    }
  }

  static Record record(Spec s, int seq, ViewType stream) {
    AttributeValue pk =
        Character.isDigit(s.pk().charAt(0))
            ? AttributeValue.fromN(s.pk())
            : AttributeValue.fromS(s.pk());
    Map<String, AttributeValue> keys = Map.of("PK", pk, "SK", AttributeValue.fromS(s.sk()));
    Map<String, AttributeValue> oldImage = image(keys, s.oldSpecies());
    Map<String, AttributeValue> newImage = image(keys, s.newSpecies());
    boolean old = !s.event().equals("INSERT") && stream.carries(ImageKind.OLD_IMAGE);
    boolean neu = !s.event().equals("REMOVE") && stream.carries(ImageKind.NEW_IMAGE);
    Record.Builder b =
        TestRecords.record(
            s.event(),
            String.valueOf(seq),
            stream.name(),
            keys,
            old ? oldImage : null,
            neu ? newImage : null);
    Record base = b.build();
    b.dynamodb(base.dynamodb().toBuilder().sizeBytes(s.size()).build());
    if (s.ttl() && s.event().equals("REMOVE")) {
      b.userIdentity(
          Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build());
    }
    return b.build();
  }

  static Map<String, AttributeValue> image(Map<String, AttributeValue> keys, String species) {
    Map<String, AttributeValue> image = new HashMap<>(keys);
    if (!species.isEmpty()) {
      image.put("species", AttributeValue.fromS(species));
    }
    return image;
  }
}
