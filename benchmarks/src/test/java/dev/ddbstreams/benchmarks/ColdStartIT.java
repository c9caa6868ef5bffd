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
package dev.ddbstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code benchmarks/cold-start.sh} once per side, so `mvn verify` notices when the harness no
 * longer runs (it once broke silently: the event generator lost the testkit from its classpath). An
 * integration test because the script needs what the {@code package} phase writes: the module's
 * classes and {@code target/classpath.txt}. The script is told not to build (no Maven inside
 * Maven); it fails if a side fails or the two sides' responses differ. It measures nothing.
 */
class ColdStartIT {

  @Test
  void bothSidesStartAndAnswerTheSame() throws IOException, InterruptedException {
    Path script = Path.of("cold-start.sh").toAbsolutePath();
    assertThat(script).exists();
    Path output = Files.createTempFile("cold-start", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString(), "--no-build", "0")
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      // The sides run on the JDK that runs this build, whatever `java` the PATH has first.
      String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
      builder.environment().merge("PATH", javaBin, (path, bin) -> bin + File.pathSeparator + path);
      Process process = builder.start();
      boolean finished = process.waitFor(3, TimeUnit.MINUTES);
      if (!finished) {
        process.destroyForcibly();
      }
      String log = Files.readString(output, StandardCharsets.UTF_8);

      assertThat(finished).as("cold-start.sh finished in time; output:%n%s", log).isTrue();
      assertThat(process.exitValue()).as("cold-start.sh exit code; output:%n%s", log).isZero();
      assertThat(log).contains("both sides answer the same: {\"batchItemFailures\":[]}");
    } finally {
      Files.deleteIfExists(output);
    }
  }
}
