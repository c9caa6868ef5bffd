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
package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.ManualClock;
import dev.ddbstreams.testkit.lambda.internal.GivenUpBatch;
import dev.ddbstreams.testkit.lambda.internal.OnFailureMessageWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The redrive command line on real on-failure messages from a local event source mapping. */
class RedriveCommandIT {
  private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-03-01T08:00:00Z"));
  private static final String FUNCTION = RedriveTestFunction.class.getName();

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient ddb;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> endpoints = new ArrayList<>();

  @BeforeAll
  static void start() {
    emulator = DynamoDbEmulator.builder().clock(CLOCK).ttlSweepInterval(Duration.ZERO).start();
    ddb = emulator.client();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private int run(String stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return RedriveCommand.commandLine(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            in,
            (URI endpoint, String region) -> {
              endpoints.add(endpoint + " " + region);
              return emulator
                  .streamsClientBuilder()
                  .endpointOverride(endpoint)
                  .region(Region.of(region))
                  .build();
            })
        .execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String[] emulatorArgs(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--function",
                FUNCTION,
                "--endpoint-url",
                emulator.endpoint().toString(),
                "--region",
                emulator.region().id()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** On-failure messages for a batch given up at PET#4, as `aws sqs receive-message` prints. */
  private static String givenUp(String table) {
    String arn = LocalTables.createStreamTable(ddb, table);
    RedriveFixtures.writePets(ddb, table, 10);
    List<String> messages =
        RedriveFixtures.onFailureMessages(
            emulator.streamsClient(), arn, new RedriveFixtures.Recording(Set.of("PET#4")));
    StringBuilder sqs = new StringBuilder("{\"Messages\": [");
    for (int i = 0; i < messages.size(); i++) {
      sqs.append(i == 0 ? "" : ", ")
          .append("{\"MessageId\": \"m")
          .append(i)
          .append("\", \"Body\": ")
          .append(TextNode.valueOf(messages.get(i)))
          .append('}');
    }
    return sqs.append("]}").toString();
  }

  @Test
  void redrivesTheMessagesOfAFileThroughTheFunctionsRouter() throws Exception {
    Path file = dir.resolve("failed.json");
    Files.writeString(file, givenUp("FromFile"));
    RedriveTestFunction.broken = Set.of();

    int code = run("", emulatorArgs(file.toString()));

    assertThat(code).as(err()).isZero();
    assertThat(RedriveTestFunction.handled())
        .containsExactly("PET#4", "PET#5", "PET#6", "PET#7", "PET#8", "PET#9");
    assertThat(out())
        .contains("6 of 6 records read back; handled 6")
        .contains("1 batches, 6 records read back; 0 failed again; 0 with records no longer");
    assertThat(endpoints).containsExactly(emulator.endpoint() + " " + emulator.region().id());
  }

  @Test
  void aRecordThatFailsAgainExitsWithOne() {
    String messages = givenUp("StillBroken");
    RedriveTestFunction.broken = Set.of("PET#6");

    int code = run(messages, emulatorArgs("-"));

    assertThat(code).isEqualTo(1);
    assertThat(RedriveTestFunction.handled()).containsExactly("PET#4", "PET#5");
    assertThat(out()).contains("failed 1, not run 3").contains("1 failed again");
  }

  @Test
  void trimmedRecordsArePrintedAndExitWithThree() {
    String messages = givenUp("Trimmed");
    CLOCK.advance(Duration.ofHours(25));
    RedriveTestFunction.broken = Set.of();

    int code = run(messages, emulatorArgs());

    assertThat(code).isEqualTo(RedriveCommand.GAPS);
    assertThat(RedriveTestFunction.handled()).isEmpty();
    assertThat(out()).contains("0 of 6 records read back; NOT read back: TRIMMED [");
  }

  @Test
  void aDryRunReadsWithoutRunningTheFunction() {
    String messages = givenUp("Dry");
    RedriveTestFunction.broken = Set.of();
    RedriveTestFunction.last = new RedriveFixtures.Recording(Set.of());

    int code = run(messages, emulatorArgs("--dry-run"));

    assertThat(code).isZero();
    assertThat(RedriveTestFunction.handled()).isEmpty();
    assertThat(out()).contains("6 of 6 records read back, not run (dry run)");
  }

  @Test
  void printsHelp() {
    assertThat(run("", "--help")).isZero();
    assertThat(out())
        .contains("Usage: ddbstreams-redrive")
        .contains("--function=CLASS")
        .contains("3   some records were no longer in the stream");
  }

  @Test
  void badArgumentsAndMessagesExitWithTwoAndOneLine() {
    record Case(String stdin, String[] args, String message) {}
    List<Case> cases =
        List.of(
            new Case("", new String[] {"x.json"}, "Missing required option: '--function=CLASS'"),
            new Case("", new String[] {"--function", FUNCTION, "nowhere.json"}, "No such file"),
            new Case("oops", new String[] {"--function", FUNCTION}, "document 1 is not JSON"),
            new Case("{\"a\": 1}", new String[] {"--function", FUNCTION}, "document 1 holds no"),
            new Case(
                RedriveCommandIT.sample(),
                new String[] {"--function", "no.such.Function"},
                "--function: no class no.such.Function"),
            new Case(
                RedriveCommandIT.sample(),
                new String[] {"--function", "java.lang.StringBuilder"},
                "--function: java.lang.StringBuilder is neither a DynamoDbStreamLambda nor a"));
    for (Case c : cases) {
      err.reset();
      assertThat(run(c.stdin(), c.args())).as(String.join(" ", c.args())).isEqualTo(2);
      assertThat(err()).startsWith(c.message()).hasLineCount(1);
    }
  }

  private static String sample() {
    return OnFailureMessageWriter.write(
        new GivenUpBatch(
            "arn:aws:dynamodb:us-east-1:000000000000:table/T/stream/2026-03-01T08:00:00.000",
            "shardId-00000001700000000000-00000000",
            "1",
            "2",
            null,
            null,
            2,
            GivenUpBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED,
            2),
        Instant.EPOCH);
  }
}
