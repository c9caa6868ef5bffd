package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.StreamEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Lambda entry point on the event JSON Lambda sends, without AWS credentials, region or
 * network: the router comes in through the constructor.
 */
class PetLambdaTest {
  private final StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();

  @Test
  void answersAnEventWithAnEmptyPartialBatchResponse() throws Exception {
    List<String> sent = new ArrayList<>();
    PetLambda function =
        new PetLambda(
            PetRouter.create(
                (userId, message) -> sent.add(message),
                InMemoryIdempotencyStore.builder().build()));
    String event = events.lambdaEvent(List.of(events.insert(PetHandlersTest.pet("Rex", 10))));
    ByteArrayOutputStream response = new ByteArrayOutputStream();

    function.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), response, null);

    assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(sent).containsExactly("Welcome Rex!");
  }

  @Test
  void theConstructorLambdaCallsCreatesNoAwsClient() {
    // Would fail without a region if it built the DynamoDB client: that waits for the first event.
    assertThat(new PetLambda()).isNotNull();
  }
}
