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
package dev.ddbstreams.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.EventName;
import dev.ddbstreams.HandlerInfo;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.SeededCases;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The criteria generator on its own: what each kind of handler constraint becomes, what it leaves
 * out (with a note), and how it stays within Lambda's limits. The router-level property that the
 * criteria never drop an accepted record is {@code FilterCriteriaProperties}; here, for handlers
 * whose constraints are all expressible, the criteria accept exactly what the router routes.
 */
class CriteriaGeneratorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<EventName> ALL = Set.of(EventName.values());
  private static final String SPECIES_DOG =
      "{\"dynamodb\":{\"NewImage\":{\"species\":{\"S\":[\"dog\"]}}}}";

  private static HandlerInfo handler(
      String name, Set<EventName> events, List<String> pk, List<String> sk) {
    return handler(name, events, pk, sk, TtlMatch.INCLUDE, List.of(), "");
  }

  private static HandlerInfo handler(
      String name,
      Set<EventName> events,
      List<String> pk,
      List<String> sk,
      TtlMatch ttl,
      List<String> changed,
      String filter) {
    return new HandlerInfo(name, "Handlers#" + name, events, pk, sk, ttl, changed, filter);
  }

  private static CriteriaGenerator.Generated generate(
      @Nullable ViewType view, List<String> routerFilters, HandlerInfo... handlers) {
    List<FilterPattern> filters = routerFilters.stream().map(FilterPattern::parse).toList();
    return CriteriaGenerator.generate(List.of(handlers), "PK", "SK", view, filters);
  }

  private static List<JsonNode> trees(CriteriaGenerator.Generated generated) throws Exception {
    List<JsonNode> trees = new ArrayList<>();
    for (FilterPattern p : generated.patterns()) {
      trees.add(JSON.readTree(p.json()));
    }
    return trees;
  }

  private static JsonNode tree(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void everyResultSaysItUsesOnlyTheDynamodbKey() {
    CriteriaGenerator.Generated g =
        generate(null, List.of(), handler("a", ALL, List.of(), List.of()));

    assertThat(g.notes().get(0)).contains("only the 'dynamodb' key");
  }

  @Test
  void aHandlerWithoutConstraintsMeansNoFilter() {
    CriteriaGenerator.Generated g =
        generate(
            ViewType.NEW_AND_OLD_IMAGES,
            List.of(),
            handler("narrow", ALL, List.of("USER#"), List.of()),
            handler("everything", ALL, List.of(), List.of()));

    assertThat(g.patterns()).isEmpty();
    assertThat(g.notes()).anyMatch(n -> n.contains("every record is delivered"));
  }

  @Test
  void keyPrefixesBecomeOnePrefixRuleListPerKey() throws Exception {
    CriteriaGenerator.Generated g =
        generate(null, List.of(), handler("pets", ALL, List.of("USER#", "ORG#"), List.of("PET#")));

    assertThat(trees(g))
        .containsExactly(
            tree(
                "{'dynamodb':{'Keys':{'PK':{'S':[{'prefix':'USER#'},{'prefix':'ORG#'}]},"
                    + "'SK':{'S':[{'prefix':'PET#'}]}}}}"));
  }

  @Test
  void aPrefixThatCouldStartANumberKeyIsLeftOutWithANote() throws Exception {
    CriteriaGenerator.Generated g =
        generate(null, List.of(), handler("numbers", ALL, List.of("12"), List.of("PET#")));

    assertThat(trees(g))
        .containsExactly(tree("{'dynamodb':{'Keys':{'SK':{'S':[{'prefix':'PET#'}]}}}}"));
    assertThat(g.notes())
        .contains(
            "Handlers#numbers: key prefix '12' could also match a number key (N), which"
                + " one pattern cannot cover with S; left out.");
  }

  @Test
  void sortKeyPrefixesOnATableWithoutSortKeyAcceptNothing() throws Exception {
    List<HandlerInfo> handlers =
        List.of(
            handler("impossible", ALL, List.of(), List.of("PET#")),
            handler("users", ALL, List.of("USER#"), List.of()));

    CriteriaGenerator.Generated g =
        CriteriaGenerator.generate(handlers, "PK", null, null, List.of());

    assertThat(trees(g))
        .containsExactly(tree("{'dynamodb':{'Keys':{'PK':{'S':[{'prefix':'USER#'}]}}}}"));
  }

  @Test
  void insertsAloneAreRecordsWithoutAnOldImageKey() throws Exception {
    CriteriaGenerator.Generated g =
        generate(
            ViewType.NEW_AND_OLD_IMAGES,
            List.of(),
            handler("inserts", Set.of(EventName.INSERT), List.of(), List.of()));

    assertThat(trees(g))
        .containsExactly(
            tree(
                "{'dynamodb':{'OldImage':{'PK':{'S':[{'exists':false}],'N':[{'exists':false}],"
                    + "'B':[{'exists':false}]}}}}"));
    assertThat(g.notes()).contains("Handlers#inserts: [INSERT] expressed as 'no OldImage'.");
  }

  @Test
  void aFilterOnTheAbsentImagesKeyKeepsItsRuleAndTheNoteSaysTheEventKindIsOnlyPartlyExpressed()
      throws Exception {
    String filter = "{\"dynamodb\":{\"OldImage\":{\"PK\":{\"S\":[{\"exists\":false}]}}}}";
    CriteriaGenerator.Generated g =
        generate(
            ViewType.NEW_AND_OLD_IMAGES,
            List.of(),
            handler(
                "inserts",
                Set.of(EventName.INSERT),
                List.of(),
                List.of(),
                TtlMatch.INCLUDE,
                List.of(),
                filter));

    assertThat(trees(g))
        .containsExactly(
            tree(
                "{'dynamodb':{'OldImage':{'PK':{'S':[{'exists':false}],'N':[{'exists':false}],"
                    + "'B':[{'exists':false}]}}}}"));
    assertThat(g.notes())
        .contains(
            "Handlers#inserts: [INSERT] only partly expressed as 'no OldImage': the handler's"
                + " filter constrains that key already.")
        .doesNotContain("Handlers#inserts: [INSERT] expressed as 'no OldImage'.");
  }

  @Test
  void removesAloneAreRecordsWithoutANewImageKeyAndTheNoteWarnsWhenTheViewIsUnknown()
      throws Exception {
    CriteriaGenerator.Generated g =
        generate(
            null, List.of(), handler("removes", Set.of(EventName.REMOVE), List.of(), List.of()));

    assertThat(trees(g).get(0).at("/dynamodb/NewImage/PK/S/0/exists").asBoolean(true)).isFalse();
    assertThat(g.notes())
        .contains(
            "Handlers#removes: [REMOVE] expressed as 'no NewImage' (narrows only if the stream"
                + " carries that image).");
  }

  @Test
  void eventKindsAStreamCannotTellApartAreLeftOut() {
    CriteriaGenerator.Generated keysOnly =
        generate(
            ViewType.KEYS_ONLY,
            List.of(),
            handler("inserts", Set.of(EventName.INSERT), List.of(), List.of()));
    CriteriaGenerator.Generated mixed =
        generate(
            ViewType.NEW_AND_OLD_IMAGES,
            List.of(),
            handler("writes", Set.of(EventName.INSERT, EventName.MODIFY), List.of(), List.of()));

    assertThat(keysOnly.patterns()).isEmpty();
    assertThat(keysOnly.notes())
        .contains(
            "Handlers#inserts: [INSERT] cannot be told apart on a KEYS_ONLY stream; left out.");
    assertThat(mixed.patterns()).isEmpty();
    assertThat(mixed.notes())
        .anyMatch(
            n ->
                n.startsWith("Handlers#writes: event kinds")
                    && n.endsWith("cannot be told apart on the 'dynamodb' key alone; left out."));
  }

  @Test
  void changedPathsAndTtlMatchingAreLeftOutWithNotes() throws Exception {
    CriteriaGenerator.Generated g =
        generate(
            ViewType.NEW_AND_OLD_IMAGES,
            List.of(),
            handler("h", ALL, List.of("USER#"), List.of(), TtlMatch.ONLY, List.of("species"), ""));

    assertThat(trees(g))
        .containsExactly(tree("{'dynamodb':{'Keys':{'PK':{'S':[{'prefix':'USER#'}]}}}}"));
    assertThat(g.notes())
        .contains(
            "Handlers#h: TTL matching (userIdentity) is outside the 'dynamodb' key; left out.",
            "Handlers#h: 'changed' compares two images, which no pattern can; left out.");
  }

  @Test
  void aHandlersFilterKeepsItsDynamodbLeavesAndDropsTheRest() throws Exception {
    String filter =
        "{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"species\":{\"S\":[\"dog\"]}}}}";
    CriteriaGenerator.Generated g =
        generate(
            null,
            List.of(),
            handler("dogs", ALL, List.of("USER#"), List.of(), TtlMatch.INCLUDE, List.of(), filter));

    assertThat(trees(g))
        .containsExactly(
            tree(
                "{'dynamodb':{'NewImage':{'species':{'S':['dog']}},"
                    + "'Keys':{'PK':{'S':[{'prefix':'USER#'}]}}}}"));
    assertThat(g.notes())
        .contains("Handlers#dogs's filter: 'eventName' is outside the 'dynamodb' key; left out.");
  }

  @Test
  void aHandlersFilterOnAKeyWinsOverItsKeyPrefixOnTheSameKey() throws Exception {
    String filter = "{\"dynamodb\":{\"Keys\":{\"SK\":{\"S\":[\"PET#1\",\"PET#2\"]}}}}";
    CriteriaGenerator.Generated g =
        generate(
            null,
            List.of(),
            handler("pets", ALL, List.of(), List.of("PET#"), TtlMatch.INCLUDE, List.of(), filter));

    assertThat(trees(g))
        .containsExactly(tree("{'dynamodb':{'Keys':{'SK':{'S':['PET#1','PET#2']}}}}"));
    assertThat(g.notes())
        .contains(
            "Handlers#pets: key prefixes on SK left out: the handler's filter constrains that key,"
                + " and one pattern holds one list of rules per attribute.");
  }

  @Test
  void aFilterLeafThatOverlapsAnotherConstraintIsLeftOut() {
    // dynamodb.NewImage.species and dynamodb.NewImage.species.S cannot both be leaves.
    String a = "{\"dynamodb\":{\"NewImage\":{\"species\":[{\"exists\":true}]}}}";
    CriteriaGenerator.Generated g =
        generate(
            null,
            List.of(SPECIES_DOG),
            handler("h", ALL, List.of(), List.of(), TtlMatch.INCLUDE, List.of(), a));

    assertThat(g.notes())
        .contains(
            "router filter: 'dynamodb.NewImage.species.S' overlaps another constraint; left out.");
    assertThat(g.patterns()).hasSize(1);
  }

  @Test
  void routerFiltersAreAndedIntoEveryHandlersPatternOnePerFilter() throws Exception {
    String users = "{\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"USER#\"}]}}}}";
    CriteriaGenerator.Generated g =
        generate(
            null, List.of(users, SPECIES_DOG), handler("pets", ALL, List.of(), List.of("PET#")));

    assertThat(trees(g))
        .containsExactly(
            tree(
                "{'dynamodb':{'Keys':{'SK':{'S':[{'prefix':'PET#'}]},'PK':{'S':[{'prefix':'USER#'}]}}}}"),
            tree(
                "{'dynamodb':{'Keys':{'SK':{'S':[{'prefix':'PET#'}]}},'NewImage':{'species':{'S':['dog']}}}}"));
  }

  @Test
  void handlersWithTheSameConstraintsShareOnePattern() {
    CriteriaGenerator.Generated g =
        generate(
            null,
            List.of(),
            handler("a", ALL, List.of("USER#"), List.of()),
            handler("b", ALL, List.of("USER#"), List.of()));

    assertThat(g.patterns()).hasSize(1);
  }

  @Test
  void moreThanFivePatternsAreMergedByUnitingTheirRuleLists() throws Exception {
    List<HandlerInfo> handlers = new ArrayList<>();
    for (String p : List.of("A#", "B#", "C#", "D#", "E#", "F#")) {
      handlers.add(handler(p, ALL, List.of(p), List.of()));
    }

    CriteriaGenerator.Generated g =
        CriteriaGenerator.generate(handlers, "PK", "SK", null, List.of());

    assertThat(g.patterns()).hasSize(CriteriaGenerator.MAX_FILTERS);
    List<String> prefixes = new ArrayList<>();
    for (JsonNode t : trees(g)) {
      t.at("/dynamodb/Keys/PK/S").forEach(rule -> prefixes.add(rule.get("prefix").asText()));
    }
    assertThat(prefixes).containsExactlyInAnyOrder("A#", "B#", "C#", "D#", "E#", "F#");
    assertThat(g.notes())
        .contains(
            "6 patterns merged into at most 5 (Lambda's default limit); merged patterns keep only their common constraints.");
  }

  @Test
  void aMergeWithNothingInCommonMeansNoFilter() {
    CriteriaGenerator.Generated g =
        generate(
            ViewType.NEW_AND_OLD_IMAGES,
            List.of(),
            handler("pk", ALL, List.of("USER#"), List.of()),
            handler("sk", ALL, List.of(), List.of("PET#")),
            handler("inserts", Set.of(EventName.INSERT), List.of(), List.of()),
            handler("removes", Set.of(EventName.REMOVE), List.of(), List.of()),
            handler("dogs", ALL, List.of(), List.of(), TtlMatch.INCLUDE, List.of(), SPECIES_DOG),
            handler(
                "large",
                ALL,
                List.of(),
                List.of(),
                TtlMatch.INCLUDE,
                List.of(),
                "{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",100]}]}}"));

    assertThat(g.patterns()).isEmpty();
    assertThat(g.notes())
        .contains("Merging left no common constraint: no filter; every record is delivered.");
  }

  @Test
  void aPatternOverLambdasSizeLimitIsKeptAndNoted() {
    List<String> prefixes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      prefixes.add("CUSTOMER#" + i + "#");
    }

    CriteriaGenerator.Generated g =
        generate(null, List.of(), handler("many", ALL, prefixes, List.of()));

    assertThat(g.patterns()).hasSize(1);
    assertThat(g.patterns().get(0).json().length()).isGreaterThan(4096);
    assertThat(g.notes()).anyMatch(n -> n.startsWith("A pattern is longer than 4096 characters"));
  }

  // Handlers whose every constraint a pattern can express on a NEW_AND_OLD_IMAGES stream.
  static final class UserPets {
    @OnChange(pk = "USER#", sk = "PET#")
    void h() {}
  }

  static final class OrgInserts {
    @OnInsert(pk = "ORG#")
    void h() {}
  }

  static final class AnyRemove {
    @OnRemove
    void h() {}
  }

  static final class DogInserts {
    @OnInsert(filter = SPECIES_DOG)
    void h() {}
  }

  static final class ProfileRemoves {
    @OnRemove(sk = {"PROFILE", "A#"})
    void h() {}
  }

  static final class LargeChanges {
    @OnChange(pk = "ORG#", filter = "{\"dynamodb\":{\"SizeBytes\":[{\"numeric\":[\">\",100]}]}}")
    void h() {}
  }

  private static final List<Supplier<Object>> EXPRESSIBLE =
      List.of(
          UserPets::new,
          OrgInserts::new,
          AnyRemove::new,
          DogInserts::new,
          ProfileRemoves::new,
          LargeChanges::new);

  record Case(
      List<Integer> handlers, String event, String pk, String sk, String species, long size) {}

  @Test
  void forExpressibleHandlersTheCriteriaAcceptExactlyWhatTheRouterRoutes() {
    int checked =
        SeededCases.check(
            400,
            gen ->
                new Case(
                    gen.uniqueList(1, 4, () -> gen.between(0, EXPRESSIBLE.size() - 1)),
                    gen.oneOf("INSERT", "MODIFY", "REMOVE"),
                    gen.oneOf("USER#1", "ORG#7", "TEAM#2", "USER"),
                    gen.oneOf("PET#1", "PROFILE", "A#9", "B#1", "PE"),
                    gen.oneOf("dog", "cat"),
                    gen.between(10L, 200L)),
            Case::toString,
            c -> {
              StreamRouter.Builder builder =
                  StreamRouter.builder().viewType(ViewType.NEW_AND_OLD_IMAGES);
              for (int i : c.handlers()) {
                builder.handlers(EXPRESSIBLE.get(i).get());
              }
              try (StreamRouter router = builder.build()) {
                FilterCriteria criteria = router.filterCriteria();
                assertThat(criteria.notes())
                    .as("every constraint is expressible, so nothing may be left out")
                    .noneMatch(n -> n.contains("left out") || n.contains("merged"));
                Record record = record(c);
                BatchResult result = router.process(List.of(record));
                RecordOutcome outcome = result.outcomes().get(0);
                boolean routed = !outcome.handled().isEmpty();
                assertThat(criteria.matches(record))
                    .as("criteria %s on %s, routed to %s", criteria.json(), c, outcome.handled())
                    .isEqualTo(routed);
              }
            });
    assertThat(checked).isEqualTo(400);
  }

  private static Record record(Case c) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS(c.pk()), "SK", AttributeValue.fromS(c.sk()));
    Map<String, AttributeValue> image = new HashMap<>(keys);
    image.put("species", AttributeValue.fromS(c.species()));
    StreamRecord.Builder body =
        StreamRecord.builder()
            .keys(keys)
            .sequenceNumber("100")
            .sizeBytes(c.size())
            .streamViewType("NEW_AND_OLD_IMAGES");
    if (!c.event().equals("INSERT")) {
      body.oldImage(image);
    }
    if (!c.event().equals("REMOVE")) {
      body.newImage(image);
    }
    return Record.builder()
        .eventID("e1")
        .eventName(c.event())
        .eventSource("aws:dynamodb")
        .awsRegion("us-east-1")
        .dynamodb(body.build())
        .build();
  }
}
