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

import dev.ddbstreams.StreamRouter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * The redrive command line: reads on-failure messages from a file or standard input, reads their
 * records back from the stream, and runs them through the router of a Lambda function class, the
 * same handlers with the same configuration (environment variables) as the deployed function.
 *
 * <pre>{@code
 * aws sqs receive-message --queue-url $DLQ --max-number-of-messages 10 > failed.json
 * java -cp function.jar:picocli.jar dev.ddbstreams.lambda.RedriveCommand \
 *     --function com.example.PetLambda failed.json
 * }</pre>
 *
 * <p>Prints one line per batch and a summary. Exit codes: 0 every record of every batch was read
 * back and finished; 1 a record failed again (or the stream could not be read); 2 a bad argument or
 * message, reported on one line; 3 some records were no longer in the stream (each such range is
 * printed) and the rest were finished. Needs {@code info.picocli:picocli} on the class path.
 */
@Command(
    name = "ddbstreams-redrive",
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Reads the on-failure messages of a DynamoDB stream's Lambda event source mapping (SQS or SNS"
          + " messages, or the invocation records in them), reads the records of each batch back"
          + " from the stream, and runs them through the router of a Lambda function class.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every record was read back and finished",
      "1:a record failed again, or the stream could not be read",
      "2:a bad argument or message",
      "3:some records were no longer in the stream (printed); the rest were finished"
    })
public final class RedriveCommand implements Callable<Integer> {
  /** Exit code: some records were no longer in the stream. */
  static final int GAPS = 3;

  private final PrintStream out;
  private final InputStream in;
  private final BiFunction<@Nullable URI, @Nullable String, DynamoDbStreamsClient> clients;

  @Option(
      names = "--function",
      required = true,
      paramLabel = "CLASS",
      description =
          "The function class, a DynamoDbStreamLambda or FastDynamoDbStreamLambda with a public"
              + " no-argument constructor, as the Lambda runtime makes it; its router runs the"
              + " records.")
  @Nullable String function;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The messages: one or more, as JSON. Default (or -): standard input.")
  @Nullable String file;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "The stream's region. Default: from the environment, as the AWS CLI does.")
  @Nullable String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "A DynamoDB Streams endpoint, such as a local emulator's.")
  @Nullable URI endpoint;

  @Option(
      names = "--dry-run",
      description = "Reads the records back and reports them, without running the router.")
  boolean dryRun;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Prints this help and exits.")
  boolean help;

  RedriveCommand(
      PrintStream out,
      InputStream in,
      BiFunction<@Nullable URI, @Nullable String, DynamoDbStreamsClient> clients) {
    this.out = out;
    this.in = in;
    this.clients = clients;
  }

  /**
   * Runs the command and exits with its code.
   *
   * @param args the arguments; {@code --help} lists them
   */
  public static void main(String[] args) {
    System.exit(
        commandLine(System.out, System.err, System.in, RedriveCommand::client).execute(args));
  }

  /**
   * The command line: {@code execute(args)} runs the command and returns the exit code.
   *
   * @param out where results and {@code --help} go
   * @param err where a bad argument is reported, on one line
   * @param in standard input
   * @param clients makes the streams client from {@code --endpoint-url} and {@code --region}
   * @return the command line
   */
  static CommandLine commandLine(
      PrintStream out,
      PrintStream err,
      InputStream in,
      BiFunction<@Nullable URI, @Nullable String, DynamoDbStreamsClient> clients) {
    CommandLine line = new CommandLine(new RedriveCommand(out, in, clients));
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    line.setParameterExceptionHandler(
        (e, args) -> {
          e.getCommandLine().getErr().println(e.getMessage());
          return CommandLine.ExitCode.USAGE;
        });
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof BadInput || e instanceof OnFailureMessageException) {
            cmd.getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
          }
          cmd.getErr().println("Redrive failed: " + e);
          return CommandLine.ExitCode.SOFTWARE;
        });
    return line;
  }

  private static DynamoDbStreamsClient client(@Nullable URI endpoint, @Nullable String region) {
    DynamoDbStreamsClientBuilder builder = DynamoDbStreamsClient.builder();
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (region != null) {
      builder.region(Region.of(region));
    }
    return builder.build();
  }

  /** A bad argument found while running: reported on one line, exit code 2. */
  private static final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInput(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() {
    List<FailedBatch> batches = read();
    StreamRouter router = dryRun ? null : router();
    try (DynamoDbStreamsClient streams = clients.apply(endpoint, region)) {
      StreamRedrive.Builder redrive = StreamRedrive.builder().streams(streams);
      if (router != null) {
        redrive.router(router);
      }
      StreamRedrive running = redrive.build();
      List<RedriveResult> results = new ArrayList<>();
      for (FailedBatch batch : batches) {
        RedriveResult result = running.redrive(batch);
        results.add(result);
        out.println(result);
      }
      return summary(results);
    }
  }

  private int summary(List<RedriveResult> results) {
    long failed = results.stream().filter(RedriveResult::failedAgain).count();
    long gaps = results.stream().filter(r -> !r.gaps().isEmpty()).count();
    int read = results.stream().mapToInt(RedriveResult::recordsRead).sum();
    out.printf(
        "%d batches, %d records read back%s; %d failed again; %d with records no longer in the"
            + " stream%n",
        results.size(), read, dryRun ? " (dry run: not run)" : "", failed, gaps);
    if (failed > 0) {
      return CommandLine.ExitCode.SOFTWARE;
    }
    return gaps > 0 ? GAPS : CommandLine.ExitCode.OK;
  }

  private List<FailedBatch> read() {
    try (Reader reader =
        file == null || file.equals("-")
            ? new InputStreamReader(in, StandardCharsets.UTF_8)
            : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      return OnFailureMessages.parse(reader);
    } catch (NoSuchFileException e) {
      throw new BadInput("No such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private StreamRouter router() {
    Object instance;
    try {
      Class<?> type = Class.forName(function);
      instance = type.getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new BadInput("--function: no class " + function + " on the class path");
    } catch (ReflectiveOperationException | LinkageError e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new BadInput(
          "--function: cannot make a "
              + function
              + " with its public no-argument constructor: "
              + cause);
    }
    if (instance instanceof FastDynamoDbStreamLambda fast) {
      return fast.router();
    }
    if (instance instanceof DynamoDbStreamLambda plain) {
      return plain.router();
    }
    throw new BadInput(
        "--function: "
            + function
            + " is neither a DynamoDbStreamLambda nor a FastDynamoDbStreamLambda");
  }
}
