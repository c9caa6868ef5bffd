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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class FileCheckpointsTest {
  @TempDir Path dir;

  private static final Map<String, AttributeValue> KEY =
      Map.of(
          "PK", AttributeValue.fromS("USER#ü1"),
          "SK", AttributeValue.fromN("42"),
          "bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, -1})));

  @Test
  void savesAndLoadsEverySegmentOfABackfill() {
    Path file = dir.resolve("nested/checkpoints.json");
    BackfillCheckpoints store = BackfillCheckpoints.inFile(file);

    store.save("search-v2", new SegmentCheckpoint(3, 8, KEY, 120, false));
    store.save("search-v2", new SegmentCheckpoint(5, 8, Map.of(), 80, true));
    store.save("other", SegmentCheckpoint.start(0, 1));

    Map<Integer, SegmentCheckpoint> loaded = BackfillCheckpoints.inFile(file).load("search-v2");
    assertThat(loaded).containsOnlyKeys(3, 5);
    assertThat(loaded.get(3)).isEqualTo(new SegmentCheckpoint(3, 8, KEY, 120, false));
    assertThat(loaded.get(5).done()).isTrue();
    assertThat(store.load("nobody")).isEmpty();
  }

  @Test
  void aLaterSaveReplacesTheSegmentsCheckpoint() {
    BackfillCheckpoints store = BackfillCheckpoints.inFile(dir.resolve("c.json"));
    store.save("b", new SegmentCheckpoint(0, 2, KEY, 10, false));
    store.save("b", new SegmentCheckpoint(0, 2, Map.of(), 20, true));

    assertThat(store.load("b").get(0)).isEqualTo(new SegmentCheckpoint(0, 2, Map.of(), 20, true));
  }

  @Test
  void storesOfOneFileInOneProcessKeepEachOthersSegments() throws Exception {
    Path file = dir.resolve("shared.json");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> saves = new ArrayList<>();
      for (int s = 0; s < 16; s++) {
        int segment = s;
        // A store per segment, as separate workers would have.
        BackfillCheckpoints store = BackfillCheckpoints.inFile(file);
        saves.add(
            pool.submit(
                () -> {
                  for (int items = 1; items <= 5; items++) {
                    store.save("b", new SegmentCheckpoint(segment, 16, KEY, items, false));
                  }
                }));
      }
      for (Future<?> f : saves) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(BackfillCheckpoints.inFile(file).load("b"))
        .hasSize(16)
        .allSatisfy((segment, checkpoint) -> assertThat(checkpoint.items()).isEqualTo(5));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("shared.json", "shared.json.lock");
    }
  }

  @Test
  void describesCheckpointsWithoutKeyValues() {
    assertThat(new SegmentCheckpoint(3, 8, KEY, 120, false).toString())
        .isEqualTo("SegmentCheckpoint{segment 3 of 8, items=120, in progress}");
  }
}
