package dev.ddbstreams.testkit.kcl;

import dev.ddbstreams.testkit.NormalizingStreamsClient;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardFilter;
import software.amazon.awssdk.services.dynamodb.model.ShardFilterType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsServiceClientConfiguration;

/**
 * The streams client KCL gets against DynamoDB Local. It does three things DynamoDB Local does not:
 *
 * <ul>
 *   <li>It speaks KCL's ARNs (region {@code us-east-1}) to KCL and DynamoDB Local's (region {@code
 *       ddblocal}) to DynamoDB Local, mapping ARNs in requests back to the local form and ARNs in
 *       responses to the KCL form.
 *   <li>It answers {@code DescribeStream} with a {@code CHILD_SHARDS} shard filter, which DynamoDB
 *       Local answers with no shards. The streams adapter asks that question at the end of every
 *       shard; without an answer it retries for about 8 s, then reports no children, so a shard
 *       created while KCL runs never gets a lease. This client lists the stream's shards and
 *       returns those whose parent is the given shard, as DynamoDB does.
 *   <li>It hands out records as AWS sends them, through {@link NormalizingStreamsClient}: DynamoDB
 *       Local's TTL deletes ({@code EXPIRE}, no user identity) become {@code REMOVE} by the
 *       DynamoDB service.
 * </ul>
 *
 * <p>{@link #close()} leaves the local client open, since it usually belongs to a shared instance.
 * Thread-safe if the delegate is.
 */
final class LocalKclStreamsClient implements DynamoDbStreamsClient {
  private final NormalizingStreamsClient local;

  LocalKclStreamsClient(DynamoDbStreamsClient local) {
    this.local = new NormalizingStreamsClient(local);
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    String localArn = LocalKcl.localStreamArn(request.streamArn());
    ShardFilter filter = request.shardFilter();
    DescribeStreamResponse response =
        filter != null && filter.type() == ShardFilterType.CHILD_SHARDS
            ? childShards(localArn, filter.shardId())
            : local.describeStream(request.toBuilder().streamArn(localArn).build());
    StreamDescription d = response.streamDescription();
    if (d == null || d.streamArn() == null) {
      return response;
    }
    return response.toBuilder()
        .streamDescription(d.toBuilder().streamArn(LocalKcl.kclStreamArn(d.streamArn())).build())
        .build();
  }

  /**
   * Lists every shard of the stream and keeps the children of {@code parentShardId}, in a response
   * shaped like DynamoDB's answer to a {@code CHILD_SHARDS} filter: one page, the stream's other
   * details as DescribeStream gives them.
   */
  private DescribeStreamResponse childShards(String localArn, String parentShardId) {
    List<Shard> children = new ArrayList<>();
    DescribeStreamResponse page;
    String start = null;
    do {
      String from = start;
      page = local.describeStream(b -> b.streamArn(localArn).exclusiveStartShardId(from));
      for (Shard shard : page.streamDescription().shards()) {
        if (parentShardId.equals(shard.parentShardId())) {
          children.add(shard);
        }
      }
      start = page.streamDescription().lastEvaluatedShardId();
    } while (start != null);
    return page.toBuilder()
        .streamDescription(
            page.streamDescription().toBuilder()
                .shards(children)
                .lastEvaluatedShardId(null)
                .build())
        .build();
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return local.getShardIterator(
        request.toBuilder().streamArn(LocalKcl.localStreamArn(request.streamArn())).build());
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    return local.getRecords(request);
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    ListStreamsResponse response = local.listStreams(request);
    return response.toBuilder()
        .streams(
            response.streams().stream()
                .map(s -> s.toBuilder().streamArn(LocalKcl.kclStreamArn(s.streamArn())).build())
                .toList())
        .build();
  }

  @Override
  public String serviceName() {
    return local.serviceName();
  }

  @Override
  public DynamoDbStreamsServiceClientConfiguration serviceClientConfiguration() {
    return local.serviceClientConfiguration();
  }

  @Override
  public void close() {
    // The local client belongs to the DynamoDbLocal instance, which closes it.
  }
}
