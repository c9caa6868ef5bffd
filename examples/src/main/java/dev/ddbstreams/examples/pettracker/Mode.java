package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.StreamRouter;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** How the demo consumes the stream; {@code --mode direct|lambda}. */
enum Mode {
  /** The router gets Lambda-sized batches read straight from the stream. */
  DIRECT {
    @Override
    DemoConsumer open(
        DynamoDbStreamsClient streams, String streamArn, StreamRouter router, int batchSize) {
      return new DirectBatches(streams, streamArn, router, batchSize);
    }
  },
  /** The router behind a Lambda function, fed by the local event source mapping. */
  LAMBDA {
    @Override
    DemoConsumer open(
        DynamoDbStreamsClient streams, String streamArn, StreamRouter router, int batchSize) {
      return new LambdaMapping(streams, streamArn, router, batchSize);
    }
  };

  /**
   * Starts consuming a stream.
   *
   * @param streams a client of DynamoDB Local's stream
   * @param streamArn the stream
   * @param router the handlers
   * @param batchSize the most records per batch
   * @return the consumer; close it when done
   */
  abstract DemoConsumer open(
      DynamoDbStreamsClient streams, String streamArn, StreamRouter router, int batchSize);

  /** Parses {@code direct} or {@code lambda}, in any case. */
  static Mode parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--mode must be direct or lambda, not " + name, e);
    }
  }
}
