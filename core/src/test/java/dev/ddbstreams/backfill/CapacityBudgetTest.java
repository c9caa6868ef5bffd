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
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;

class CapacityBudgetTest {
  private final FakeTime time = new FakeTime();

  /**
   * Reads pages of the given cost through the budget, as a segment does; returns the time taken.
   */
  private Duration read(CapacityBudget budget, int pages, double cost) {
    long start = time.nanoTime();
    for (int i = 0; i < pages; i++) {
      double reserved;
      while ((reserved = budget.reserve()) < 0) {
        time.sleep(CapacityBudget.waitOf(reserved));
      }
      budget.settle(reserved, cost);
    }
    return Duration.ofNanos(time.nanoTime() - start);
  }

  @Test
  void averagesTheGivenUnitsPerSecond() {
    CapacityBudget budget = CapacityBudget.of(10, time::nanoTime);

    Duration took = read(budget, 100, 5); // 500 units at 10 a second

    // One second's worth may go at once; the rest waits its turn.
    assertThat(took.toMillis() / 1000.0).isCloseTo(49.0, within(1.0));
  }

  @Test
  void pagesCostlierThanASecondsBudgetStillGoThroughAtTheRate() {
    CapacityBudget budget = CapacityBudget.of(4, time::nanoTime);

    Duration took = read(budget, 10, 40);

    assertThat(took.toSeconds()).isBetween(85L, 100L);
  }

  @Test
  void idleTimeSavesUpAtMostOneSecond() {
    CapacityBudget budget = CapacityBudget.of(10, time::nanoTime);
    read(budget, 10, 10);
    time.advance(Duration.ofMinutes(10));

    Duration took = read(budget, 3, 10);

    assertThat(took.toMillis()).isBetween(1_900L, 2_100L);
  }

  @Test
  void unlimitedNeverWaits() {
    CapacityBudget budget = CapacityBudget.of(0, time::nanoTime);

    assertThat(read(budget, 1_000, 128)).isZero();
    assertThat(budget.isLimited()).isFalse();
  }

  @Test
  void threadsSharingTheBudgetTogetherKeepToIt() throws Exception {
    CapacityBudget budget = CapacityBudget.of(2_000, System::nanoTime);
    DoubleAdder spent = new DoubleAdder();
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int page = 0; page < 100; page++) {
                  double reserved;
                  while ((reserved = budget.reserve()) < 0) {
                    try {
                      Sleeper.THREAD.sleep(CapacityBudget.waitOf(reserved));
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                  budget.settle(reserved, 10);
                  spent.add(10);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    // 4,000 units at 2,000 a second, one second's worth up front: at least a second.
    assertThat(spent.sum()).isEqualTo(4_000);
    assertThat(seconds).isGreaterThanOrEqualTo(0.95);
  }
}
