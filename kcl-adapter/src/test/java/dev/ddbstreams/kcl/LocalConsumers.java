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
