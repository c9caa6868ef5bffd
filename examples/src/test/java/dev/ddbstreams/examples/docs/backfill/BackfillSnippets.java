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
package dev.ddbstreams.examples.docs.backfill;

import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.backfill.BackfillCheckpoints;
import dev.ddbstreams.backfill.BackfillReport;
import dev.ddbstreams.backfill.SegmentCheckpoint;
import dev.ddbstreams.backfill.SnapshotRecords;
import dev.ddbstreams.backfill.TableBackfill;
import dev.ddbstreams.lambda.FailedBatch;
import dev.ddbstreams.lambda.OnFailureMessages;
import dev.ddbstreams.lambda.RedriveResult;
import dev.ddbstreams.lambda.StreamRedrive;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** docs/backfill.md. */
final class BackfillSnippets {
  private BackfillSnippets() {}

  static BackfillReport run(DynamoDbClient dynamo, StreamRouter router) {
    // tag::run[]
    TableBackfill backfill =
        TableBackfill.builder()
            .client(dynamo)
            .tableName("PetTracker")
            .router(router) // the stream consumer's router, or one built the same way
            .name("replica-2026-05") // keys checkpoints and snapshot event IDs
            .totalSegments(16) // a parallel scan in 16 segments
            .parallelism(4) // 4 segments at a time
            .pageSize(100) // items per scan page = per router batch = per checkpoint
            .readCapacityPerSecond(200) // read capacity units per second, all segments together
            .checkpoints(BackfillCheckpoints.inFile(Path.of("replica-2026-05.json")))
            .progress(Duration.ofSeconds(10), progress -> System.out.println(progress))
            .build();
    BackfillReport report = backfill.run(); // resumes where an earlier run stopped
    if (!report.isComplete()) {
      System.out.println("run again for segments " + report.segmentsNotDone());
    }
    // end::run[]
    return report;
  }

  static void stopOnShutdown(TableBackfill backfill) {
    // tag::stop[]
    Runtime.getRuntime().addShutdownHook(new Thread(backfill::stop)); // finish the pages, save
    // end::stop[]
  }

  static BackfillReport worker(DynamoDbClient dynamo, StreamRouter router) {
    // tag::worker[]
    int index = Integer.parseInt(System.getenv("AWS_BATCH_JOB_ARRAY_INDEX")); // 0, 1, 2, ...
    int workers = Integer.parseInt(System.getenv("WORKERS"));
    BackfillReport report =
        TableBackfill.builder()
            .client(dynamo)
            .tableName("PetTracker")
            .router(router)
            .name("search-v2")
            .totalSegments(64) // the same in every worker
            .worker(index, workers) // or .segments(0, 7) for segments 0-7
            .readCapacityPerSecond(400.0 / workers) // each worker its part of the budget
            .checkpoints(BackfillCheckpoints.inTable(dynamo, "backfill-checkpoints"))
            .build()
            .run();
    // end::worker[]
    return report;
  }

  static long fleetProgress(DynamoDbClient dynamo) {
    // tag::fleet[]
    BackfillCheckpoints.createTable(dynamo, "backfill-checkpoints"); // once, before the workers
    Map<Integer, SegmentCheckpoint> segments =
        BackfillCheckpoints.inTable(dynamo, "backfill-checkpoints").load("search-v2");
    long done = segments.values().stream().filter(SegmentCheckpoint::done).count();
    // end::fleet[]
    return done;
  }

  static int purge(TableBackfill backfill, DynamoDbClient replica) {
    // tag::purge[]
    BackfillReport report = backfill.run();
    if (report.isComplete()) { // no snapshot will come any more: the tombstones can go
      PetViews.GUARD.purgeTombstones(replica, "PetsReplica");
    }
    // end::purge[]
    return report.segmentsDone().size();
  }

  // tag::memory[]
  static final class CacheView {
    // per key: the sequence number last applied ("" for a snapshot), deletes included
    final Map<String, String> applied = new ConcurrentHashMap<>();
    final Map<String, Map<String, AttributeValue>> cache = new ConcurrentHashMap<>();

    void apply(String key, StreamRecord<?> change) {
      SequenceNumber sequence = change.isSnapshot() ? null : change.sequenceNumber();
      applied.compute(
          key,
          (k, held) -> {
            if (!SequenceGuard.appliesOver(held, sequence)) {
              return held; // an older change, or a snapshot after a stream change
            }
            change
                .rawNewImage()
                .ifPresentOrElse(image -> cache.put(k, image), () -> cache.remove(k));
            return sequence == null ? "" : sequence.toString();
          });
    }
  }

  // end::memory[]

  static void fromExport(StreamRouter router, List<Map<String, AttributeValue>> exportedItems) {
    // tag::export[]
    for (Map<String, AttributeValue> item : exportedItems) { // from an export to S3, a backup, ...
      router.process(List.of(SnapshotRecords.of("search-v2", item, List.of("PK", "SK"))));
    }
    // end::export[]
  }

  static void redrive(DynamoDbStreamsClient streams, StreamRouter router, Reader messages) {
    // tag::redrive[]
    StreamRedrive redrive =
        StreamRedrive.builder()
            .streams(streams)
            .router(router) // the function's router, with its idempotency store
            .build();
    for (FailedBatch batch : OnFailureMessages.parse(messages)) { // SQS/SNS messages, as JSON
      RedriveResult result = redrive.redrive(batch);
      System.out.println(result); // records read back, outcomes, and what the stream no longer has
      result.gaps().forEach(gap -> System.out.println("lost: " + gap));
    }
    // end::redrive[]
  }
}
