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
package dev.ddbstreams.backfill;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.SnapshotMatch;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A view in a DynamoDB table: a copy of every snapshot, written where another process can see it.
 * Puts are idempotent, so a page read again after a crash writes the same items again.
 */
final class ViewWriter {
  private final DynamoDbClient dynamo;
  private final String view;
  private final Duration delay;

  ViewWriter(DynamoDbClient dynamo, String view, Duration delay) {
    this.dynamo = dynamo;
    this.view = view;
    this.delay = delay;
  }

  @OnInsert(snapshots = SnapshotMatch.ONLY)
  void copy(StreamRecord<Map<String, Object>> snapshot) throws InterruptedException {
    Map<String, AttributeValue> item = snapshot.rawNewImage().orElseThrow();
    dynamo.putItem(b -> b.tableName(view).item(item));
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
  }
}
