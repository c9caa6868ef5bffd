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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a pattern against the subset of the EventBridge pattern language that Lambda event
 * filtering documents, and finds parts that are legal but cannot match a DynamoDB stream record.
 */
final class PatternChecker {
  /** Receives each warning; the pattern type turns them into its public warnings. */
  @FunctionalInterface
  interface Warnings {
    /**
     * Receives one warning.
     *
     * @param where the path in the pattern, or {@code the top level}
     * @param message what is wrong
     * @param neverMatches whether the part can never match a DynamoDB stream record
     */
    void warn(String where, String message, boolean neverMatches);
  }

  /** The top-level fields of a DynamoDB record in Lambda's JSON. */
  private static final Set<String> RECORD_FIELDS =
      Set.of(
          "eventID",
          "eventName",
          "eventVersion",
          "eventSource",
          "awsRegion",
          "eventSourceARN",
          "userIdentity",
          "dynamodb");

  private static final Set<String> NUMERIC_OPERATORS = Set.of("=", "<", "<=", ">", ">=");
  private static final Set<String> IMAGES = Set.of("Keys", "NewImage", "OldImage");

  private final Warnings warnings;

  private PatternChecker(Warnings warnings) {
    this.warnings = warnings;
  }

  /**
   * Checks a parsed pattern.
   *
   * @param pattern the pattern's JSON tree
   * @param warnings receives the warnings found, in the order found
   * @throws FilterPatternException naming the first unsupported operator or form
   */
  static void check(JsonNode pattern, Warnings warnings) {
    if (!(pattern instanceof ObjectNode object) || object.isEmpty()) {
      throw new FilterPatternException("a filter pattern must be a non-empty JSON object");
    }
    new PatternChecker(warnings).object(object, new ArrayList<>());
  }

  private void object(ObjectNode node, List<String> path) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      if (name.equals("$or")) {
        throw new FilterPatternException(
            "'$or' at "
                + where(path)
                + " is not supported by Lambda event filtering; use several"
                + " patterns (a record passes if it matches any of them)");
      }
      path.add(name);
      if (path.size() == 1 && !RECORD_FIELDS.contains(name)) {
        warn(path, "a DynamoDB stream record has no field '" + name + "'", true);
      } else if (path.size() == 1 && !name.equals("dynamodb")) {
        warn(
            path,
            "DynamoDB event source mappings filter only on the 'dynamodb' key (current Lambda"
                + " guide); this part may not take effect in a mapping",
            false);
      }
      JsonNode value = e.getValue();
      if (value.isObject()) {
        object((ObjectNode) value, path);
      } else if (value.isArray()) {
        if (value.isEmpty()) {
          throw new FilterPatternException("empty value list at " + where(path));
        }
        for (JsonNode rule : value) {
          rule(rule, path);
        }
      } else {
        throw new FilterPatternException(
            where(path) + " must be an object or an array of values, not " + value.getNodeType());
      }
      path.remove(path.size() - 1);
    }
  }

  private void rule(JsonNode rule, List<String> path) {
    if (rule.isTextual() || rule.isNull() || rule.isBoolean()) {
      return;
    }
    if (rule.isNumber()) {
      warnNumber(path);
      return;
    }
    if (!rule.isObject() || rule.size() != 1) {
      throw new FilterPatternException(
          "unsupported value at "
              + where(path)
              + ": expected a string, number, boolean, null or"
              + " an object with one operator");
    }
    Map.Entry<String, JsonNode> op = rule.properties().iterator().next();
    String name = op.getKey();
    JsonNode arg = op.getValue();
    switch (name) {
      case "prefix", "suffix", "equals-ignore-case" -> {
        if (!arg.isTextual()) {
          throw new FilterPatternException(
              "'"
                  + name
                  + "' at "
                  + where(path)
                  + " takes a string; Lambda does not support the"
                  + " nested form (such as prefix with equals-ignore-case)");
        }
      }
      case "anything-but" -> anythingBut(arg, path);
      case "numeric" -> numeric(arg, path);
      case "exists" -> {
        if (!arg.isBoolean()) {
          throw new FilterPatternException("'exists' at " + where(path) + " takes true or false");
        }
        if (isObjectInRecord(path)) {
          warn(
              path,
              "'exists' matches leaf values only, and "
                  + where(path)
                  + " is an object in a"
                  + " DynamoDB record; name a leaf such as "
                  + where(path)
                  + ".S",
              arg.booleanValue());
        }
      }
      default ->
          throw new FilterPatternException(
              "operator '"
                  + name
                  + "' at "
                  + where(path)
                  + " is not supported by Lambda event"
                  + " filtering (supported: equals, prefix, suffix, equals-ignore-case,"
                  + " anything-but, numeric, exists, null, empty string)");
    }
  }

  private void anythingBut(JsonNode arg, List<String> path) {
    if (arg.isTextual()) {
      return;
    }
    if (arg.isNumber()) {
      warnNumber(path);
      return;
    }
    if (arg.isArray() && !arg.isEmpty()) {
      for (JsonNode v : arg) {
        if (!v.isTextual() && !v.isNumber()) {
          throw new FilterPatternException(
              "'anything-but' at " + where(path) + " takes strings or numbers");
        }
      }
      return;
    }
    throw new FilterPatternException(
        "'anything-but' at "
            + where(path)
            + " takes a string, a number or a list of them; Lambda"
            + " does not support anything-but with prefix, suffix, equals-ignore-case or wildcard");
  }

  private void numeric(JsonNode arg, List<String> path) {
    if (!arg.isArray() || (arg.size() != 2 && arg.size() != 4)) {
      throw new FilterPatternException(
          "'numeric' at " + where(path) + " takes [op, number] or [op, number, op, number]");
    }
    for (int i = 0; i < arg.size(); i += 2) {
      if (!arg.get(i).isTextual() || !NUMERIC_OPERATORS.contains(arg.get(i).asText())) {
        throw new FilterPatternException(
            "'numeric' at " + where(path) + " has an unknown comparison; use =, <, <=, > or >=");
      }
      if (!arg.get(i + 1).isNumber()) {
        throw new FilterPatternException(
            "'numeric' at " + where(path) + " compares with a number, not " + arg.get(i + 1));
      }
    }
    if (isDynamoNumber(path)) {
      warn(
          path,
          "numeric matching never matches here: DynamoDB writes number attributes as JSON strings"
              + " ({\"N\": \"123\"}); match the text instead, or filter on dynamodb.SizeBytes",
          true);
    } else if (!isJsonNumberField(path)) {
      warn(
          path,
          "numeric matching needs a JSON number, and "
              + where(path)
              + " is not one in a"
              + " DynamoDB record (only dynamodb.SizeBytes and ApproximateCreationDateTime are)",
          true);
    }
  }

  private void warnNumber(List<String> path) {
    if (isDynamoNumber(path)) {
      warn(
          path,
          "a JSON number never equals a DynamoDB number attribute, which is a JSON string; write"
              + " it as a string, such as [\"101\"]",
          true);
    } else {
      warn(
          path,
          "Lambda compares numbers by their text (300, 300.0 and 3.0e2 differ), local matching by"
              + " value",
          false);
    }
  }

  /** {@code dynamodb.<Keys|NewImage|OldImage>...N} or {@code NS}: values that are JSON strings. */
  private static boolean isDynamoNumber(List<String> path) {
    String last = path.get(path.size() - 1);
    return path.size() >= 4
        && path.get(0).equals("dynamodb")
        && IMAGES.contains(path.get(1))
        && (last.equals("N") || last.equals("NS"));
  }

  private static boolean isJsonNumberField(List<String> path) {
    return path.size() == 2
        && path.get(0).equals("dynamodb")
        && (path.get(1).equals("SizeBytes") || path.get(1).equals("ApproximateCreationDateTime"));
  }

  private static boolean isObjectInRecord(List<String> path) {
    String first = path.get(0);
    if (path.size() == 1) {
      return first.equals("dynamodb") || first.equals("userIdentity");
    }
    return first.equals("dynamodb")
        && IMAGES.contains(path.get(1))
        && (path.size() == 2 || path.size() == 3);
  }

  private void warn(List<String> path, String message, boolean neverMatches) {
    warnings.warn(where(path), message, neverMatches);
  }

  static String where(List<String> path) {
    return path.isEmpty() ? "the top level" : String.join(".", path);
  }
}
