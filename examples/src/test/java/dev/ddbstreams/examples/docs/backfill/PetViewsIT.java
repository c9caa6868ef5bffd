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
package dev.ddbstreams.examples.docs.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.backfill.BackfillReport;
import dev.ddbstreams.backfill.SnapshotRecords;
import dev.ddbstreams.backfill.TableBackfill;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.testkit.StreamEvents;
import dev.ddbstreams.testkit.StreamTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** docs/backfill.md, run: the handlers of the guide do what its comments say. */
class PetViewsIT {
  @Test
  void aBackfillFillsTheReplicaAndWelcomesNoExistingPet() {
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start()) {
      DynamoDbClient ddb = emulator.client();
      StreamTable table = StreamTable.builder().create(ddb);
      StreamTable.builder().name("PetsReplica").create(ddb);
      for (int i = 0; i < 25; i++) {
        Map<String, AttributeValue> pet = pet("u" + (i % 3), "p" + i);
        ddb.putItem(b -> b.tableName(table.name()).item(pet));
      }
      List<String> sent = new ArrayList<>();
      StreamRouter router =
          StreamRouter.builder()
              .handlers(new PetViews((user, message) -> sent.add(message), ddb))
              .build();

      BackfillReport report =
          TableBackfill.builder()
              .client(ddb)
              .tableName(table.name())
              .router(router)
              .name("replica-test")
              .totalSegments(4)
              .build()
              .run();

      assertThat(report.isComplete()).isTrue();
      assertThat(sent).isEmpty();
      assertThat(ddb.scan(b -> b.tableName("PetsReplica")).count()).isEqualTo(25);
    }
  }

  @Test
  void theCacheViewKeepsTheNewestChangeWhateverArrivesFirst() {
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    Map<String, Object> rex = Map.of("PK", "USER#u1", "SK", "PET#p1", "name", "Rex");
    Map<String, Object> max = Map.of("PK", "USER#u1", "SK", "PET#p1", "name", "Max");
    Record insert = events.insert(rex);
    Record delete = events.remove(rex);
    Record again = events.insert(max);
    BackfillSnippets.CacheView view = new BackfillSnippets.CacheView();

    view.apply("p1", StreamRecord.of(insert, Map.class));
    view.apply("p1", StreamRecord.of(delete, Map.class));
    view.apply("p1", snapshot(rex)); // read by the scan before the delete, arriving after it
    assertThat(view.cache).isEmpty();

    view.apply("p1", StreamRecord.of(again, Map.class));
    view.apply("p1", StreamRecord.of(insert, Map.class)); // a redelivery of an older change
    view.apply("p1", snapshot(rex));
    assertThat(view.cache.get("p1")).containsEntry("name", AttributeValue.fromS("Max"));
  }

  private static StreamRecord<?> snapshot(Map<String, Object> item) {
    return StreamRecord.of(
        SnapshotRecords.of("cache-v1", StreamEvents.image(item), List.of("PK", "SK")), Map.class);
  }

  private static Map<String, AttributeValue> pet(String user, String id) {
    return Map.of(
        "PK", AttributeValue.fromS("USER#" + user),
        "SK", AttributeValue.fromS("PET#" + id),
        "userId", AttributeValue.fromS(user),
        "name", AttributeValue.fromS("Pet " + id),
        "species", AttributeValue.fromS("dog"),
        "weightKg", AttributeValue.fromN("12"));
  }
}
