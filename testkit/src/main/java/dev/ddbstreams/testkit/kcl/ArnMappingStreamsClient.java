package dev.ddbstreams.testkit.kcl;

import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.dynamodb.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsRequest;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsServiceClientConfiguration;

/**
 * A streams client that speaks KCL's ARNs (region {@code us-east-1}) to KCL and DynamoDB Local's
 * (region {@code ddblocal}) to DynamoDB Local: it maps ARNs in requests back to the local form and
 * ARNs in responses to the KCL form. {@link #close()} leaves the local client open, since it
 * usually belongs to a shared instance. Thread-safe if the delegate is.
 */
final class ArnMappingStreamsClient implements DynamoDbStreamsClient {
  private final DynamoDbStreamsClient local;

  ArnMappingStreamsClient(DynamoDbStreamsClient local) {
    this.local = local;
  }

  @Override
  public DescribeStreamResponse describeStream(DescribeStreamRequest request) {
    DescribeStreamResponse response =
        local.describeStream(
            request.toBuilder().streamArn(LocalKcl.localStreamArn(request.streamArn())).build());
    StreamDescription d = response.streamDescription();
    if (d == null || d.streamArn() == null) {
      return response;
    }
    return response.toBuilder()
        .streamDescription(d.toBuilder().streamArn(LocalKcl.kclStreamArn(d.streamArn())).build())
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
