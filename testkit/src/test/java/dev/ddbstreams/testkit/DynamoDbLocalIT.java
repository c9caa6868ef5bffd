package dev.ddbstreams.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DynamoDbLocalIT {

  @Test
  void sharedStartsOneInstanceEvenWhenCalledConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<DynamoDbLocal>> calls =
          IntStream.range(0, 8)
              .<Callable<DynamoDbLocal>>mapToObj(i -> DynamoDbLocal::shared)
              .toList();
      List<Future<DynamoDbLocal>> results = pool.invokeAll(calls);
      for (Future<DynamoDbLocal> result : results) {
        assertThat(result.get()).isSameAs(DynamoDbLocal.shared());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void separateInstancesDoNotSeeEachOthersTables() {
    try (DynamoDbLocal otherRegion = DynamoDbLocal.start()) {
      StreamTable table = StreamTable.builder().create(otherRegion.client());

      assertThat(otherRegion.client().listTables().tableNames()).contains(table.name());
      assertThat(DynamoDbLocal.shared().client().listTables().tableNames())
          .doesNotContain(table.name());
      assertThat(otherRegion.startTime()).isPositive();
    }
  }

  @Test
  void asyncClientReachesTheSameDatabase() throws Exception {
    DynamoDbLocal local = DynamoDbLocal.shared();
    StreamTable table = StreamTable.builder().create(local.client());

    assertThat(local.asyncClient().listTables().get().tableNames()).contains(table.name());
  }

  @Test
  void aClosedInstanceRefusesItsClientsAndClosesOnlyOnce() {
    DynamoDbLocal local = DynamoDbLocal.start();
    local.close();
    local.close();

    assertThatThrownBy(local::client).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(local::streamsClient).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theSharedInstanceRefusesToBeClosed() {
    assertThatThrownBy(() -> DynamoDbLocal.shared().close())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("DynamoDbLocal.start()");
    assertThat(DynamoDbLocal.shared().client().listTables()).isNotNull();
  }
}
