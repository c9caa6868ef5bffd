package dev.ddbstreams.kcl;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Consumers on DynamoDB Local, and the writes they read, for the ITs of this module. */
final class LocalConsumers {
  private LocalConsumers() {}

  /** A consumer builder wired to DynamoDB Local, with its lease table prepared. */
  static KclStreamConsumer.Builder builder(
      LocalKcl kcl, String app, String localStreamArn, StreamRouter router) {
    kcl.prepareLeaseTable(app, localStreamArn);
    return KclStreamConsumer.builder()
        .streamArn(LocalKcl.kclStreamArn(localStreamArn))
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
   * attribute {@code v}. BatchWriteItem of 25 on 4 threads; one version of an item per call.
   */
  static void writeVersion(DynamoDbClient ddb, String table, int from, int to, int version)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int start = from; start < to; start += 25) {
        int s = start;
        int e = Math.min(to, start + 25);
        futures.add(
            pool.submit(
                () -> {
                  List<WriteRequest> puts = new ArrayList<>();
                  for (int i = s; i < e; i++) {
                    Map<String, AttributeValue> item = new HashMap<>();
                    item.put("PK", AttributeValue.fromS("ITEM#" + i));
                    item.put("SK", AttributeValue.fromS("V"));
                    item.put("v", AttributeValue.fromN(Integer.toString(version)));
                    puts.add(
                        WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(item).build())
                            .build());
                  }
                  var r = ddb.batchWriteItem(b -> b.requestItems(Map.of(table, puts)));
                  if (!r.unprocessedItems().isEmpty()) {
                    throw new IllegalStateException("unprocessed items");
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}
