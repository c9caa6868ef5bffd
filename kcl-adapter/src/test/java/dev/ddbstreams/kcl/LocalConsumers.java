package dev.ddbstreams.kcl;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.testkit.BatchWrites;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Consumers on the emulator, and the writes they read, for the ITs of this module. */
final class LocalConsumers {
  private LocalConsumers() {}

  /** A consumer builder wired to the emulator, with its lease table prepared. */
  static KclStreamConsumer.Builder builder(
      LocalKcl kcl, String app, String localStreamArn, StreamRouter router) {
    kcl.prepareLeaseTable(app, localStreamArn);
    return KclStreamConsumer.builder()
        .streamArn(localStreamArn)
        .applicationName(app)
        .dynamoDbClient(kcl.leaseClient())
        .streamsClient(kcl.streamsClient())
        .router(router)
        .retryBackoff(Duration.ofMillis(50), Duration.ofMillis(400))
        .shutdownTimeout(Duration.ofSeconds(20))
        .configCustomizer(
            c -> LocalKcl.fastStart(c.leaseManagement(), c.coordinator(), c.polling()));
  }

  /**
   * Writes version {@code version} of items {@code from..to-1}: PK {@code ITEM#i}, SK {@code V},
   * attribute {@code v}, with the testkit's {@link BatchWrites}; one version of an item per call.
   */
  static void writeVersion(DynamoDbClient ddb, String table, int from, int to, int version) {
    BatchWrites.put(
        ddb,
        table,
        to - from,
        i ->
            Map.of(
                "PK", AttributeValue.fromS("ITEM#" + (from + i)),
                "SK", AttributeValue.fromS("V"),
                "v", AttributeValue.fromN(Integer.toString(version))));
  }
}
