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
package dev.ddbstreams.examples.pettracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.kcl.InitialPosition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The KCL worker's command line: usage on --help, one line and exit 2 on bad input. */
class PetTrackerKclWorkerCommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CommandLine worker =
      PetTrackerKclWorker.commandLine(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void helpPrintsTheOptionsAndTheirEnvironmentVariables() {
    int status = worker.execute("--help");

    assertThat(status).isZero();
    assertThat(err()).isEmpty();
    assertThat(out().replaceAll("\\s+", " ")) // as read, whatever the line breaks
        .startsWith("Usage: pettracker-kcl-worker")
        .contains("--table=NAME", "TABLE_NAME")
        .contains("--application=NAME", "APPLICATION_NAME")
        .contains("--initial-position=POSITION", "trim-horizon, latest")
        .contains("--topic-arn=ARN", "--idempotency-table=NAME")
        .contains("Exit codes:");
  }

  @Test
  void aBadInitialPositionIsOneLineNamingTheValidValuesAndExitsTwo() {
    int status = worker.execute("--table", "PetTracker", "--initial-position", "oldest");

    assertThat(status).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "Invalid value for option '--initial-position': expected one of trim-horizon, latest,"
                + " but was 'oldest'"
                + System.lineSeparator());
  }

  @Test
  void withoutATableItSaysHowToNameOneAndExitsTwo() {
    // A blank --table stands for a missing one, whatever TABLE_NAME holds where this runs.
    int status = worker.execute("--table", " ");

    assertThat(status).isEqualTo(2);
    assertThat(err())
        .isEqualTo(
            "Missing the table: pass --table NAME or set TABLE_NAME to the PetTracker table"
                + System.lineSeparator());
  }

  @Test
  void positionsAreReadInAnyCaseWithDashesOrUnderscores() {
    worker.parseArgs("--table", "T", "--initial-position", "TRIM_HORIZON");
    assertThat(worker.<PetTrackerKclWorker.Arguments>getCommand().initialPosition)
        .isEqualTo(InitialPosition.TRIM_HORIZON);

    worker.parseArgs("--table", "T", "--initial-position", "Latest");
    assertThat(worker.<PetTrackerKclWorker.Arguments>getCommand().initialPosition)
        .isEqualTo(InitialPosition.LATEST);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
