package dev.ddbstreams.examples.pettracker;

import static dev.ddbstreams.examples.pettracker.PetItems.activity;
import static dev.ddbstreams.examples.pettracker.PetItems.summary;
import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

class ActivitySummariesTest {
  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
  private final CommittingStore store = new CommittingStore();
  private final StreamRouter router =
      StreamRouter.builder()
          .handlers(new ActivitySummaries("PetTracker"))
          .idempotency(store)
          .build();

  @Test
  void countsAnActivityInItsPetsSummaryOfThatDay() {
    BatchResult result =
        router.process(List.of(events.insert(activity("p7", "2026-11-21T10:15:00Z"))));

    assertThat(result).hasNoFailures();
    Update update = store.committed.get(0).update();
    assertThat(update.key())
        .isEqualTo(
            Map.of(
                "PK",
                AttributeValue.fromS("PET#p7"),
                "SK",
                AttributeValue.fromS("SUMMARY#2026-11-21")));
    assertThat(update.expressionAttributeValues())
        .containsEntry(":one", AttributeValue.fromN("1"))
        .containsEntry(":type", AttributeValue.fromS("walk"));
  }

  @Test
  void doesNotTriggerItselfOnTheSummariesItWrites() {
    BatchResult result =
        router.process(
            List.of(
                events.insert(summary("p7", "2026-11-21", 1)),
                events.modify(summary("p7", "2026-11-21", 1), summary("p7", "2026-11-21", 2))));

    assertThat(result).hasStatuses(RecordStatus.NO_MATCH, RecordStatus.NO_MATCH);
    assertThat(store.committed).isEmpty();
  }
}
