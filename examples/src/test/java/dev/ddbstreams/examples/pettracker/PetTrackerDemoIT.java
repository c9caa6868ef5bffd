package dev.ddbstreams.examples.pettracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PetTrackerDemoIT {
  @Test
  void demoPassesEveryCheckOnARealStream() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int failed = new PetTrackerDemo(out, 400, 7, 100).run();

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(failed).as(report).isZero();
    assertThat(report)
        .contains("[ok]   a welcome per new pet")
        .contains("[ok]   summaries equal activities")
        .contains("[ok]   redelivered batch fully suppressed")
        .contains("All checks passed.");
  }
}
