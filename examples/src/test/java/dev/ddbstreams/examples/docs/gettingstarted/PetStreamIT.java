package dev.ddbstreams.examples.docs.gettingstarted;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.Images;
import dev.ddbstreams.InMemoryIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.LocalEventSourceMapping;
import dev.ddbstreams.lambda.StartingPosition;
import dev.ddbstreams.testkit.DynamoDbEmulatorTest;
import dev.ddbstreams.testkit.StreamTable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

// tag::stream-test[]
@DynamoDbEmulatorTest // the DynamoDB emulator, in memory, shared by the JVM's tests
class PetStreamIT {
  @Test
  void theFunctionWelcomesAPetWrittenToTheTable(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table = StreamTable.builder().create(ddb); // PK/SK strings, NEW_AND_OLD_IMAGES
    List<String> sent = new CopyOnWriteArrayList<>();
    StreamRouter router =
        PetRouter.create(
            (userId, message) -> sent.add(message), InMemoryIdempotencyStore.builder().build());
    PetLambda function = new PetLambda(router); // the function Lambda would run

    ddb.putItem(
        b -> b.tableName(table.name()).item(Images.fromMap(PetHandlersTest.pet("Rex", 10))));

    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(streams)
            .streamArn(table.streamArn())
            .handler(function) // gets the event JSON bytes, as in Lambda
            .startingPosition(StartingPosition.TRIM_HORIZON)
            .reportBatchItemFailures(true)
            .build()) {
      assertThat(mapping.drain(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(sent).containsExactly("Welcome Rex!");
  }
}
// end::stream-test[]
