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
package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;

/** How the demo consumes the stream; {@code --mode kcl|lambda|direct}, KCL by default. */
enum Mode {
  /** The router behind a KCL worker, as a fleet runs it. The default. */
  KCL {
    @Override
    DemoConsumer open(
        DynamoDbEmulator local, String streamArn, StreamRouter router, int batchSize) {
      return new KclWorkers(local, streamArn, router);
    }
  },
  /** The router behind a Lambda function, fed by the local event source mapping. */
  LAMBDA {
    @Override
    DemoConsumer open(
        DynamoDbEmulator local, String streamArn, StreamRouter router, int batchSize) {
      return new LambdaMapping(local.streamsClient(), streamArn, router, batchSize);
    }
  },
  /** The router gets Lambda-sized batches read straight from the stream. */
  DIRECT {
    @Override
    DemoConsumer open(
        DynamoDbEmulator local, String streamArn, StreamRouter router, int batchSize) {
      return new DirectBatches(local.streamsClient(), streamArn, router, batchSize);
    }
  };

  /**
   * Starts consuming a stream.
   *
   * @param local the emulator that holds the stream
   * @param streamArn the stream
   * @param router the handlers
   * @param batchSize the most records per batch
   * @return the consumer; close it when done
   */
  abstract DemoConsumer open(
      DynamoDbEmulator local, String streamArn, StreamRouter router, int batchSize);
}
