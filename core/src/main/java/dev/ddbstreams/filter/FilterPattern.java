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

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.StreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.event.ruler.Machine;

/**
 * One Lambda event filter pattern, matched locally with the semantics Lambda applies to DynamoDB
 * stream records.
 *
 * <p>The language is the subset of EventBridge patterns that Lambda event filtering documents:
 * equals (strings, numbers, booleans, {@code null}, {@code ""}), {@code prefix}, {@code suffix},
 * {@code equals-ignore-case}, {@code anything-but} (a value or a list), {@code numeric} and {@code
 * exists}; fields side by side are ANDed, values in a list are ORed. Operators Lambda lacks ({@code
 * $or}, {@code wildcard}, {@code cidr}, {@code anything-but} with {@code prefix} and the like) are
 * rejected by {@link #parse}. A record is matched in Lambda's JSON shape:
 *
 * <pre>{@code
 * FilterPattern dogs = FilterPattern.parse(
 *     "{\"dynamodb\": {\"NewImage\": {\"species\": {\"S\": [\"dog\"]}}}}");
 * if (dogs.matches(record)) { ... }
 * }</pre>
 *
 * <p>Parts that are legal but cannot work in an event source mapping, such as {@code numeric} on
 * the {@code N} of an attribute (DynamoDB numbers are JSON strings), are reported by {@link
 * #warnings()}; {@link #parseStrict} rejects a pattern with any part that can never match.
 *
 * <p>The pattern is compiled once; matching builds only the fields the pattern names. Immutable and
 * thread-safe.
 */
public final class FilterPattern {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RULE = "pattern";

  private final String json;
  private final ObjectNode tree;
  private final List<Warning> warnings;
  private final Machine machine;

  /**
   * Something about a pattern that works differently, or not at all, for DynamoDB records.
   *
   * @param path the dotted path in the pattern, such as {@code dynamodb.NewImage.age.N}
   * @param message what is wrong and what to write instead
   * @param neverMatches {@code true} if that part can never match a DynamoDB stream record
   */
  public record Warning(String path, String message, boolean neverMatches) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private FilterPattern(String json, ObjectNode tree, List<Warning> warnings, Machine machine) {
    this.json = json;
    this.tree = tree;
    this.warnings = warnings;
    this.machine = machine;
  }

  /**
   * Parses and compiles a pattern.
   *
   * @param json the pattern, such as {@code {"eventName": ["INSERT"]}}
   * @return the compiled pattern, with its {@link #warnings()}
   * @throws FilterPatternException if the JSON is malformed or uses a form Lambda does not support
   */
  public static FilterPattern parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (StreamConstraintsException e) {
      // Thrown before any location is known: nesting or sizes beyond Jackson's limits.
      throw new FilterPatternException(
          "filter pattern exceeds the JSON parser's limits (" + e.getOriginalMessage() + ")", e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new FilterPatternException(
          "filter pattern is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          e);
    }
    if (tree == null) {
      throw new FilterPatternException("filter pattern is empty");
    }
    List<Warning> found = new ArrayList<>();
    PatternChecker.check(
        tree,
        (where, message, neverMatches) -> found.add(new Warning(where, message, neverMatches)));
    List<Warning> warnings = List.copyOf(found);
    Machine machine = Machine.builder().build();
    try {
      machine.addRule(RULE, json);
    } catch (Exception e) {
      throw new FilterPatternException("filter pattern rejected: " + e.getMessage(), e);
    }
    return new FilterPattern(json, (ObjectNode) tree, warnings, machine);
  }

  /**
   * Parses a pattern and rejects it if any part can never match a DynamoDB stream record.
   *
   * @param json the pattern
   * @return the compiled pattern; its warnings, if any, are only about Lambda differences
   * @throws FilterPatternException as {@link #parse}, or naming the parts that never match
   */
  public static FilterPattern parseStrict(String json) {
    FilterPattern pattern = parse(json);
    List<Warning> never = pattern.warnings.stream().filter(Warning::neverMatches).toList();
    if (!never.isEmpty()) {
      throw new FilterPatternException(
          "filter pattern can never match a DynamoDB record: "
              + String.join("; ", never.stream().map(Warning::toString).toList()));
    }
    return pattern;
  }

  /**
   * Returns the pattern as given.
   *
   * @return the JSON text
   */
  public String json() {
    return json;
  }

  /**
   * Returns what works differently in Lambda, or not at all, for DynamoDB records.
   *
   * @return the warnings, empty if none
   */
  public List<Warning> warnings() {
    return warnings;
  }

  /**
   * Returns whether the record, in Lambda's JSON shape, matches the pattern.
   *
   * @param record the SDK record
   * @return {@code true} if it matches
   */
  public boolean matches(Record record) {
    return matches(record, null);
  }

  /**
   * Returns whether the record matches, including the stream ARN it came from (Lambda's {@code
   * eventSourceARN}, which SDK records lack).
   *
   * @param record the record
   * @return {@code true} if it matches
   */
  public boolean matches(StreamRecord<?> record) {
    return matches(record.raw(), record.streamArn().orElse(null));
  }

  private boolean matches(Record record, @Nullable String streamArn) {
    Objects.requireNonNull(record, "record");
    return !machine.rulesForJSONEvent(RecordJson.project(tree, record, streamArn)).isEmpty();
  }

  /** Returns the pattern's JSON. */
  @Override
  public String toString() {
    return json;
  }
}
