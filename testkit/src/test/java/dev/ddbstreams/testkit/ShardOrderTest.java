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
