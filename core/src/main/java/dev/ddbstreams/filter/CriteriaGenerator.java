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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.EventName;
import dev.ddbstreams.HandlerInfo;
import dev.ddbstreams.ImageKind;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.annotation.TtlMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Generates the filter criteria that keep every record some handler accepts.
 *
 * <p>Each handler becomes a conjunction of leaf constraints on the {@code dynamodb} key (the only
 * key the current Lambda guide lets DynamoDB mappings filter on). Leaving a constraint out only
 * widens a pattern, so every step that cannot express something drops it: the result is sound by
 * construction. Over {@link #MAX_FILTERS}, the two patterns whose merge keeps the most constraints
 * are merged (common paths, value lists united) until the limit holds.
 */
final class CriteriaGenerator {
  /** How many filters an event source mapping takes without a quota increase. */
  static final int MAX_FILTERS = 5;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PATTERN_CHARS = 4096;
  private static final String KEY_TYPES = "SNB";

  private CriteriaGenerator() {}

  /**
   * What the generator found: the patterns, ORed, and notes on what they leave out.
   *
   * @param patterns the patterns; empty means no filtering
   * @param notes one sentence each, for a person to read
   */
  record Generated(List<FilterPattern> patterns, List<String> notes) {}

  /** A conjunction of constraints: path to the ORed rule list at that leaf. */
  private record Clause(LinkedHashMap<List<String>, ArrayNode> leaves) {
    Clause() {
      this(new LinkedHashMap<>());
    }

    Clause copy() {
      return new Clause(new LinkedHashMap<>(leaves));
    }

    /**
     * Adds a constraint unless one is already on its path, or on a path above or below it; returns
     * whether it did. A leaf's rules are ORed, so two constraints on one path cannot both be kept;
     * keeping the first only widens the pattern, which is safe.
     */
    boolean add(List<String> path, ArrayNode rules) {
      for (List<String> other : leaves.keySet()) {
        if (other.equals(path) || startsWith(other, path) || startsWith(path, other)) {
          return false;
        }
      }
      leaves.put(path, rules);
      return true;
    }
  }

  /**
   * Generates the criteria.
   *
   * @param handlers the router's handlers
   * @param partitionKey the partition key attribute
   * @param sortKey the sort key attribute, or null
   * @param viewType the stream's view type, or null if not declared
   * @param routerFilters router-wide patterns, empty for none
   * @return the patterns, ORed (empty for no filtering), and the notes
   */
  static Generated generate(
      List<HandlerInfo> handlers,
      String partitionKey,
      @Nullable String sortKey,
      @Nullable ViewType viewType,
      List<FilterPattern> routerFilters) {
    Set<String> notes = new LinkedHashSet<>();
    notes.add(
        "Patterns use only the 'dynamodb' key, so they hold under the current Lambda guide"
            + " (DynamoDB mappings filter only on that key) and under older guides alike.");
    List<Clause> clauses = new ArrayList<>();
    for (HandlerInfo h : handlers) {
      Clause clause = handlerClause(h, partitionKey, sortKey, viewType, notes);
      if (clause == null) {
        continue;
      }
      if (routerFilters.isEmpty()) {
        clauses.add(clause);
      }
      for (FilterPattern f : routerFilters) {
        Clause both = clause.copy();
        addPattern(both, f.json(), "router filter", notes);
        clauses.add(both);
      }
    }
    List<Clause> distinct = distinct(clauses);
    if (distinct.stream().anyMatch(c -> c.leaves.isEmpty())) {
      notes.add(
          "A handler accepts records that no pattern on the 'dynamodb' key can narrow: no"
              + " filter; every record is delivered.");
      return new Generated(List.of(), List.copyOf(notes));
    }
    if (distinct.size() > MAX_FILTERS) {
      notes.add(
          distinct.size()
              + " patterns merged into at most "
              + MAX_FILTERS
              + " (Lambda's default limit); merged patterns keep only their common constraints.");
      distinct = reduce(distinct);
      if (distinct.stream().anyMatch(c -> c.leaves.isEmpty())) {
        notes.add("Merging left no common constraint: no filter; every record is delivered.");
        return new Generated(List.of(), List.copyOf(notes));
      }
    }
    List<FilterPattern> patterns = new ArrayList<>();
    for (Clause c : distinct) {
      String json = render(c);
      if (json.length() > MAX_PATTERN_CHARS) {
        notes.add(
            "A pattern is longer than "
                + MAX_PATTERN_CHARS
                + " characters, Lambda's limit"
                + " for one pattern: shorten key prefixes or filters.");
      }
      patterns.add(FilterPattern.parse(json));
    }
    return new Generated(List.copyOf(patterns), List.copyOf(notes));
  }

  /** The handler's constraints, or null if it can accept no record at all. */
  private static @Nullable Clause handlerClause(
      HandlerInfo h,
      String partitionKey,
      @Nullable String sortKey,
      @Nullable ViewType viewType,
      Set<String> notes) {
    if (!h.skPrefixes().isEmpty() && sortKey == null) {
      return null; // sk prefixes on a table without a sort key match nothing
    }
    Clause clause = new Clause();
    if (!h.filter().isEmpty()) {
      // The handler's own pattern first: on a shared path it wins, and it is the tighter one.
      addPattern(clause, h.filter(), h.method() + "'s filter", notes);
    }
    keyPrefixes(clause, h, partitionKey, h.pkPrefixes(), notes);
    if (sortKey != null) {
      keyPrefixes(clause, h, sortKey, h.skPrefixes(), notes);
    }
    eventKinds(clause, h, partitionKey, viewType, notes);
    if (h.ttl() != TtlMatch.INCLUDE) {
      notes.add(
          h.method()
              + ": TTL matching (userIdentity) is outside the 'dynamodb' key; left"
              + " out.");
    }
    if (!h.changed().isEmpty()) {
      notes.add(h.method() + ": 'changed' compares two images, which no pattern can; left out.");
    }
    return clause;
  }

  private static void keyPrefixes(
      Clause clause, HandlerInfo h, String key, List<String> prefixes, Set<String> notes) {
    if (prefixes.isEmpty()) {
      return;
    }
    ArrayNode rules = JSON.createArrayNode();
    for (String p : prefixes) {
      if (couldStartANumber(p)) {
        notes.add(
            h.method()
                + ": key prefix '"
                + p
                + "' could also match a number key (N), which"
                + " one pattern cannot cover with S; left out.");
        return;
      }
      rules.addObject().put("prefix", p);
    }
    if (!clause.add(List.of("dynamodb", "Keys", key, "S"), rules)) {
      notes.add(
          h.method()
              + ": key prefixes on "
              + key
              + " left out: the handler's filter constrains that key, and one pattern holds one"
              + " list of rules per attribute.");
    }
  }

  /**
   * INSERT records never have an old image and REMOVE records never a new one, whatever the view
   * type, so "that image's key attribute does not exist" keeps every wanted record. It narrows only
   * on streams that carry that image; MODIFY and mixed kinds need a disjunction and are left out.
   */
  private static void eventKinds(
      Clause clause, HandlerInfo h, String key, @Nullable ViewType viewType, Set<String> notes) {
    Set<EventName> events = h.events();
    ImageKind absent =
        events.equals(Set.of(EventName.INSERT))
            ? ImageKind.OLD_IMAGE
            : events.equals(Set.of(EventName.REMOVE)) ? ImageKind.NEW_IMAGE : null;
    if (absent == null) {
      if (events.size() < EventName.values().length) {
        notes.add(
            h.method()
                + ": event kinds "
                + events
                + " cannot be told apart on the"
                + " 'dynamodb' key alone; left out.");
      }
      return;
    }
    if (viewType != null && !viewType.carries(absent)) {
      notes.add(
          h.method()
              + ": "
              + events
              + " cannot be told apart on a "
              + viewType
              + " stream; left out.");
      return;
    }
    String image = absent == ImageKind.OLD_IMAGE ? "OldImage" : "NewImage";
    boolean whole = true;
    for (char type : KEY_TYPES.toCharArray()) {
      ArrayNode rules = JSON.createArrayNode();
      rules.addObject().put("exists", false);
      whole &= clause.add(List.of("dynamodb", image, key, String.valueOf(type)), rules);
    }
    notes.add(
        h.method()
            + ": "
            + events
            + (whole ? " expressed as 'no " : " only partly expressed as 'no ")
            + image
            + "'"
            + (whole ? "" : ": the handler's filter constrains that key already")
            + (viewType == null ? " (narrows only if the stream carries that image)" : "")
            + ".");
  }

  /** Adds a pattern's leaves under 'dynamodb'; other keys, and colliding paths, are left out. */
  private static void addPattern(Clause clause, String json, String what, Set<String> notes) {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("patterns were checked at build()", e);
    }
    Map<List<String>, ArrayNode> leaves = new LinkedHashMap<>();
    leaves(tree, new ArrayList<>(), leaves);
    for (Map.Entry<List<String>, ArrayNode> e : leaves.entrySet()) {
      List<String> path = e.getKey();
      if (!path.get(0).equals("dynamodb")) {
        notes.add(
            what
                + ": '"
                + String.join(".", path)
                + "' is outside the 'dynamodb' key;"
                + " left out.");
      } else if (!clause.leaves.containsKey(path) && !clause.add(path, e.getValue())) {
        notes.add(
            what
                + ": '"
                + String.join(".", path)
                + "' overlaps another constraint; left"
                + " out.");
      }
    }
  }

  private static void leaves(JsonNode node, List<String> path, Map<List<String>, ArrayNode> out) {
    if (node instanceof ArrayNode array) {
      out.put(List.copyOf(path), array);
      return;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      path.add(e.getKey());
      leaves(e.getValue(), path, out);
      path.remove(path.size() - 1);
    }
  }

  private static List<Clause> distinct(List<Clause> clauses) {
    Map<String, Clause> byJson = new LinkedHashMap<>();
    for (Clause c : clauses) {
      byJson.putIfAbsent(render(c), c);
    }
    return new ArrayList<>(byJson.values());
  }

  /** Merges the pair that keeps the most constraints, until the limit holds. */
  private static List<Clause> reduce(List<Clause> clauses) {
    List<Clause> list = new ArrayList<>(clauses);
    while (list.size() > MAX_FILTERS) {
      int bestI = 0;
      int bestJ = 1;
      Clause best = null;
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          Clause merged = merge(list.get(i), list.get(j));
          if (best == null || merged.leaves.size() > best.leaves.size()) {
            best = merged;
            bestI = i;
            bestJ = j;
          }
        }
      }
      list.remove(bestJ);
      list.set(bestI, best);
      list = distinct(list);
    }
    return list;
  }

  /** The widest clause both imply: common paths, with their value lists united where sound. */
  private static Clause merge(Clause a, Clause b) {
    Clause merged = new Clause();
    for (Map.Entry<List<String>, ArrayNode> e : a.leaves.entrySet()) {
      ArrayNode other = b.leaves.get(e.getKey());
      if (other == null) {
        continue;
      }
      if (other.equals(e.getValue())) {
        merged.leaves.put(e.getKey(), e.getValue());
      } else if (!hasExists(other) && !hasExists(e.getValue())) {
        ArrayNode union = e.getValue().deepCopy();
        for (JsonNode rule : other) {
          if (!contains(union, rule)) {
            union.add(rule);
          }
        }
        merged.leaves.put(e.getKey(), union);
      }
    }
    return merged;
  }

  private static boolean hasExists(ArrayNode rules) {
    for (JsonNode r : rules) {
      if (r.isObject() && r.has("exists")) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(ArrayNode rules, JsonNode rule) {
    for (JsonNode r : rules) {
      if (r.equals(rule)) {
        return true;
      }
    }
    return false;
  }

  private static String render(Clause clause) {
    ObjectNode root = JSON.createObjectNode();
    for (Map.Entry<List<String>, ArrayNode> e : clause.leaves.entrySet()) {
      ObjectNode node = root;
      List<String> path = e.getKey();
      for (int i = 0; i < path.size() - 1; i++) {
        JsonNode child = node.get(path.get(i));
        node = child instanceof ObjectNode o ? o : node.putObject(path.get(i));
      }
      node.set(path.get(path.size() - 1), e.getValue());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** DynamoDB writes numbers with digits, sign, point and exponent only. */
  private static boolean couldStartANumber(String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if ("0123456789+-.eE".indexOf(prefix.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() > prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }
}
