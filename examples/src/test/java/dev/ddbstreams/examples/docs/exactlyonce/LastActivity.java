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
package dev.ddbstreams.examples.docs.exactlyonce;

import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** docs/exactly-once.md: staging with the enhanced client next to the SDK model. */
final class LastActivity {
  private final DynamoDbTable<PetStats> stats;

  LastActivity(DynamoDbTable<PetStats> stats) {
    this.stats = stats;
  }

  // tag::enhanced[]
  @OnInsert(sk = "ACTIVITY#")
  void record(Activity activity, TransactionalWrites writes) {
    PetStats update = new PetStats();
    update.setPk("PET#" + activity.petId());
    update.setSk("STATS");
    update.setLastActivity(activity.type());
    writes
        .update(
            stats,
            TransactUpdateItemEnhancedRequest.builder(PetStats.class)
                .item(update)
                .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY) // only the attributes set
                .build())
        .update(
            u ->
                u.tableName(stats.tableName())
                    .key(
                        Map.of(
                            "PK", AttributeValue.fromS("LEADERBOARD"),
                            "SK", AttributeValue.fromS("PET#" + activity.petId())))
                    .updateExpression("ADD activityCount :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
  }
  // end::enhanced[]
}
