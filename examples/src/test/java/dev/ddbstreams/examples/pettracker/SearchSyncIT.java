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

import static dev.ddbstreams.examples.pettracker.CrossRegionReplicationIT.item;
import static dev.ddbstreams.examples.pettracker.CrossRegionReplicationIT.key;
import static dev.ddbstreams.examples.pettracker.CrossRegionReplicationIT.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.testkit.DynamoDbEmulatorTest;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.StreamTap;
import dev.ddbstreams.testkit.TimeToLive;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoDbEmulatorTest
class SearchSyncIT {
  @Test
  void indexHoldsExactlyTheLivePetsAfterChangesDeletesAndTtlExpiries(
      DynamoDbEmulator emulator, DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table = StreamTable.builder().ttlAttribute("expiresAt").create(ddb);
    TimeToLive.expire(emulator, table, item(PetItems.pet("u9", "ghost", "dog", 3)));
    put(ddb, table, PetItems.pet("u1", "p1", "dog", 20));
    put(ddb, table, PetItems.pet("u1", "p2", "dog", 8));
    put(ddb, table, PetItems.pet("u2", "p3", "cat", 4));
    put(ddb, table, PetItems.pet("u1", "p2", "cat", 8));
    ddb.deleteItem(b -> b.tableName(table.name()).key(key("USER#u2", "PET#p3")));
    put(ddb, table, PetItems.activity("p1", "2026-11-20T10:15:00Z"));

    try (LuceneSearchIndex index = new LuceneSearchIndex()) {
      StreamRouter router = StreamRouter.builder().handlers(new SearchSync(index)).build();
      StreamTap.Result result =
          StreamTap.of(streams, table.streamArn(), router).drain(8, Duration.ofSeconds(20));

      assertThat(result.failed()).isZero();
      assertThat(index.search("species:dog", 10).ids()).containsExactly("USER#u1#PET#p1");
      assertThat(index.search("species:cat", 10).ids()).containsExactly("USER#u1#PET#p2");
      assertThat(index.search("ghost OR \"Pet-p3\"", 10).total()).isZero();
    }
  }
}
