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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The required structure of a CloudWatch embedded metric format document, as its specification
 * states it, checked member by member: the root is a JSON object with an {@code _aws} metadata
 * object holding an integer {@code Timestamp} (epoch milliseconds) and a {@code CloudWatchMetrics}
 * array of metric directives; each directive has exactly {@code Namespace} (1-255 characters),
 * {@code Dimensions} (a non-empty array of dimension sets, each an array of at most 30 keys naming
 * root members with string values) and {@code Metrics} (at most 100 definitions, each with a {@code
 * Name} naming a root member that is a number or an array of at most 100 numbers, and an optional
 * {@code Unit} among CloudWatch's units). Objects the specification defines have no other members.
 */
final class EmfSpecification {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> UNITS =
      Set.of(
          "Seconds",
          "Microseconds",
          "Milliseconds",
          "Bytes",
          "Kilobytes",
          "Megabytes",
          "Gigabytes",
          "Terabytes",
          "Bits",
          "Kilobits",
          "Megabits",
          "Gigabits",
          "Terabits",
          "Percent",
          "Count",
          "Bytes/Second",
          "Kilobytes/Second",
          "Megabytes/Second",
          "Gigabytes/Second",
          "Terabytes/Second",
          "Bits/Second",
          "Kilobits/Second",
          "Megabits/Second",
          "Gigabits/Second",
          "Terabits/Second",
          "Count/Second",
          "None");

  private EmfSpecification() {}

  /** Returns the problems of one log event's text; empty if it is a valid document. */
  static List<String> problems(String logEvent) {
    List<String> problems = new ArrayList<>();
    if (logEvent.contains("\n")) {
      problems.add("a document must be one log event: one line");
    }
    JsonNode root;
    try {
      root = JSON.readTree(logEvent);
    } catch (IOException e) {
      problems.add("not JSON: " + e.getClass().getSimpleName());
      return problems;
    }
    if (root == null || !root.isObject()) {
      problems.add("the root must be a JSON object");
      return problems;
    }
    JsonNode aws = root.get("_aws");
    if (aws == null || !aws.isObject()) {
      problems.add("the root must have an _aws object");
      return problems;
    }
    onlyMembers(aws, Set.of("Timestamp", "CloudWatchMetrics"), "_aws", problems);
    JsonNode timestamp = aws.get("Timestamp");
    if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.asLong() <= 0) {
      problems.add("_aws.Timestamp must be epoch milliseconds, an integer");
    }
    JsonNode directives = aws.get("CloudWatchMetrics");
    if (directives == null || !directives.isArray()) {
      problems.add("_aws.CloudWatchMetrics must be an array");
      return problems;
    }
    for (int i = 0; i < directives.size(); i++) {
      directive(root, directives.get(i), "_aws.CloudWatchMetrics[" + i + "]", problems);
    }
    return problems;
  }

  private static void directive(JsonNode root, JsonNode d, String at, List<String> problems) {
    if (!d.isObject()) {
      problems.add(at + " must be an object");
      return;
    }
    onlyMembers(d, Set.of("Namespace", "Dimensions", "Metrics"), at, problems);
    JsonNode namespace = d.get("Namespace");
    if (namespace == null
        || !namespace.isTextual()
        || namespace.asText().isEmpty()
        || namespace.asText().length() > 255) {
      problems.add(at + ".Namespace must be a string of 1 to 255 characters");
    }
    JsonNode dimensions = d.get("Dimensions");
    if (dimensions == null || !dimensions.isArray() || dimensions.isEmpty()) {
      problems.add(at + ".Dimensions must be a non-empty array of dimension sets");
    } else {
      for (JsonNode set : dimensions) {
        if (!set.isArray() || set.size() > 30) {
          problems.add(at + ": a dimension set must be an array of at most 30 keys");
          continue;
        }
        for (JsonNode key : set) {
          JsonNode target = key.isTextual() ? root.get(key.asText()) : null;
          if (target == null || !target.isTextual() || target.asText().isBlank()) {
            problems.add(at + ": dimension " + key + " must name a root member with a string");
          }
        }
      }
    }
    JsonNode metrics = d.get("Metrics");
    if (metrics == null || !metrics.isArray() || metrics.size() > 100) {
      problems.add(at + ".Metrics must be an array of at most 100 definitions");
      return;
    }
    for (JsonNode m : metrics) {
      onlyMembers(m, Set.of("Name", "Unit", "StorageResolution"), at + ".Metrics[]", problems);
      JsonNode name = m.get("Name");
      if (name == null
          || !name.isTextual()
          || name.asText().isEmpty()
          || name.asText().length() > 255) {
        problems.add(at + ": a metric needs a Name of 1 to 255 characters");
        continue;
      }
      JsonNode unit = m.get("Unit");
      if (unit != null && !(unit.isTextual() && UNITS.contains(unit.asText()))) {
        problems.add(at + ": metric " + name + " has an invalid Unit " + unit);
      }
      JsonNode target = root.get(name.asText());
      boolean number = target != null && target.isNumber();
      boolean numbers = target != null && target.isArray() && target.size() <= 100;
      if (numbers) {
        for (JsonNode v : target) {
          numbers &= v.isNumber();
        }
      }
      if (!number && !numbers) {
        problems.add(
            at + ": metric " + name + " must name a root member with a number or up to 100");
      }
    }
  }

  private static void onlyMembers(JsonNode o, Set<String> allowed, String at, List<String> out) {
    for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
      String n = names.next();
      if (!allowed.contains(n)) {
        out.add(at + " has a member the specification does not define: " + n);
      }
    }
  }
}
