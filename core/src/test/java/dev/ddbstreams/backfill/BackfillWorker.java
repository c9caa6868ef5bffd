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
package dev.ddbstreams.backfill;

import dev.ddbstreams.StreamRouter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A backfill worker in its own JVM, for the tests that kill a backfill or share one between
 * processes: it copies a table into a view table through a {@link TableBackfill} and prints the
 * report. Options: {@code --endpoint URL --region R --table T --view V --name N --total S} and
 * {@code --segments A-B} or {@code --worker I/N}, {@code --checkpoints file:PATH|table:NAME},
 * {@code --delay-ms D} (per item, to make a run last).
 */
public final class BackfillWorker {
  private BackfillWorker() {}

  /**
   * Runs the worker; exits 0 if its segments are all done, 1 if not.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(options.get("--endpoint")))
            .region(Region.of(options.get("--region")))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build()) {
      Duration delay = Duration.ofMillis(Long.parseLong(options.getOrDefault("--delay-ms", "0")));
      StreamRouter router =
          StreamRouter.builder()
              .handlers(new ViewWriter(dynamo, options.get("--view"), delay))
              .build();
      TableBackfill.Builder backfill =
          TableBackfill.builder()
              .client(dynamo)
              .tableName(options.get("--table"))
              .router(router)
              .name(options.get("--name"))
              .totalSegments(Integer.parseInt(options.get("--total")))
              .parallelism(2)
              .pageSize(20)
              .checkpoints(checkpoints(dynamo, options.get("--checkpoints")));
      if (options.containsKey("--segments")) {
        String[] range = options.get("--segments").split("-");
        backfill.segments(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
      }
      if (options.containsKey("--worker")) {
        String[] worker = options.get("--worker").split("/");
        backfill.worker(Integer.parseInt(worker[0]), Integer.parseInt(worker[1]));
      }
      BackfillReport report = backfill.build().run();
      System.out.println(report);
      System.exit(report.isComplete() ? 0 : 1);
    }
  }

  private static BackfillCheckpoints checkpoints(DynamoDbClient dynamo, String spec) {
    if (spec.startsWith("file:")) {
      return BackfillCheckpoints.inFile(Path.of(spec.substring("file:".length())));
    }
    return BackfillCheckpoints.inTable(dynamo, spec.substring("table:".length()));
  }
}
