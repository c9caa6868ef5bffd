package dev.ddbstreams.emulator.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StartupIT {

  @Test
  @DisplayName("DynamoDbEmulator.start() is fast (target 300 ms; asserted under 2 s)")
  void startsQuickly() {
    long started = System.nanoTime();
    try (DynamoDbEmulator emulator = DynamoDbEmulator.start()) {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      System.out.println(
          "DynamoDbEmulator.start() took "
              + took.toMillis()
              + " ms (internal start time "
              + emulator.startTime().toMillis()
              + " ms)");
      assertThat(took).isLessThan(Duration.ofSeconds(2));
      assertThat(emulator.client().listTables().tableNames()).isEmpty();
    }
  }
}
