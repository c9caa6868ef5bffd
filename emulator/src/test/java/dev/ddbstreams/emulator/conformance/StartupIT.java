/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
