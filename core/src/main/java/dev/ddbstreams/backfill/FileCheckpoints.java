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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link BackfillCheckpoints#inFile(Path)}: every backfill's checkpoints in one JSON file.
 *
 * <pre>{@code
 * {"backfills": {"search-v2": {"3": {"totalSegments": 8, "items": 1200, "done": false,
 *                                    "lastEvaluatedKey": {"PK": {"S": "USER#u7"}}}}}}
 * }</pre>
 *
 * <p>Every read and write holds a lock on a file beside it ({@code NAME.lock}), so processes on one
 * machine can share the file; a write re-reads the file, changes one segment, and moves a new file
 * into place, so a crash leaves the old file or the new one, never half of one. Thread-safe:
 * threads of this JVM queue on one lock per file, since a file lock is held by the whole process.
 */
final class FileCheckpoints implements BackfillCheckpoints {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private final Path lockFile;

  FileCheckpoints(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
  }

  @Override
  public Map<Integer, SegmentCheckpoint> load(String backfill) {
    return locked(
        () -> {
          Map<Integer, SegmentCheckpoint> segments = new TreeMap<>();
          JsonNode saved = read().path("backfills").path(backfill);
          for (Map.Entry<String, JsonNode> e : saved.properties()) {
            segments.put(Integer.parseInt(e.getKey()), checkpoint(e.getKey(), e.getValue()));
          }
          return segments;
        });
  }

  @Override
  public void save(String backfill, SegmentCheckpoint checkpoint) {
    locked(
        () -> {
          ObjectNode root = read();
          ObjectNode segment =
              root.withObjectProperty("backfills")
                  .withObjectProperty(backfill)
                  .putObject(Integer.toString(checkpoint.segment()));
          segment.put("totalSegments", checkpoint.totalSegments());
          segment.put("items", checkpoint.items());
          segment.put("done", checkpoint.done());
          if (!checkpoint.lastEvaluatedKey().isEmpty()) {
            segment.set("lastEvaluatedKey", KeyJson.write(checkpoint.lastEvaluatedKey()));
          }
          write(root);
          return null;
        });
  }

  private SegmentCheckpoint checkpoint(String segment, JsonNode node) {
    try {
      return new SegmentCheckpoint(
          Integer.parseInt(segment),
          node.required("totalSegments").asInt(),
          node.has("lastEvaluatedKey") ? KeyJson.read(node.get("lastEvaluatedKey")) : Map.of(),
          node.required("items").asLong(),
          node.required("done").asBoolean());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Checkpoint file " + file + " has an invalid entry for segment " + segment, e);
    }
  }

  private <T> T locked(Supplier<T> action) {
    ReentrantLock inProcess = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    inProcess.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          return action.get();
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot use the checkpoint file " + file, e);
    } finally {
      inProcess.unlock();
    }
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (root == null || root.isMissingNode()) {
        return JSON.createObjectNode();
      }
      if (!root.isObject()) {
        throw new IllegalStateException("Checkpoint file " + file + " does not hold an object");
      }
      return (ObjectNode) root;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the checkpoint file " + file, e);
    }
  }

  private void write(ObjectNode root) {
    try {
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the checkpoint file " + file, e);
    }
  }

  @Override
  public String toString() {
    return "BackfillCheckpoints.inFile(" + file + ")";
  }
}
