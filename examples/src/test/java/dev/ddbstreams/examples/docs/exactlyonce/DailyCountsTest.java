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

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.TransactionalWrites;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** docs/exactly-once.md: a transactional handler tested on its own. */
class DailyCountsTest {

  // tag::test[]
  @Test
  void stagesTheLeaderboardAndTheDailySummary() {
    TransactionalWrites writes = TransactionalWrites.create(); // checks the same limits

    new DailyCounts("PetTracker").count(new Activity("p7", "walk", "2026-11-20T10:15:00Z"), writes);

    List<TransactWriteItem> staged = writes.staged();
    assertThat(staged).hasSize(2);
    assertThat(staged.get(0).update().key().get("SK").s()).isEqualTo("PET#p7");
    assertThat(staged.get(1).update().key().get("SK").s()).isEqualTo("SUMMARY#2026-11-20");
  }
  // end::test[]
}
