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

import dev.ddbstreams.StreamObserver;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the PetTracker router from deployment settings, for the Lambda and the KCL worker. */
public final class PetTrackerRouter {
  private static final Logger LOG = LoggerFactory.getLogger(PetTrackerRouter.class);

  private PetTrackerRouter() {}

  /**
   * Builds the router from settings such as environment variables: {@code TABLE_NAME} (the
   * PetTracker table, required), {@code TOPIC_ARN} (SNS topic for notifications; without it they
   * are only logged) and {@code IDEMPOTENCY_TABLE} (the idempotency table; without it redelivered
   * records run their handlers again, and the daily summaries and the leaderboard, which commit
   * their counts in one transaction with the idempotency record, are left out).
   *
   * @param settings looks up a setting by name, returning {@code null} if unset
   * @param observers where the router's metrics go, such as the Lambda adapter's {@code
   *     EmbeddedMetrics} or a {@code MicrometerObserver}
   * @return the router
   */
  public static StreamRouter fromSettings(
      Function<String, String> settings, StreamObserver... observers) {
    String table = settings.apply("TABLE_NAME");
    if (table == null || table.isEmpty()) {
      throw new IllegalStateException("TABLE_NAME must name the PetTracker table");
    }
    String topic = settings.apply("TOPIC_ARN");
    Notifier notifier =
        topic == null || topic.isEmpty()
            ? (user, message) -> LOG.info("Notification for a user (no TOPIC_ARN set)")
            : new SnsNotifier(SnsClient.create(), topic);
    StreamRouter.Builder builder =
        StreamRouter.builder().keys("PK", "SK").viewType(ViewType.NEW_AND_OLD_IMAGES);
    for (StreamObserver observer : observers) {
      builder.observer(observer);
    }
    String idempotencyTable = settings.apply("IDEMPOTENCY_TABLE");
    if (idempotencyTable == null || idempotencyTable.isEmpty()) {
      LOG.warn(
          "IDEMPOTENCY_TABLE is not set: redelivered records run their handlers again, and the"
              + " daily summaries and the leaderboard are off (they commit their counts with the"
              + " idempotency record)");
      builder.handlers(new PetHandlers(notifier));
    } else {
      // The store's client also commits the summaries' and the leaderboard's writes.
      DynamoDbClient dynamo = DynamoDbClient.create();
      builder
          .handlers(
              new PetHandlers(notifier),
              new ActivitySummaries(table),
              new Leaderboard(dynamo, table))
          .idempotency(
              DynamoDbIdempotencyStore.builder()
                  .client(dynamo)
                  .tableName(idempotencyTable)
                  .build());
    }
    return builder.build();
  }
}
