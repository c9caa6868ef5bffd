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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.filter.FilterCriteria;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;

/**
 * Compares a deployed event source mapping with what a router expects of it, and says each
 * difference in words: drift between a template and the handlers, or settings that lose records.
 * Needs the AWS SDK's Lambda model ({@code software.amazon.awssdk:lambda}), which this module
 * declares optional: add it where you call {@code GetEventSourceMapping}.
 *
 * <pre>{@code
 * GetEventSourceMappingResponse mapping = lambda.getEventSourceMapping(b -> b.uuid(uuid));
 * List<String> differences = MappingCheck.of(router).differences(mapping);
 * differences.forEach(System.out::println);
 * }</pre>
 *
 * <table>
 *   <caption>What is compared</caption>
 *   <tr><th>setting</th><th>expected</th></tr>
 *   <tr><td>{@code FilterCriteria}</td><td>the patterns {@link StreamRouter#filterCriteria()}
 *       generates, compared as JSON, in any order; none if it generates none</td></tr>
 *   <tr><td>{@code FunctionResponseTypes}</td><td>{@code ReportBatchItemFailures}</td></tr>
 *   <tr><td>{@code BisectBatchOnFunctionError}</td><td>{@code true} when the function throws
 *       for a whole-batch retry ({@link WholeBatchFailure#THROW})</td></tr>
 *   <tr><td>{@code MaximumRetryAttempts}, {@code MaximumRecordAgeInSeconds}</td><td>finite, with
 *       an on-failure destination; the record age longer than the router's in-process retries of
 *       one record</td></tr>
 *   <tr><td>{@code StartingPosition}</td><td>{@code TRIM_HORIZON}</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public final class MappingCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StreamRouter router;
  private final WholeBatchFailure wholeBatchFailure;

  private MappingCheck(StreamRouter router, WholeBatchFailure mode) {
    this.router = router;
    this.wholeBatchFailure = mode;
  }

  /**
   * Returns a check for the function that runs this router, with the base classes' default {@link
   * WholeBatchFailure#REPORT_WHOLE_BATCH}.
   *
   * @param router the router
   * @return the check
   */
  public static MappingCheck of(StreamRouter router) {
    return new MappingCheck(
        Objects.requireNonNull(router, "router"), WholeBatchFailure.REPORT_WHOLE_BATCH);
  }

  /**
   * Returns this check for a function whose {@code wholeBatchFailure()} answers {@code mode}.
   *
   * @param mode the function's setting
   * @return a new check
   */
  public MappingCheck wholeBatchFailure(WholeBatchFailure mode) {
    return new MappingCheck(router, Objects.requireNonNull(mode, "mode"));
  }

  /**
   * Compares the mapping with the router.
   *
   * @param mapping what {@code GetEventSourceMapping} answered
   * @return one sentence per difference, what is set, what is expected and what it costs; empty if
   *     the mapping is as the router expects
   */
  public List<String> differences(GetEventSourceMappingResponse mapping) {
    Objects.requireNonNull(mapping, "mapping");
    List<String> out = new ArrayList<>();
    filterCriteria(mapping, out);
    if (!mapping
        .functionResponseTypes()
        .contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)) {
      out.add(
          "FunctionResponseTypes lacks ReportBatchItemFailures: Lambda ignores the function's"
              + " partial batch response and counts records the router failed as done, so they are"
              + " lost. Set FunctionResponseTypes to [ReportBatchItemFailures].");
    }
    if (wholeBatchFailure == WholeBatchFailure.THROW
        && !Boolean.TRUE.equals(mapping.bisectBatchOnFunctionError())) {
      out.add(
          "BisectBatchOnFunctionError is off, but the function throws when a whole batch must be"
              + " retried (WholeBatchFailure.THROW): the bad record is retried with its whole batch"
              + " instead of being isolated. Set BisectBatchOnFunctionError to true.");
    }
    retryBounds(mapping, out);
    if (mapping.startingPosition() == EventSourcePosition.LATEST) {
      out.add(
          "StartingPosition is LATEST: records written before the mapping was created were skipped."
              + " Use TRIM_HORIZON for a new mapping.");
    }
    return List.copyOf(out);
  }

  private void filterCriteria(GetEventSourceMappingResponse mapping, List<String> out) {
    FilterCriteria expected = router.filterCriteria();
    Map<JsonNode, String> wanted = parse(expected.patterns(), "generated", out);
    List<String> deployedTexts = new ArrayList<>();
    if (mapping.filterCriteria() != null && mapping.filterCriteria().hasFilters()) {
      for (Filter f : mapping.filterCriteria().filters()) {
        if (f.pattern() != null) {
          deployedTexts.add(f.pattern());
        }
      }
    }
    Map<JsonNode, String> deployed = parse(deployedTexts, "deployed", out);
    if (deployed.isEmpty() && !wanted.isEmpty()) {
      out.add(
          "FilterCriteria is empty, but the router's handlers take only some records: every record"
              + " is delivered and paid for, and the router drops the rest. Set FilterCriteria to "
              + expected.json());
      return;
    }
    if (wanted.isEmpty() && !deployed.isEmpty()) {
      out.add(
          "FilterCriteria has "
              + deployed.size()
              + " pattern(s), but the router generates none (some handler takes every record):"
              + " Lambda drops records the handlers want. Remove the FilterCriteria.");
      return;
    }
    for (Map.Entry<JsonNode, String> e : deployed.entrySet()) {
      if (!wanted.containsKey(e.getKey())) {
        out.add(
            "FilterCriteria has a pattern the router does not generate: "
                + e.getValue()
                + ". It lets records through that no handler wants, or stands where a generated"
                + " pattern should be.");
      }
    }
    for (Map.Entry<JsonNode, String> e : wanted.entrySet()) {
      if (!deployed.containsKey(e.getKey())) {
        out.add(
            "FilterCriteria lacks a pattern the router generates: "
                + e.getValue()
                + ". Records only it keeps are dropped by Lambda before a handler sees them:"
                + " regenerate the FilterCriteria from the router.");
      }
    }
  }

  /** Patterns keyed by their JSON tree, so that spacing and member order do not matter. */
  private static Map<JsonNode, String> parse(List<String> texts, String which, List<String> out) {
    Map<JsonNode, String> trees = new LinkedHashMap<>();
    for (String text : texts) {
      try {
        trees.put(JSON.readTree(text), text);
      } catch (JsonProcessingException e) {
        out.add("FilterCriteria has a " + which + " pattern that is not JSON: " + text);
      }
    }
    return trees;
  }

  private void retryBounds(GetEventSourceMappingResponse mapping, List<String> out) {
    boolean unlimitedRetries = unlimited(mapping.maximumRetryAttempts());
    boolean unlimitedAge = unlimited(mapping.maximumRecordAgeInSeconds());
    if (unlimitedRetries && unlimitedAge) {
      out.add(
          "MaximumRetryAttempts and MaximumRecordAgeInSeconds are unlimited (-1): a record that"
              + " keeps failing the invocation (a timeout, a crash) blocks its shard until it"
              + " leaves the stream after 24 hours, and is then lost. Bound one of them and set an"
              + " on-failure destination.");
    }
    boolean destination =
        mapping.destinationConfig() != null
            && mapping.destinationConfig().onFailure() != null
            && mapping.destinationConfig().onFailure().destination() != null
            && !mapping.destinationConfig().onFailure().destination().isEmpty();
    if ((!unlimitedRetries || !unlimitedAge) && !destination) {
      out.add(
          "Retries or record age are bounded but there is no on-failure destination: records"
              + " Lambda gives up on are gone without a trace. Set DestinationConfig.OnFailure to a"
              + " queue or topic.");
    }
    Duration retrying = worstCaseBackoff(router.retryPolicy());
    Integer age = mapping.maximumRecordAgeInSeconds();
    if (!unlimitedAge && age != null && Duration.ofSeconds(age).compareTo(retrying) <= 0) {
      out.add(
          "MaximumRecordAgeInSeconds is "
              + age
              + " s, no longer than the router's in-process retries of one record can wait ("
              + retrying.toMillis()
              + " ms of backoff): a slow record expires while the router is still retrying it."
              + " Raise the record age or shorten the RetryPolicy.");
    }
  }

  /** The longest one record can wait between the in-process attempts of one handler. */
  static Duration worstCaseBackoff(RetryPolicy policy) {
    Duration total = Duration.ZERO;
    for (int failed = 1; failed < policy.maxAttempts(); failed++) {
      total = total.plus(policy.backoffAfter(failed));
    }
    return total;
  }

  private static boolean unlimited(@Nullable Integer value) {
    return value == null || value < 0;
  }

  /**
   * Describes the check.
   *
   * @return the settings compared against
   */
  @Override
  public String toString() {
    return "MappingCheck{wholeBatchFailure=" + wholeBatchFailure + '}';
  }
}
