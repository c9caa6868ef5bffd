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
package dev.ddbstreams.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Shard;

/** Orders shards so that every parent comes before its children, keeping the given order else. */
final class ShardOrder {
  private ShardOrder() {}

  static List<Shard> parentsFirst(List<Shard> shards) {
    Map<String, Shard> byId = new LinkedHashMap<>();
    for (Shard shard : shards) {
      byId.put(shard.shardId(), shard);
    }
    List<Shard> ordered = new ArrayList<>(shards.size());
    Set<String> placed = new HashSet<>();
    for (Shard shard : shards) {
      place(shard, byId, placed, ordered);
    }
    return ordered;
  }

  private static void place(
      Shard shard, Map<String, Shard> byId, Set<String> placed, List<Shard> ordered) {
    // Walk up to the oldest ancestor that is still listed (older ones were trimmed), then place
    // the chain top-down. Iterative, so a long lineage cannot overflow the stack.
    List<Shard> chain = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    @Nullable Shard current = shard;
    while (current != null && !placed.contains(current.shardId()) && seen.add(current.shardId())) {
      chain.add(current);
      @Nullable String parentId = current.parentShardId();
      current = parentId == null ? null : byId.get(parentId);
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      placed.add(chain.get(i).shardId());
      ordered.add(chain.get(i));
    }
  }
}
