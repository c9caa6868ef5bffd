package dev.ddbstreams.examples.docs.testing;

// tag::static-import[]
import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
// end::static-import[]

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** docs/testing.md. */
final class TestingSnippets {
  private TestingSnippets() {}

  static String events(
      StreamRouter router, Map<String, Object> pet, Map<String, Object> heavierPet) {
    // tag::events[]
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    List<Record> batch =
        List.of(
            events.insert(pet),
            events.modify(pet, heavierPet),
            events.remove(pet),
            events.ttlExpire(pet));
    BatchResult result = router.process(batch);
    String lambdaJson = events.lambdaEvent(batch); // what the event source mapping sends
    // end::events[]
    assertThat(result).hasNoFailures();
    return lambdaJson;
  }

  static void assertions(BatchResult result, BatchResult failedResult) {
    // tag::assertions[]
    assertThat(result)
        .hasNoFailures()
        .hasStatuses(RecordStatus.HANDLED, RecordStatus.NO_MATCH)
        .recordWasHandledBy(0, "com.example.PetHandlers#welcome");
    assertThat(failedResult).hasCheckpoint("100000000000000000020");
    // end::assertions[]
  }
}
