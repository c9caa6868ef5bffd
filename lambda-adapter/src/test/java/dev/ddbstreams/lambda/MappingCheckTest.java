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
package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnRemove;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;

class MappingCheckTest {
  static final class Pets {
    @OnInsert(sk = "PET#")
    void welcome(StreamRecord<Map<String, Object>> change) {}

    @OnRemove(pk = "USER#")
    void goodbye(StreamRecord<Map<String, Object>> change) {}
  }

  private final StreamRouter router = StreamRouter.builder().handlers(new Pets()).build();

  /** A mapping as docs/lambda.md recommends, with the router's generated criteria. */
  private GetEventSourceMappingResponse.Builder recommended() {
    return GetEventSourceMappingResponse.builder()
        .uuid("m-1")
        .startingPosition(EventSourcePosition.TRIM_HORIZON)
        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
        .bisectBatchOnFunctionError(true)
        .maximumRetryAttempts(10)
        .maximumRecordAgeInSeconds(21_600)
        .destinationConfig(
            d -> d.onFailure(o -> o.destination("arn:aws:sqs:eu-west-1:123456789012:failures")))
        .filterCriteria(
            f ->
                f.filters(
                    router.filterCriteria().patterns().stream()
                        .map(p -> Filter.builder().pattern(p).build())
                        .toList()));
  }

  @Test
  void aMappingAsRecommendedHasNoDifference() {
    assertThat(router.filterCriteria().patterns()).isNotEmpty();
    assertThat(MappingCheck.of(router).differences(recommended().build())).isEmpty();
  }

  @Test
  void patternsCompareAsJsonInAnyOrder() {
    List<String> patterns = new ArrayList<>(router.filterCriteria().patterns());
    Collections.reverse(patterns);
    List<Filter> reordered =
        patterns.stream()
            .map(p -> Filter.builder().pattern(p.replace(":", " : ").replace(",", ",\n")).build())
            .toList();

    assertThat(
            MappingCheck.of(router)
                .differences(recommended().filterCriteria(f -> f.filters(reordered)).build()))
        .isEmpty();
  }

  @Test
  void withoutReportBatchItemFailuresFailedRecordsAreLost() {
    assertThat(
            MappingCheck.of(router)
                .differences(recommended().functionResponseTypes(List.of()).build()))
        .singleElement()
        .asString()
        .contains("lacks ReportBatchItemFailures")
        .contains("lost");
  }

  @Test
  void missingExtraAndAbsentFilterPatternsAreNamed() {
    String generated = router.filterCriteria().patterns().get(0);
    String extra = "{\"eventName\":[\"MODIFY\"]}";

    List<String> drifted =
        MappingCheck.of(router)
            .differences(
                recommended()
                    .filterCriteria(f -> f.filters(Filter.builder().pattern(extra).build()))
                    .build());
    List<String> absent =
        MappingCheck.of(router).differences(recommended().filterCriteria((f) -> {}).build());

    assertThat(drifted)
        .anySatisfy(d -> assertThat(d).contains("does not generate: " + extra))
        .anySatisfy(
            d -> assertThat(d).contains("lacks a pattern the router generates: " + generated));
    assertThat(absent)
        .singleElement()
        .asString()
        .contains("FilterCriteria is empty")
        .contains(router.filterCriteria().json());
  }

  @Test
  void aRouterThatTakesEveryRecordWantsNoFilter() {
    StreamRouter everything = StreamRouter.builder().handlers(new RecordingHandlers()).build();
    assertThat(everything.filterCriteria().isEmpty()).isTrue();

    assertThat(MappingCheck.of(everything).differences(recommended().build()))
        .singleElement()
        .asString()
        .contains("Lambda drops records the handlers want");
  }

  @Test
  void throwingForWholeBatchRetriesWantsBisect() {
    GetEventSourceMappingResponse noBisect =
        recommended().bisectBatchOnFunctionError(false).build();

    assertThat(MappingCheck.of(router).differences(noBisect)).isEmpty();
    assertThat(
            MappingCheck.of(router)
                .wholeBatchFailure(WholeBatchFailure.THROW)
                .differences(noBisect))
        .singleElement()
        .asString()
        .contains("BisectBatchOnFunctionError is off");
  }

  @Test
  void unboundedRetriesAndAgeAndAMissingDestinationAreNamed() {
    assertThat(
            MappingCheck.of(router)
                .differences(
                    recommended().maximumRetryAttempts(-1).maximumRecordAgeInSeconds(-1).build()))
        .singleElement()
        .asString()
        .contains("unlimited (-1)")
        .contains("24 hours");
    assertThat(
            MappingCheck.of(router).differences(recommended().destinationConfig((d) -> {}).build()))
        .singleElement()
        .asString()
        .contains("no on-failure destination");
  }

  @Test
  void aRecordAgeShorterThanTheRoutersRetriesIsNamed() {
    StreamRouter patient =
        StreamRouter.builder()
            .handlers(new Pets())
            .retry(
                RetryPolicy.attempts(4).backoff(Duration.ofSeconds(30), 2.0, Duration.ofMinutes(5)))
            .build();
    GetEventSourceMappingResponse mapping =
        recommended()
            .maximumRecordAgeInSeconds(120)
            .filterCriteria(
                f ->
                    f.filters(
                        patient.filterCriteria().patterns().stream()
                            .map(p -> Filter.builder().pattern(p).build())
                            .toList()))
            .build();

    assertThat(MappingCheck.worstCaseBackoff(patient.retryPolicy()))
        .isEqualTo(Duration.ofSeconds(30 + 60 + 120));
    assertThat(MappingCheck.of(patient).differences(mapping))
        .singleElement()
        .asString()
        .contains("MaximumRecordAgeInSeconds is 120 s")
        .contains("210000 ms");
  }

  @Test
  void latestIsNamed() {
    assertThat(
            MappingCheck.of(router)
                .differences(recommended().startingPosition(EventSourcePosition.LATEST).build()))
        .singleElement()
        .asString()
        .contains("StartingPosition is LATEST");
  }
}
