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

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.kcl.InitialPosition;
import dev.ddbstreams.kcl.KclStreamConsumer;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The PetTracker stream consumer as a KCL worker, for a fleet that outgrew Lambda: start as many as
 * the stream has shards to share; workers with one application name split the shards through leases
 * and take over each other's when one dies. Each option falls back to an environment variable, so a
 * container needs no arguments: {@code --table} ({@code TABLE_NAME}, the PetTracker table, whose
 * latest stream is read), {@code --application} ({@code APPLICATION_NAME}, the lease table; default
 * {@code pettracker-views}), {@code --topic-arn} ({@code TOPIC_ARN}) and {@code
 * --idempotency-table} ({@code IDEMPOTENCY_TABLE}), as in {@link PetTrackerRouter}.
 *
 * <pre>
 * java -cp app.jar dev.ddbstreams.examples.pettracker.PetTrackerKclWorker --help
 * </pre>
 */
public final class PetTrackerKclWorker {
  private PetTrackerKclWorker() {}

  /**
   * Runs the worker until the process is stopped; a SIGTERM shuts it down gracefully, checkpointing
   * what is done. A bad argument is reported on one line, with exit code 2.
   *
   * @param args the options; {@code --help} lists them
   */
  public static void main(String[] args) {
    System.exit(commandLine(System.out, System.err).execute(args));
  }

  /**
   * The worker's command line: {@code execute(args)} parses the arguments, runs the worker and
   * returns the exit code.
   *
   * @param out where {@code --help} goes
   * @param err where a bad argument is reported, on one line
   * @return the command line
   */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    return CommandLines.of(new Arguments(), out, err);
  }

  /** The worker's options, and the call that runs it with them. */
  @Command(
      name = "pettracker-kcl-worker",
      sortOptions = false,
      usageHelpWidth = 100,
      description = {
        "Consumes the PetTracker table's stream with a KCL worker until stopped. Workers with"
            + " one application name share the stream's shards.",
        ""
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:stopped", "1:the worker failed", "2:a bad argument"})
  static final class Arguments implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--table",
        paramLabel = "NAME",
        defaultValue = "${env:TABLE_NAME}",
        description =
            "The PetTracker table, whose latest stream the worker reads. Default: the"
                + " TABLE_NAME environment variable; one of the two is required.")
    String table;

    @Option(
        names = "--application",
        paramLabel = "NAME",
        defaultValue = "${env:APPLICATION_NAME:-pettracker-views}",
        description =
            "The KCL application: names the lease table that workers share. Default:"
                + " APPLICATION_NAME, or ${DEFAULT-VALUE}.")
    String application;

    @Option(
        names = "--initial-position",
        paramLabel = "POSITION",
        defaultValue = "trim-horizon",
        converter = Positions.class,
        completionCandidates = Positions.class,
        description =
            "Where a shard without a checkpoint is read from: ${COMPLETION-CANDIDATES}."
                + " Default: ${DEFAULT-VALUE}.")
    InitialPosition initialPosition;

    @Option(
        names = "--topic-arn",
        paramLabel = "ARN",
        defaultValue = "${env:TOPIC_ARN}",
        description =
            "SNS topic for notifications; without it they are only logged. Default: TOPIC_ARN.")
    String topicArn;

    @Option(
        names = "--idempotency-table",
        paramLabel = "NAME",
        defaultValue = "${env:IDEMPOTENCY_TABLE}",
        description =
            "The idempotency table; without it redelivered records run their handlers again."
                + " Default: IDEMPOTENCY_TABLE.")
    String idempotencyTable;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "Prints this help and exits.")
    boolean help;

    /** The router's settings, by the names of the environment variables they replace. */
    Map<String, String> settings() {
      if (table == null || table.isBlank()) {
        throw new ParameterException(
            spec.commandLine(),
            "Missing the table: pass --table NAME or set TABLE_NAME to the PetTracker table");
      }
      Map<String, String> settings = new HashMap<>();
      settings.put("TABLE_NAME", table);
      if (topicArn != null) {
        settings.put("TOPIC_ARN", topicArn);
      }
      if (idempotencyTable != null) {
        settings.put("IDEMPOTENCY_TABLE", idempotencyTable);
      }
      return settings;
    }

    @Override
    public Integer call() {
      StreamRouter router = PetTrackerRouter.fromSettings(settings()::get);
      KclStreamConsumer consumer =
          KclStreamConsumer.builder()
              .tableName(table)
              .applicationName(application)
              .initialPosition(initialPosition)
              .router(router)
              .build();
      Runtime.getRuntime().addShutdownHook(new Thread(consumer::close, "pettracker-shutdown"));
      consumer.run();
      return 0;
    }
  }

  /** {@code --initial-position}: {@code trim-horizon} or {@code latest}. */
  static final class Positions extends CommandLines.Choice<InitialPosition> {
    Positions() {
      super(InitialPosition.class);
    }
  }
}
