package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.testkit.LocalRecords;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A DynamoDB Local streams client whose records look like AWS's ({@link LocalRecords#normalize}):
 * {@code LocalEventSourceMapping} reads the stream as is, and DynamoDB Local's TTL deletes ({@code
 * EXPIRE}, no user identity) would otherwise fail as unknown event names.
 */
final class LocalStreamsClient implements DynamoDbStreamsClient {
  private final DynamoDbStreamsClient local;

  LocalStreamsClient(DynamoDbStreamsClient local) {
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

  /** Leaves the wrapped client open: it belongs to DynamoDB Local. */
  @Override
  public void close() {}
}
