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
package dev.ddbstreams.emulator.internal.streams;

import org.jspecify.annotations.Nullable;

/**
 * One shard of a stream: its identity, its place in the shard tree, its sequence number range and
 * its records. Open until {@link #close} is called, which gives it its ending sequence number; no
 * record is appended after that.
 *
 * <p>Changed only under the stream store's lock; read from any thread: the fields that change are
 * volatile, and {@link #closed()} is written after the last append, so a reader that sees a shard
 * closed sees all of its records.
 */
final class Shard {

  private final String id;
  private final @Nullable String parentId;
  private final long startingSequence;
  private final long createdMillis;
  private final ShardLog log = new ShardLog();
  private volatile long endingSequence = -1;
  private volatile long closedMillis = -1;

  Shard(String id, @Nullable String parentId, long startingSequence, long createdMillis) {
    this.id = id;
    this.parentId = parentId;
    this.startingSequence = startingSequence;
    this.createdMillis = createdMillis;
  }

  String id() {
    return id;
  }

  @Nullable String parentId() {
    return parentId;
  }

  long startingSequence() {
    return startingSequence;
  }

  long createdMillis() {
    return createdMillis;
  }

  ShardLog log() {
    return log;
  }

  /** The ending sequence number, -1 while open. */
  long endingSequence() {
    return endingSequence;
  }

  boolean closed() {
    return endingSequence >= 0;
  }

  /** When the shard was closed, -1 while open. */
  long closedMillis() {
    return closedMillis;
  }

  /** Closes the shard. Store lock only. */
  void close(long endingSequence, long nowMillis) {
    this.closedMillis = nowMillis;
    this.endingSequence = endingSequence;
  }

  /**
   * True once the service would have removed the shard: it was closed at least {@code
   * retentionMillis} ago, so every record it had is past retention too.
   */
  boolean expired(long nowMillis, long retentionMillis) {
    long closedAt = closedMillis;
    return endingSequence >= 0 && closedAt >= 0 && nowMillis - closedAt >= retentionMillis;
  }
}
