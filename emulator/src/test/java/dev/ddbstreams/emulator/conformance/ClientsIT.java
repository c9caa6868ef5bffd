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
package dev.ddbstreams.emulator.conformance;

import static dev.ddbstreams.emulator.conformance.Conformance.createTable;
import static dev.ddbstreams.emulator.conformance.Conformance.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;

/** The enhanced and asynchronous SDK clients against the emulator. */
class ClientsIT {

  /** A bean as the enhanced client maps it. */
  @DynamoDbBean
  public static class Order {
    private String customer;
    private String orderId;
    private Long total;
    private List<String> lines;

    @DynamoDbPartitionKey
    public String getCustomer() {
      return customer;
    }

    public void setCustomer(String customer) {
      this.customer = customer;
    }

    @DynamoDbSortKey
    public String getOrderId() {
      return orderId;
    }

    public void setOrderId(String orderId) {
      this.orderId = orderId;
    }

    public Long getTotal() {
      return total;
    }

    public void setTotal(Long total) {
      this.total = total;
    }

    public List<String> getLines() {
      return lines;
    }

    public void setLines(List<String> lines) {
      this.lines = lines;
    }
  }

  private static Order order(String customer, String id, long total) {
    Order o = new Order();
    o.setCustomer(customer);
    o.setOrderId(id);
    o.setTotal(total);
    o.setLines(List.of("a", "b"));
    return o;
  }

  @Test
  @DisplayName("Enhanced client: createTable, putItem, getItem, scan and deleteItem of a bean")
  void enhancedClient() {
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbTable<Order> orders =
          emulator.enhancedClient().table("Orders", TableSchema.fromBean(Order.class));
      orders.createTable();
      orders.putItem(order("c1", "o1", 10));
      orders.putItem(order("c1", "o2", 20));
      Order read = orders.getItem(Key.builder().partitionValue("c1").sortValue("o2").build());
      assertThat(read.getTotal()).isEqualTo(20L);
      assertThat(read.getLines()).containsExactly("a", "b");
      assertThat(orders.scan().items().stream().count()).isEqualTo(2);
      orders.deleteItem(Key.builder().partitionValue("c1").sortValue("o1").build());
      assertThat(orders.scan().items().stream().map(Order::getOrderId)).containsExactly("o2");
    }
  }

  @Test
  @DisplayName("Enhanced client: query by partition key returns the partition in sort order")
  void enhancedQuery() {
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbTable<Order> orders =
          emulator.enhancedClient().table("Orders", TableSchema.fromBean(Order.class));
      orders.createTable();
      orders.putItem(order("c1", "o2", 20));
      orders.putItem(order("c1", "o1", 10));
      orders.putItem(order("c2", "o3", 30));
      assertThat(
              orders
                  .query(QueryConditional.keyEqualTo(Key.builder().partitionValue("c1").build()))
                  .items()
                  .stream()
                  .map(Order::getOrderId))
          .containsExactly("o1", "o2");
    }
  }

  @Test
  @DisplayName("Async client: createTable, waiter, putItem and getItem complete")
  void asyncClient() throws Exception {
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbAsyncClient async = emulator.asyncClient();
      createTable(emulator.client(), "Async", "pk", null);
      async.waiter().waitUntilTableExists(b -> b.tableName("Async")).get();
      async.putItem(b -> b.tableName("Async").item(item("pk", "a", "v", "1"))).get();
      assertThat(async.getItem(b -> b.tableName("Async").key(item("pk", "a"))).get().item())
          .isEqualTo(item("pk", "a", "v", "1"));
    }
  }
}
