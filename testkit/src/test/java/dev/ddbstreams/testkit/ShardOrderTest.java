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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Shard;

class ShardOrderTest {

  private static Shard shard(String id, String parent) {
    return Shard.builder().shardId(id).parentShardId(parent).build();
  }

  private static List<String> ids(List<Shard> shards) {
    return shards.stream().map(Shard::shardId).toList();
  }

  @Test
  void putsParentsBeforeChildrenWhateverTheListedOrder() {
    List<Shard> listed =
        List.of(shard("grandchild", "child"), shard("child", "root"), shard("root", null));

    assertThat(ids(ShardOrder.parentsFirst(listed))).containsExactly("root", "child", "grandchild");
  }

  @Test
  void keepsTheListedOrderOfUnrelatedLineages() {
    List<Shard> listed =
        List.of(shard("b", null), shard("a", null), shard("a2", "a"), shard("b2", "b"));

    assertThat(ids(ShardOrder.parentsFirst(listed))).containsExactly("b", "a", "a2", "b2");
  }

  @Test
  void keepsAChildWhoseParentWasTrimmed() {
    List<Shard> listed = List.of(shard("child", "trimmed"), shard("grandchild", "child"));

    assertThat(ids(ShardOrder.parentsFirst(listed))).containsExactly("child", "grandchild");
  }

  @Test
  void listsEveryShardOnceEvenWithSharedParents() {
    List<Shard> listed =
        List.of(shard("left", "root"), shard("right", "root"), shard("root", null));

    assertThat(ids(ShardOrder.parentsFirst(listed))).containsExactly("root", "left", "right");
  }
}
