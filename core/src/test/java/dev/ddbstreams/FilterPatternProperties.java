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

import dev.ddbstreams.filter.FilterPattern;
import dev.ddbstreams.filter.FilterPatternException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever text is given, {@link FilterPattern#parse} either compiles it or throws {@link
 * FilterPatternException}: seeded random patterns, near-valid (grammar-built, then damaged) and
 * token soup. The seed is printed on failure; {@code -Dddbstreams.filter.seed=N} replays one.
 */
class FilterPatternProperties {
  private static final String[] FIELDS = {
    "dynamodb", "NewImage", "OldImage", "Keys", "S", "N", "BOOL", "eventName", "x", ""
  };
  private static final String[] OPERATORS = {
    "prefix",
    "suffix",
    "anything-but",
    "numeric",
    "exists",
    "equals-ignore-case",
    "wildcard",
    "cidr",
    "$or",
    "bogus"
  };
  private static final String[] SOUP = {
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\"",
    "\"a\"",
    "1",
    "-1e999",
    "null",
    "true",
    "\"prefix\"",
    "\"numeric\"",
    "\"<\"",
    "\\u0000",
    " ",
    "\"dynamodb\"",
    "1.5",
    "{}",
    "[]"
  };

  @Test
  void everyTextCompilesOrThrowsFilterPatternException() {
    long seed = Long.getLong("ddbstreams.filter.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> escaped = new ArrayList<>();
    for (int i = 0; i < 2_000 && escaped.size() < 5; i++) {
      String json = random.nextBoolean() ? damaged(pattern(random, 0), random) : soup(random);
      try {
        FilterPattern.parse(json);
      } catch (FilterPatternException expected) {
        // the documented outcome
      } catch (RuntimeException | StackOverflowError e) {
        escaped.add(e + " for " + json);
      }
    }
    assertThat(escaped).as("seed %d (-Dddbstreams.filter.seed=%d)", seed, seed).isEmpty();
  }

  private static String pattern(Random random, int depth) {
    StringBuilder sb = new StringBuilder("{");
    int fields = 1 + random.nextInt(3);
    for (int f = 0; f < fields; f++) {
      if (f > 0) {
        sb.append(',');
      }
      sb.append('"').append(FIELDS[random.nextInt(FIELDS.length)]).append("\":");
      if (depth < 4 && random.nextInt(3) == 0) {
        sb.append(pattern(random, depth + 1));
      } else {
        sb.append('[').append(rule(random)).append(']');
      }
    }
    return sb.append('}').toString();
  }

  private static String rule(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> "\"dog\"";
      case 1 -> Integer.toString(random.nextInt(100) - 50);
      case 2 -> "null";
      case 3 -> "{\"" + OPERATORS[random.nextInt(OPERATORS.length)] + "\":\"a\"}";
      case 4 ->
          "{\"numeric\":[\""
              + (random.nextBoolean() ? ">" : "<=")
              + "\","
              + random.nextInt(10)
              + (random.nextBoolean() ? ",\"<\",3" : "")
              + "]}";
      default -> "{\"" + OPERATORS[random.nextInt(OPERATORS.length)] + "\":[" + rule(random) + "]}";
    };
  }

  private static String damaged(String json, Random random) {
    StringBuilder sb = new StringBuilder(json);
    int edits = random.nextInt(3);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int at = random.nextInt(sb.length());
      if (random.nextBoolean()) {
        sb.deleteCharAt(at);
      } else {
        sb.insert(at, SOUP[random.nextInt(SOUP.length)]);
      }
    }
    return sb.toString();
  }

  private static String soup(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(30);
    for (int i = 0; i < n; i++) {
      sb.append(SOUP[random.nextInt(SOUP.length)]);
    }
    return sb.toString();
  }
}
