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
package dev.ddbstreams.examples.pettracker;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What the demo reads back from the tables to check the handlers' work. */
final class TableScans {
  private TableScans() {}

  /** Returns every item of a table by {@code PK + " " + SK}, read consistently. */
  static Map<String, Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table) {
    Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    dynamo
        .scanPaginator(b -> b.tableName(table).consistentRead(true))
        .items()
        .forEach(item -> items.put(item.get("PK").s() + " " + item.get("SK").s(), item));
    return items;
  }

  /** Whether an item is the application's own data, which is replicated, not a derived view. */
  static boolean isReplicated(Map<String, AttributeValue> item) {
    return item.get("PK").s().startsWith("USER#") || item.get("SK").s().startsWith("ACTIVITY#");
  }

  /**
   * Compares the replica with the primary's replicated items, ignoring the replica's sequence
   * attribute, and returns the keys that differ (missing, extra or with other attributes).
   */
  static Set<String> replicaDifferences(
      Map<String, Map<String, AttributeValue>> primary,
      Map<String, Map<String, AttributeValue>> replica) {
    Set<String> differ = new TreeSet<>();
    primary.forEach(
        (key, item) -> {
          if (isReplicated(item)) {
            Map<String, AttributeValue> copy = replica.get(key);
            if (copy == null || !withoutSequence(copy).equals(item)) {
              differ.add(key);
            }
          }
        });
    replica.keySet().stream()
        .filter(k -> !primary.containsKey(k) || !isReplicated(primary.get(k)))
        .forEach(differ::add);
    return differ;
  }

  private static Map<String, AttributeValue> withoutSequence(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> copy = new HashMap<>(item);
    copy.remove(CrossRegionReplication.SEQUENCE);
    return copy;
  }

  /** Returns the leaderboard, pet ID to activity count, highest first. */
  static Map<String, Integer> leaderboard(Map<String, Map<String, AttributeValue>> primary) {
    Map<String, Integer> board = new LinkedHashMap<>();
    primary.values().stream()
        .filter(i -> i.get("PK").s().equals(Leaderboard.PARTITION))
        .sorted(
            (a, b) ->
                new BigDecimal(b.get("activityCount").n())
                    .compareTo(new BigDecimal(a.get("activityCount").n())))
        .forEach(
            i ->
                board.put(
                    i.get("SK").s().substring("PET#".length()),
                    new BigDecimal(i.get("activityCount").n()).intValueExact()));
    return board;
  }

  /** Returns how many pets in the primary have this species. */
  static long pets(Map<String, Map<String, AttributeValue>> primary, String species) {
    return primary.values().stream()
        .filter(i -> i.get("PK").s().startsWith("USER#") && i.get("SK").s().startsWith("PET#"))
        .filter(i -> i.containsKey("species") && i.get("species").s().equals(species))
        .count();
  }

  /** Sums per pet the activities the workload wrote per pet and day. */
  static Map<String, Integer> activitiesPerPet(Map<String, Integer> perPetAndDay) {
    Map<String, Integer> perPet = new HashMap<>();
    perPetAndDay.forEach((k, n) -> perPet.merge(k.substring(0, k.indexOf('/')), n, Integer::sum));
    return perPet;
  }

  /** Returns the first {@code n} entries of a map in its order. */
  static <K, V> List<Map.Entry<K, V>> first(Map<K, V> map, int n) {
    return map.entrySet().stream().limit(n).toList();
  }
}
