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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FilterCriteriaTest {
  static Map<String, AttributeValue> item(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }

  static final class Pets {
    @OnInsert(sk = "PET#")
    void welcome() {}

    @OnRemove(pk = "USER#", ttl = TtlMatch.ONLY)
    void expired() {}
  }

  @Test
  void insertAndRemoveAreExpressedThroughTheDynamodbKeyOnly() {
    FilterCriteria criteria =
        StreamRouter.builder()
            .viewType(ViewType.NEW_AND_OLD_IMAGES)
            .handlers(new Pets())
            .build()
            .filterCriteria();
    assertThat(criteria.patterns())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p).doesNotContain("eventName"));
    assertThat(criteria.json()).startsWith("{\"Filters\":[{\"Pattern\":");
    assertThat(criteria.matches(TestRecords.insert("1", item("USER#1", "PET#1")))).isTrue();
    assertThat(criteria.matches(TestRecords.insert("2", item("USER#1", "PROFILE")))).isFalse();
    // A modify of a pet: OldImage present, and a remove's key is USER#: both dropped by Lambda.
    assertThat(criteria.matches(TestRecords.modify("3", item("X", "PET#1"), item("X", "PET#1"))))
        .isFalse();
    assertThat(criteria.matches(TestRecords.ttlRemove("4", item("USER#2", "PROFILE")))).isTrue();
    assertThat(criteria.notes()).anySatisfy(n -> assertThat(n).contains("TTL"));
  }

  static final class Everything {
    @OnChange
    void all() {}
  }

  @Test
  void aHandlerOfEveryRecordMeansNoFilter() {
    FilterCriteria criteria =
        StreamRouter.builder().handlers(new Everything(), new Pets()).build().filterCriteria();
    assertThat(criteria.isEmpty()).isTrue();
    assertThat(criteria.json()).isEqualTo("{}");
    assertThat(criteria.notes()).anySatisfy(n -> assertThat(n).contains("every record"));
  }

  static final class Many {
    @OnInsert(sk = "A#")
    void a() {}

    @OnInsert(sk = "B#")
    void b() {}

    @OnInsert(sk = "C#")
    void c() {}

    @OnModify(
        sk = "D#",
        filter = "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"done\"]}}}}")
    void d() {}

    @OnRemove(sk = "E#")
    void e() {}

    @OnRemove(sk = "F#")
    void f() {}

    @OnInsert(pk = "123")
    void numeric() {}
  }

  @Test
  void moreThanFivePatternsAreMergedIntoWiderOnes() {
    FilterCriteria criteria =
        StreamRouter.builder()
            .viewType(ViewType.NEW_AND_OLD_IMAGES)
            .handlers(new Many())
            .build()
            .filterCriteria();
    assertThat(criteria.patterns()).hasSizeBetween(1, FilterCriteria.MAX_FILTERS);
    assertThat(criteria.notes())
        .anySatisfy(n -> assertThat(n).contains("merged"))
        .anySatisfy(n -> assertThat(n).contains("'123'").contains("number"));
    for (String sk : List.of("A#1", "B#1", "C#1")) {
      assertThat(criteria.matches(TestRecords.insert("1", item("P", sk)))).isTrue();
    }
    assertThat(criteria.matches(TestRecords.insert("1", item("1234", "Z")))).isTrue();
  }

  @Test
  void routerFiltersNarrowTheCriteria() {
    FilterCriteria criteria =
        StreamRouter.builder()
            .handlers(new Everything())
            .filter("{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"prefix\": \"USER#\"}]}}}}")
            .build()
            .filterCriteria();
    assertThat(criteria.patterns())
        .containsExactly("{\"dynamodb\":{\"Keys\":{\"PK\":{\"S\":[{\"prefix\":\"USER#\"}]}}}}");
  }
}
