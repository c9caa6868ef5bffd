package dev.ddbstreams.testkit.kcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.testkit.DynamoDbLocal;
import dev.ddbstreams.testkit.LocalRecords;
import dev.ddbstreams.testkit.StreamReader;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.TimeToLive;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class LocalKclStreamsClientIT {

  @Test
  void answersTheChildShardLookupThatDynamoDbLocalLeavesEmpty() {
    try (DynamoDbLocal local = DynamoDbLocal.start()) {
      StreamTable table = StreamTable.builder().create(local.client());
      put(local, table, "1");
      local.rollOverShards();
      put(local, table, "2");
      local.rollOverShards();
      List<Shard> chain =
          local
              .streamsClient()
              .describeStream(b -> b.streamArn(table.streamArn()))
              .streamDescription()
              .shards();
      assertThat(chain).hasSize(3);
      Shard root = chain.stream().filter(s -> s.parentShardId() == null).findFirst().orElseThrow();
      Shard middle = childOf(chain, root);
      Shard open = childOf(chain, middle);

      // The reason for the client: DynamoDB Local itself answers the filter with no shard.
      assertThat(
              children(local.streamsClient(), table.streamArn(), root.shardId())
                  .streamDescription()
                  .shards())
          .isEmpty();

      DynamoDbStreamsClient kclClient = LocalKcl.of(local).streamsClient();
      String kclArn = LocalKcl.kclStreamArn(table.streamArn());
      DescribeStreamResponse ofRoot = children(kclClient, kclArn, root.shardId());
      assertThat(ofRoot.streamDescription().shards()).containsExactly(middle);
      assertThat(ofRoot.streamDescription().streamArn()).isEqualTo(kclArn);
      assertThat(ofRoot.streamDescription().lastEvaluatedShardId()).isNull();
      assertThat(children(kclClient, kclArn, middle.shardId()).streamDescription().shards())
          .containsExactly(open);
      assertThat(children(kclClient, kclArn, open.shardId()).streamDescription().shards())
          .isEmpty();
      // Without a filter, every shard, with KCL's ARN.
      DescribeStreamResponse all = kclClient.describeStream(b -> b.streamArn(kclArn));
      assertThat(all.streamDescription().shards()).containsExactlyElementsOf(chain);
      assertThat(all.streamDescription().streamArn()).isEqualTo(kclArn);
    }
  }

  @Test
  void handsOutATtlDeleteAsAwsDoes() {
    DynamoDbLocal local = DynamoDbLocal.shared();
    StreamTable table = StreamTable.builder().ttlAttribute("expiresAt").create(local.client());
    TimeToLive.expire(
        local.client(),
        table,
        Map.of("PK", AttributeValue.fromS("PET#1"), "SK", AttributeValue.fromS("A")));

    List<Record> records =
        StreamReader.raw(
                LocalKcl.of(local).streamsClient(), LocalKcl.kclStreamArn(table.streamArn()))
            .awaitRecords(2, Duration.ofSeconds(10));

    assertThat(records)
        .extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.REMOVE);
    assertThat(records.get(1).userIdentity()).isEqualTo(LocalRecords.ttlIdentity());
  }

  private static DescribeStreamResponse children(
      DynamoDbStreamsClient client, String streamArn, String shardId) {
    return client.describeStream(
        b ->
            b.streamArn(streamArn)
                .shardFilter(f -> f.type(ShardFilterType.CHILD_SHARDS).shardId(shardId)));
  }

  private static Shard childOf(List<Shard> shards, Shard parent) {
    return shards.stream()
        .filter(s -> parent.shardId().equals(s.parentShardId()))
        .findFirst()
        .orElseThrow();
  }

  private static void put(DynamoDbLocal local, StreamTable table, String pk) {
    local
        .client()
        .putItem(
            b ->
                b.tableName(table.name())
                    .item(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("A"))));
  }
}
