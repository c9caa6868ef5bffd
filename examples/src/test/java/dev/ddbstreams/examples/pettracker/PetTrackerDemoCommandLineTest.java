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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The demo's command line answers like a tool: usage on --help, one line and exit 2 on bad input.
 */
class PetTrackerDemoCommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final CommandLine demo =
      PetTrackerDemo.commandLine(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void helpPrintsTheModesSizesAndSeedAndRunsNothing() {
    int status = demo.execute("--help");

    assertThat(status).isZero();
    assertThat(err()).isEmpty();
    assertThat(out().replaceAll("\\s+", " ")) // as read, whatever the line breaks
        .startsWith("Usage: pettracker-demo")
        .contains("--mode=MODE", "kcl, lambda, direct", "Default: kcl")
        .contains("--records=N", "1 to 100000", "Default: 2000")
        .contains("--seed=S", "Default: 42")
        .contains("--batch-size=B", "1 to 10000", "Default: 100")
        .contains("Exit codes:")
        .doesNotContain("DynamoDB emulator started"); // the demo did not run
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--mode|bogus|Invalid value for option '--mode': expected one of kcl, lambda, direct,"
            + " but was 'bogus'",
        "--records|abc|Invalid value for option '--records': expected a whole number from 1 to"
            + " 100000, but was 'abc'",
        "--records|-5|Invalid value for option '--records': expected a whole number from 1 to"
            + " 100000, but was '-5'",
        "--records|0|Invalid value for option '--records': expected a whole number from 1 to"
            + " 100000, but was '0'",
        "--batch-size|20000|Invalid value for option '--batch-size': expected a whole number from"
            + " 1 to 10000, but was '20000'",
        "--seed|x7|Invalid value for option '--seed': expected a whole number from"
            + " -9223372036854775808 to 9223372036854775807, but was 'x7'"
      })
  void aBadValueIsOneLineNamingTheValidValuesAndExitsTwo(
      String option, String value, String message) {
    int status = demo.execute(option, value);

    assertThat(status).isEqualTo(2);
    assertThat(err()).isEqualTo(message + System.lineSeparator());
    assertThat(out()).isEmpty();
  }

  @Test
  void anUnknownOptionIsOneLineAndExitsTwo() {
    int status = demo.execute("--recrods", "5");

    assertThat(status).isEqualTo(2);
    assertThat(err().lines()).hasSize(1).first().asString().startsWith("Unknown option");
  }

  @Test
  void validValuesReachTheDemoInAnyCase() {
    demo.parseArgs("--mode", "LAMBDA", "--records", "5000", "--seed", "-7", "--batch-size", "10");
    PetTrackerDemo.Arguments arguments = demo.getCommand();

    assertThat(arguments.mode).isEqualTo(Mode.LAMBDA);
    assertThat(arguments.records).isEqualTo(5000);
    assertThat(arguments.seed).isEqualTo(-7);
    assertThat(arguments.batchSize).isEqualTo(10);
  }

  @Test
  void withoutArgumentsTheDefaultsAreThoseTheHelpShows() {
    demo.parseArgs();
    PetTrackerDemo.Arguments arguments = demo.getCommand();

    assertThat(arguments.mode).isEqualTo(Mode.KCL);
    assertThat(arguments.records).isEqualTo(2000);
    assertThat(arguments.seed).isEqualTo(42);
    assertThat(arguments.batchSize).isEqualTo(100);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
