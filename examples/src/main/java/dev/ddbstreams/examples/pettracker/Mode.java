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
