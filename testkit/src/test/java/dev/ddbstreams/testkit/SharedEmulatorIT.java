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
package dev.ddbstreams.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedEmulatorIT {

  @Test
  void sharedStartsOneInstanceEvenWhenCalledConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<DynamoDbEmulator>> calls =
          IntStream.range(0, 8)
              .<Callable<DynamoDbEmulator>>mapToObj(i -> DynamoDbEmulator::shared)
              .toList();
      List<Future<DynamoDbEmulator>> results = pool.invokeAll(calls);
      for (Future<DynamoDbEmulator> result : results) {
        assertThat(result.get()).isSameAs(DynamoDbEmulator.shared());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void separateInstancesDoNotSeeEachOthersTables() {
    try (DynamoDbEmulator otherRegion = DynamoDbEmulator.start()) {
      StreamTable table = StreamTable.builder().create(otherRegion.client());

      assertThat(otherRegion.client().listTables().tableNames()).contains(table.name());
      assertThat(DynamoDbEmulator.shared().client().listTables().tableNames())
          .doesNotContain(table.name());
      assertThat(otherRegion.startTime()).isPositive();
    }
  }

  @Test
  void asyncClientReachesTheSameDatabase() throws Exception {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().create(local.client());

    assertThat(local.asyncClient().listTables().get().tableNames()).contains(table.name());
  }

  @Test
  void aClosedInstanceRefusesItsClientsAndClosesOnlyOnce() {
    DynamoDbEmulator local = DynamoDbEmulator.start();
    local.close();
    local.close();

    assertThatThrownBy(local::client).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(local::streamsClient).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSharedInstanceRefusesToBeClosed() {
    assertThatThrownBy(() -> DynamoDbEmulator.shared().close())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("DynamoDbEmulator.start()");
    assertThat(DynamoDbEmulator.shared().client().listTables()).isNotNull();
  }
}
