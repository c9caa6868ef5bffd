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
