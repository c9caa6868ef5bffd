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
