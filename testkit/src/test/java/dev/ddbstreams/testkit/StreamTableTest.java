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

import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class StreamTableTest {

  /** A client that fails the test if a request is sent. */
  private static final DynamoDbClient NO_REQUESTS =
      (DynamoDbClient)
          Proxy.newProxyInstance(
              StreamTableTest.class.getClassLoader(),
              new Class<?>[] {DynamoDbClient.class},
              (proxy, method, args) -> {
                throw new AssertionError("unexpected request " + method.getName());
              });

  @Test
  void uniqueNamesDifferAndAreValidTableNames() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      names.add(StreamTable.uniqueName("pets"));
    }
    assertThat(names).hasSize(1000).allMatch(n -> n.matches("pets-\\d+-[0-9a-f]{8}"));
  }

  @Test
  void uniqueNameRejectsAPrefixDynamoDbWouldRefuse() {
    assertThatThrownBy(() -> StreamTable.uniqueName("pets table"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pets table");
    assertThatThrownBy(() -> StreamTable.uniqueName(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createListsEveryInvalidSettingBeforeSendingAnyRequest() {
    StreamTable.Builder builder =
        StreamTable.builder()
            .name("no")
            .partitionKey("id", ScalarAttributeType.UNKNOWN_TO_SDK_VERSION)
            .sortKey("id", ScalarAttributeType.S);

    assertThatThrownBy(() -> builder.create(NO_REQUESTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("table name 'no'")
        .hasMessageContaining("partition key 'id' must be of type S, N or B")
        .hasMessageContaining("partition and sort key are both named 'id'");
  }
}
