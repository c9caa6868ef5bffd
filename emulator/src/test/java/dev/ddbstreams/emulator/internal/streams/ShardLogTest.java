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

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ShardLogTest {

  private static ShardLog.Entry entry(long sequence, long created) {
    return new ShardLog.Entry(sequence, created, "{}", 2);
  }

  @Test
  void aViewKeepsItsWindowWhileTheWriterGoesOn() {
    ShardLog log = new ShardLog();
    for (int i = 0; i < 10; i++) {
      log.append(entry(100 + i, i));
    }
    ShardLog.View before = log.view();

    for (int i = 10; i < 100; i++) {
      log.append(entry(100 + i, i));
    }
    log.dropBefore(95);

    assertThat(before.start()).isZero();
    assertThat(before.end()).isEqualTo(10);
    assertThat(before.get(3).sequence()).isEqualTo(103);
    ShardLog.View after = log.view();
    assertThat(after.start()).isEqualTo(95);
    assertThat(after.end()).isEqualTo(100);
    assertThat(after.get(95).sequence()).isEqualTo(195);
    assertThat(after.sequenceBefore(95)).as("the last dropped record").isEqualTo(194);
  }

  @Test
  void findsByCreationTimeAndBySequenceNumber() {
    ShardLog log = new ShardLog();
    log.append(entry(10, 1_000));
    log.append(entry(20, 1_000));
    log.append(entry(30, 2_000));
    ShardLog.View view = log.view();

    assertThat(view.firstCreatedAfter(999)).isZero();
    assertThat(view.firstCreatedAfter(1_000)).isEqualTo(2);
    assertThat(view.firstCreatedAfter(2_000)).isEqualTo(3);
    assertThat(view.firstWithSequenceAtLeast(0, 20)).isEqualTo(1);
    assertThat(view.firstWithSequenceAtLeast(0, 21)).isEqualTo(2);
    assertThat(view.firstWithSequenceAtLeast(0, 31)).isEqualTo(3);
    assertThat(view.sequenceBefore(0)).as("nothing before the first").isEqualTo(-1);
  }

  @Test
  void droppingEverythingLeavesAnEmptyLogThatStillAppends() {
    ShardLog log = new ShardLog();
    for (int i = 0; i < 40; i++) {
      log.append(entry(i, i));
    }
    log.dropBefore(1_000);
    log.append(entry(40, 40));

    ShardLog.View view = log.view();
    assertThat(view.start()).isEqualTo(40);
    assertThat(view.end()).isEqualTo(41);
    assertThat(view.get(40).sequence()).isEqualTo(40);
  }

  /** Readers run against one writer that appends and drops; every view must be gap-free. */
  @Test
  void readersSeeEveryRecordOfTheirWindowWhileTheWriterAppendsAndDrops() throws Exception {
    ShardLog log = new ShardLog();
    int records = 200_000;
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(2);
    List<Future<Long>> checks = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      checks.add(
          readers.submit(
              () -> {
                long views = 0;
                while (!done.get()) {
                  ShardLog.View view = log.view();
                  for (long i = view.start(); i < view.end(); i++) {
                    if (view.get(i).sequence() != i) {
                      throw new AssertionError("index " + i + " holds " + view.get(i));
                    }
                  }
                  views++;
                }
                return views;
              }));
    }
    for (int i = 0; i < records; i++) {
      log.append(entry(i, i));
      if (i % 1_000 == 999) {
        log.dropBefore(i - 500);
      }
    }
    done.set(true);
    readers.shutdown();
    assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    for (Future<Long> check : checks) {
      assertThat(check.get()).isPositive();
    }
    assertThat(log.end()).isEqualTo(records);
  }
}
