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
package dev.ddbstreams.lambda;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testkit.lambda.StartingPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A stream whose mapping gives up a batch: items {@code PET#0} to {@code PET#n-1}, a function whose
 * handler fails on the broken ones, and the on-failure messages it produces, as JSON.
 */
final class RedriveFixtures {
  private RedriveFixtures() {}

  /** Records the partition keys it handles, in order; fails on the broken ones. */
  static final class Recording {
    final List<String> handled = new CopyOnWriteArrayList<>();
    private final Set<String> broken;

    Recording(Set<String> broken) {
      this.broken = Set.copyOf(broken);
    }

    @OnChange
    void record(StreamRecord<Map<String, Object>> change) {
      String pk = change.keys().get("PK").s();
      if (broken.contains(pk)) {
        throw new IllegalStateException("the notifier is down");
      }
      handled.add(pk);
    }
  }

  /** A function around a router, as a deployment would have. */
  static final class Function extends DynamoDbStreamJsonLambda {
    private final StreamRouter router;

    Function(Recording handlers) {
      this.router = StreamRouter.builder().handlers(handlers).build();
    }

    @Override
    protected StreamRouter router() {
      return router;
    }
  }

  static void writePets(DynamoDbClient ddb, String table, int count) {
    for (int i = 0; i < count; i++) {
      int n = i;
      ddb.putItem(
          b ->
              b.tableName(table)
                  .item(
                      Map.of(
                          "PK", AttributeValue.fromS("PET#" + n),
                          "SK", AttributeValue.fromS("v1"),
                          "name", AttributeValue.fromS("Pet " + n))));
    }
  }

  /**
   * Runs the stream through a local mapping (batches of 10, partial batch responses, one retry)
   * with a function that fails on the broken items, and returns what the on-failure destination
   * received, as the JSON Lambda sends.
   */
  static List<String> onFailureMessages(
      DynamoDbStreamsClient streams, String streamArn, Recording handlers) {
    List<String> messages = Collections.synchronizedList(new ArrayList<>());
    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(streams)
            .streamArn(streamArn)
            .handler(new Function(handlers))
            .startingPosition(StartingPosition.TRIM_HORIZON)
            .batchSize(10)
            .reportBatchItemFailures(true)
            .maximumRetryAttempts(1)
            .onFailure(messages::add)
            .build()) {
      mapping.drain(Duration.ofSeconds(30));
    }
    return messages;
  }
}
