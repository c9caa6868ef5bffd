package dev.ddbstreams.examples.docs.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.testkit.StreamEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README.md's example runs as written: a Lambda event in, a welcome out. */
class WelcomeLambdaTest {
  @Test
  void welcomesANewPetAndReportsNoFailure() throws Exception {
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    String event =
        events.lambdaEvent(
            List.of(
                events.insert(
                    Map.of("PK", "USER#u1", "SK", "PET#Rex", "userId", "u1", "name", "Rex")),
                events.insert(Map.of("PK", "USER#u1", "SK", "PROFILE", "userId", "u1"))));
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      new WelcomeLambda()
          .handleRequest(
              new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), response, null);
    } finally {
      System.setOut(stdout);
    }

    assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo("Welcome Rex!" + System.lineSeparator());
  }
}
