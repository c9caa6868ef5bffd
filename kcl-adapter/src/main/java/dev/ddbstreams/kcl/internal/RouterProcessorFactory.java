package dev.ddbstreams.kcl.internal;

import software.amazon.kinesis.processor.ShardRecordProcessor;
import software.amazon.kinesis.processor.ShardRecordProcessorFactory;

/** Makes one {@link RouterShardProcessor} per shard lease. Thread-safe. */
public final class RouterProcessorFactory implements ShardRecordProcessorFactory {
  private final ProcessorSettings settings;

  /**
   * Creates the factory.
   *
   * @param settings what all processors share
   */
  public RouterProcessorFactory(ProcessorSettings settings) {
    this.settings = settings;
  }

  @Override
  public ShardRecordProcessor shardRecordProcessor() {
    return new RouterShardProcessor(settings, Sleeper.THREAD);
  }
}
