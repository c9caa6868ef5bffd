package dev.ddbstreams.examples.docs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.Images;
import dev.ddbstreams.InMemoryIdempotencyStore;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.PetRouter;
import dev.ddbstreams.testkit.DynamoDbEmulatorTest;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.StreamTap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

// tag::tap[]
@DynamoDbEmulatorTest // parameters get the JVM's shared instance
class PetHandlersIT {
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final StreamRouter router =
      PetRouter.create(
          (userId, message) -> sent.add(message), InMemoryIdempotencyStore.builder().build());

  @Test
  void welcomesNewPets(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
    StreamTable table =
        StreamTable.builder() // PK/SK strings, NEW_AND_OLD_IMAGES
            .ttlAttribute("expiresAt")
            .create(ddb);
    StreamTap tap = StreamTap.of(streams, table.streamArn(), router); // batches of 100
    Map<String, Object> rex =
        Map.of("PK", "USER#u1", "SK", "PET#Rex", "userId", "u1", "name", "Rex");
    ddb.putItem(b -> b.tableName(table.name()).item(Images.fromMap(rex)));

    StreamTap.Result result = tap.drain(1, Duration.ofSeconds(10)); // waits, then delivers

    assertThat(result.failed()).isZero();
    assertThat(sent).containsExactly("Welcome Rex!");
  }
}
// end::tap[]
