package dev.ddbstreams.emulator.internal.streams;

import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** The streams of one emulator. (Being written: operations not yet registered.) */
public final class StreamStore implements ChangeLog {

  public StreamStore(Clock clock, String region, String accountId, StreamSettings settings) {}

  /** Registers ListStreams, DescribeStream, GetShardIterator and GetRecords. */
  public void register(OperationRegistry registry) {}

  @Override
  public StreamInfo enable(String tableName, String viewType, List<KeySchemaElement> keySchema) {
    throw new UnsupportedOperationException("streams are being written");
  }

  @Override
  public void disable(String streamArn) {}

  @Override
  public void append(String streamArn, ChangeRecord change) {}

  /** Rolls every open shard of every enabled stream over now. */
  public void rollOverShards() {}

  /** Rolls over the shards that have been open longer than the rollover interval. */
  public void rollOverDueShards() {}
}
