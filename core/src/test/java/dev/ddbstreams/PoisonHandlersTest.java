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
import dev.ddbstreams.diff.ImageDiff;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A handler that could never run is a {@code build()} problem, not a record that fails forever and
 * holds its shard: a parameter type no image mapper can map to, or a {@code changed} path naming no
 * property of the handler's record or bean type.
 */
class PoisonHandlersTest {

  record Order(String id, String status, Address address) {}

  record Address(String city) {}

  private static List<String> problemsOf(Object handlers) {
    try {
      StreamRouter.builder().handlers(handlers).build();
    } catch (HandlerDefinitionException e) {
      return e.problems();
    }
    return List.of();
  }

  static final class UnmappableParameters {
    @OnInsert
    void text(String image) {}

    @OnInsert
    void orders(List<Order> orders) {}

    @OnInsert
    void sdk(Record raw) {}

    @OnInsert
    void boxed(Integer count) {}

    @OnInsert
    void maybe(Optional<Order> order) {}

    @OnInsert
    void texts(StreamRecord<String> change) {}
  }

  @Test
  void aParameterTypeNoImageMapperCanMapToIsABuildProblem() {
    assertThat(problemsOf(new UnmappableParameters()))
        .hasSize(6)
        .anySatisfy(p -> assertThat(p).contains("UnmappableParameters#text", "String"))
        .anySatisfy(p -> assertThat(p).contains("UnmappableParameters#orders", "List"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("UnmappableParameters#sdk", "Record")
                    .contains("StreamRecord<T>"))
        .anySatisfy(p -> assertThat(p).contains("UnmappableParameters#boxed", "Integer"))
        .anySatisfy(p -> assertThat(p).contains("UnmappableParameters#maybe", "Optional"))
        .anySatisfy(p -> assertThat(p).contains("UnmappableParameters#texts", "String"));
  }

  @Test
  void noImageMapperIsMadeForATypeAnImageCannotBecome() {
    assertThatThrownBy(() -> ImageMapper.of(String.class))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("java.lang.String");
    assertThat(ImageMapper.of(Order.class)).isNotNull();
    assertThat(ImageMapper.of(Object.class)).isNotNull();
    assertThat(ImageMapper.of(TreeMap.class)).isNotNull();
  }

  static final class Typo {
    @OnModify(changed = "statuss")
    void onRecord(StreamRecord<Order> change) {}

    @OnModify(changed = {"status", "adress.city"})
    void onImage(Order order) {}

    @OnModify(changed = "weight")
    void onBean(ImageMapperTest.BeanPet pet) {}
  }

  @Test
  void aChangedPathNamingNoPropertyOfARecordOrBeanIsABuildProblem() {
    assertThat(problemsOf(new Typo()))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).contains("Typo#onRecord", "'statuss'", "Order", "status"))
        .anySatisfy(p -> assertThat(p).contains("Typo#onImage", "'adress.city'", "address"));
  }

  static final class FreeForm {
    @OnModify(changed = {"status", "address.city", "address.anything", "`status`"})
    void nested(StreamRecord<Order> change) {}

    @OnModify(changed = "anything")
    void untyped(StreamRecord<Map<String, Object>> change) {}

    @OnModify(changed = "anything")
    void document(EnhancedDocument doc) {}

    @OnModify(changed = "anything")
    void diffOnly(ImageDiff diff) {}

    @OnModify(changed = "anything")
    void nothing() {}

    @OnModify(changed = "id")
    void bean(ImageMapperTest.BeanPet pet) {}
  }

  @Test
  void mapsDocumentsAndHandlersWithoutAnImageTypeStayFreeForm() {
    assertThat(problemsOf(new FreeForm())).isEmpty();
  }

  @Test
  void aHandlerWithoutParametersRunsForEveryRecordItMatches() {
    AtomicInteger calls = new AtomicInteger();
    StreamRouter router =
        StreamRouter.builder()
            .handlers(
                new Object() {
                  @OnChange
                  void touched() {
                    calls.incrementAndGet();
                  }
                })
            .build();

    BatchResult result =
        router.process(
            List.of(
                TestRecords.insert(
                    "1",
                    Map.of("PK", AttributeValue.fromS("a"), "SK", AttributeValue.fromS("b")))));

    assertThat(result.count(RecordStatus.HANDLED)).isEqualTo(1);
    assertThat(calls).hasValue(1);
  }
}
