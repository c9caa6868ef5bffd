package dev.ddbstreams.testkit;

import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsServiceClientConfiguration;

/**
 * A DynamoDB Local streams client whose records look like AWS's ({@link LocalRecords#normalize}),
 * for consumers that read the stream themselves, such as {@code LocalEventSourceMapping} or a KCL
 * consumer: DynamoDB Local's TTL deletes ({@code EXPIRE}, no user identity) would otherwise fail as
 * unknown event names. {@link StreamReader#of} normalises the same way. Thread-safe if the wrapped
 * client is.
 *
 * <pre>{@code
 * LocalEventSourceMapping.builder().streams(new NormalizingStreamsClient(local.streamsClient()))
 * }</pre>
 */
public final class NormalizingStreamsClient implements DynamoDbStreamsClient {
  private final DynamoDbStreamsClient local;

  /**
   * Wraps a client of DynamoDB Local's streams.
   *
   * @param local the client; it stays open when this one is closed
   */
  public NormalizingStreamsClient(DynamoDbStreamsClient local) {
    this.local = local;
  }

  @Override
  public GetRecordsResponse getRecords(GetRecordsRequest request) {
    GetRecordsResponse response = local.getRecords(request);
    return response.toBuilder()
        .records(response.records().stream().map(LocalRecords::normalize).toList())
        .build();
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    return local.describeStream(request);
  }

  @Override
  public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
    return local.getShardIterator(request);
  }

  @Override
  public ListStreamsResponse listStreams(ListStreamsRequest request) {
    return local.listStreams(request);
  }

  @Override
  public String serviceName() {
    return local.serviceName();
  }

  @Override
  public DynamoDbStreamsServiceClientConfiguration serviceClientConfiguration() {
    return local.serviceClientConfiguration();
  }

  /** Leaves the wrapped client open: it belongs to DynamoDB Local. */
  @Override
  public void close() {}
}
