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

import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where a backfill keeps the {@link SegmentCheckpoint} of each segment, so that a backfill that
 * stopped or crashed resumes every segment after its last finished page instead of from the start.
 *
 * <p>Three stores come with the library: {@link #inMemory()} (the default: no resumption after the
 * process ends), {@link #inFile(Path)} (a JSON file, for one machine) and {@link
 * #inTable(DynamoDbClient, String)} (a small DynamoDB table, for several processes or machines
 * sharing a backfill). Implementations must be thread-safe: segments save concurrently.
 *
 * <pre>{@code
 * BackfillCheckpoints.createTable(dynamo, "backfill-checkpoints"); // once
 * BackfillCheckpoints checkpoints = BackfillCheckpoints.inTable(dynamo, "backfill-checkpoints");
 * checkpoints.load("search-v2").values().stream().filter(SegmentCheckpoint::done).count();
 * }</pre>
 */
public interface BackfillCheckpoints {
  /**
   * Reads the checkpoints of every segment of a backfill that has saved one.
   *
   * @param backfill the backfill's name
   * @return segment number to checkpoint; segments that never saved one are absent
   * @throws RuntimeException if the store cannot be read
   */
  Map<Integer, SegmentCheckpoint> load(String backfill);

  /**
   * Saves a segment's checkpoint, replacing the one saved before.
   *
   * @param backfill the backfill's name
   * @param checkpoint the checkpoint
   * @throws RuntimeException if the store cannot be written; the backfill then retries the segment
   *     from its previous checkpoint
   */
  void save(String backfill, SegmentCheckpoint checkpoint);

  /**
   * Returns a store that keeps checkpoints in this process only: a stopped backfill can be run
   * again by the same process, but a crash loses them. Each call returns a new, empty store.
   *
   * @return the store
   */
  static BackfillCheckpoints inMemory() {
    return new MemoryCheckpoints();
  }

  /**
   * Returns a store that keeps checkpoints in a JSON file, written anew (to a temporary file, then
   * moved into place) after every page. Processes on one machine may share the file: a save
   * re-reads it under a file lock and changes only its own segment.
   *
   * @param file the file; created on the first save, with its directory
   * @return the store
   */
  static BackfillCheckpoints inFile(Path file) {
    return new FileCheckpoints(file);
  }

  /**
   * Returns a store that keeps checkpoints in a DynamoDB table with partition key {@code backfill}
   * (S) and sort key {@code segment} (N), one small item per segment. Several processes or machines
   * sharing a backfill ({@link TableBackfill.Builder#segments(int, int)}) see each other's progress
   * there. Create the table with {@link #createTable(DynamoDbClient, String)}.
   *
   * @param client the client
   * @param tableName the table
   * @return the store
   */
  static BackfillCheckpoints inTable(DynamoDbClient client, String tableName) {
    return new TableCheckpoints(client, tableName);
  }

  /**
   * Creates the checkpoint table for {@link #inTable(DynamoDbClient, String)} (on-demand capacity)
   * and waits until it exists.
   *
   * @param client the client
   * @param tableName the table
   */
  static void createTable(DynamoDbClient client, String tableName) {
    TableCheckpoints.create(client, tableName);
  }
}
