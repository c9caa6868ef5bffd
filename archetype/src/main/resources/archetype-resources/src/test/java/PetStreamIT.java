package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.Images;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testkit.lambda.StartingPosition;
import dev.ddbstreams.testkit.DynamoDbEmulatorTest;
import dev.ddbstreams.testkit.StreamTable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The function on a real stream: a write to a table in the DynamoDB emulator (in this JVM, in
 * memory), delivered by a local event source mapping as Lambda's would, JSON bytes included. An
 * *IT: Failsafe runs it in {@code mvn verify}.
 */
@DynamoDbEmulatorTest
class PetStreamIT {
  @Test
  void theFunctionWelcomesAPetWrittenToTheTable(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table = StreamTable.builder().create(ddb); // PK/SK strings, NEW_AND_OLD_IMAGES
    List<String> sent = new CopyOnWriteArrayList<>();
    PetLambda function =
        new PetLambda(
            PetRouter.create(
                (userId, message) -> sent.add(message),
                InMemoryIdempotencyStore.builder().build()));

    ddb.putItem(
        b -> b.tableName(table.name()).item(Images.fromMap(PetHandlersTest.pet("Rex", 10))));

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(streams)
            .streamArn(table.streamArn())
            .handler(function)
            .startingPosition(StartingPosition.TRIM_HORIZON)
            .reportBatchItemFailures(true)
            .build()) {
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(sent).containsExactly("Welcome Rex!");
  }
}
