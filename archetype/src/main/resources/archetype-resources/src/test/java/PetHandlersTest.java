package ${package};

import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.StreamEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The handlers on records built by the testkit, as DynamoDB would write them: no database. */
class PetHandlersTest {
  private final List<String> sent = new ArrayList<>();
  private final StreamRouter router =
      PetRouter.create(
          (userId, message) -> sent.add(message), InMemoryIdempotencyStore.builder().build());
  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();

  @Test
  void welcomesWeighsAndSaysGoodbye() {
    List<Record> batch =
        List.of(
            events.insert(pet("Rex", 10)),
            events.modify(pet("Rex", 10), pet("Rex", 13)),
            events.ttlExpire(pet("Rex", 13)));

    BatchResult result = router.process(batch);

    assertThat(result).hasNoFailures().hasCount(RecordStatus.HANDLED, 3);
    assertThat(sent)
        .containsExactly(
            "Welcome Rex!", "Rex changed weight by more than 2 kg", "Rex's record expired");
  }

  @Test
  void aRedeliveredBatchRunsNoHandlerTwice() {
    List<Record> batch = List.of(events.insert(pet("Rex", 10)));
    router.process(batch);

    BatchResult again = router.process(batch); // as after a Lambda retry

    assertThat(again).hasStatuses(RecordStatus.DUPLICATE);
    assertThat(sent).containsExactly("Welcome Rex!");
  }

  static Map<String, Object> pet(String name, int weightKg) {
    return Map.of(
        "PK", "USER#u1",
        "SK", "PET#" + name,
        "userId", "u1",
        "name", name,
        "species", "dog",
        "weightKg", weightKg);
  }
}
