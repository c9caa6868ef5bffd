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
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.filter.FilterCriteriaPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FilterRoutingTest {
  static Map<String, AttributeValue> pet(String id, String species) {
    return Map.of(
        "PK", AttributeValue.fromS("USER#1"),
        "SK", AttributeValue.fromS("PET#" + id),
        "species", AttributeValue.fromS(species));
  }

  static final class DogHandlers {
    final List<String> calls = new ArrayList<>();

    @OnInsert(
        sk = "PET#",
        filter = "{\"dynamodb\": {\"NewImage\": {\"species\": {\"S\": [\"dog\"]}}}}")
    void dogs(StreamRecord<Map<String, Object>> change) {
      calls.add("dog " + change.eventId());
    }

    @OnChange
    void all(StreamRecord<Map<String, Object>> change) {
      calls.add("all " + change.eventId());
    }
  }

  @Test
  void aHandlerRunsOnlyWhenItsFilterMatches() {
    DogHandlers h = new DogHandlers();
    StreamRouter router = StreamRouter.builder().handlers(h).build();
    router.process(
        List.of(
            TestRecords.insert("1", pet("1", "dog")), TestRecords.insert("2", pet("2", "cat"))));
    assertThat(h.calls).containsExactly("dog event-1", "all event-1", "all event-2");
    assertThat(router.handlers().get(0).filter()).contains("species");
    assertThat(router.handlers().get(1).filter()).isEmpty();
  }

  @Test
  void recordsMatchingNoRouterFilterAreFilteredAndNotRetried() {
    DogHandlers h = new DogHandlers();
    StreamRouter router =
        StreamRouter.builder()
            .handlers(h)
            .filter(
                "{\"dynamodb\": {\"NewImage\": {\"species\": {\"S\": [\"dog\"]}}}}",
                "{\"eventName\": [\"REMOVE\"]}")
            .build();
    BatchResult result =
        router.process(
            List.of(
                TestRecords.insert("1", pet("1", "cat")),
                TestRecords.insert("2", pet("2", "dog")),
                TestRecords.remove("3", pet("3", "cat"))));
    assertThat(result.outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(RecordStatus.FILTERED, RecordStatus.HANDLED, RecordStatus.HANDLED);
    assertThat(result.firstFailedSequenceNumber()).isEmpty();
    assertThat(RecordStatus.FILTERED.needsRetry()).isFalse();
    assertThat(h.calls).containsExactly("dog event-2", "all event-2", "all event-3");
  }

  static final class BadFilters {
    @OnInsert(filter = "{\"dynamodb\": {\"Keys\": {\"SK\": {\"S\": [{\"wildcard\": \"PET#*\"}]}}}}")
    void wildcard() {}

    @OnRemove(
        filter = "{\"dynamodb\": {\"OldImage\": {\"age\": {\"N\": [{\"numeric\": [\">\", 3]}]}}}}")
    void numericOnN() {}
  }

  @Test
  void invalidOrNeverMatchingFiltersAreBuildProblemsNamingTheHandler() {
    assertThatThrownBy(
            () ->
                StreamRouter.builder()
                    .handlers(new BadFilters())
                    .filter("{\"$or\": [{\"eventName\": [\"INSERT\"]}]}")
                    .build())
        .isInstanceOfSatisfying(
            HandlerDefinitionException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(3)
                    .anySatisfy(p -> assertThat(p).startsWith("router filter 1").contains("$or"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains(BadFilters.class.getName() + "#wildcard")
                                .contains("wildcard"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains(BadFilters.class.getName() + "#numericOnN")
                                .contains("dynamodb.OldImage.age.N")));
  }

  /** A router supplier for the printer. */
  public static final class PetRouter implements Supplier<StreamRouter> {
    @Override
    public StreamRouter get() {
      return StreamRouter.builder()
          .viewType(ViewType.NEW_AND_OLD_IMAGES)
          .handlers(new PrinterHandlers())
          .build();
    }
  }

  static final class PrinterHandlers {
    @OnInsert(sk = "PET#")
    void welcome() {}
  }

  @Test
  void thePrinterWritesTheCriteriaJsonAndTheNotesApart() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    FilterCriteriaPrinter.print(
        PetRouter.class.getName(),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo(
            "{\"Filters\":[{\"Pattern\":\"{\\\"dynamodb\\\":{\\\"Keys\\\":{\\\"SK\\\":{\\\"S\\\":[{\\\"prefix\\\":\\\"PET#\\\"}]}},"
                + "\\\"OldImage\\\":{\\\"PK\\\":{\\\"S\\\":[{\\\"exists\\\":false}],\\\"N\\\":[{\\\"exists\\\":false}],"
                + "\\\"B\\\":[{\\\"exists\\\":false}]}}}}\"}]}");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("note: ").contains("no OldImage");
  }
}
