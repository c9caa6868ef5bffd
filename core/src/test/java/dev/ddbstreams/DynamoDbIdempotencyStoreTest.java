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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbIdempotencyStoreTest {
  private static DynamoDbClient client() {
    // Never called: build() makes no request.
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .build();
  }

  @Test
  void buildListsEveryProblemInOneException() {
    assertThatThrownBy(() -> DynamoDbIdempotencyStore.builder().expiry(Duration.ofHours(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("client is required")
        .hasMessageContaining("tableName is required")
        .hasMessageContaining("expiry must exceed the stream's 24 hour retention")
        .hasMessageContaining("PT1H");
  }

  @Test
  void anExpiryOfExactlyTheStreamRetentionIsRejected() {
    try (DynamoDbClient client = client()) {
      assertThatThrownBy(
              () ->
                  DynamoDbIdempotencyStore.builder()
                      .client(client)
                      .tableName("idempotency")
                      .expiry(Duration.ofHours(24))
                      .build())
          .hasMessageContaining("expiry must exceed")
          .hasMessageNotContaining("tableName");
    }
  }

  @Test
  void aTableNameDynamoDbWouldRefuseIsRejectedAtBuild() {
    try (DynamoDbClient client = client()) {
      assertThatThrownBy(
              () -> DynamoDbIdempotencyStore.builder().client(client).tableName("a b").build())
          .hasMessageContaining("tableName must be 3 to 255");
    }
  }

  @Test
  void expiryDefaultsToFortyEightHours() {
    try (DynamoDbClient client = client()) {
      DynamoDbIdempotencyStore store =
          DynamoDbIdempotencyStore.builder().client(client).tableName("idempotency").build();
      assertThat(store.expiry()).isEqualTo(Duration.ofHours(48));
      assertThat(store.tableName()).isEqualTo("idempotency");
      assertThat(
              DynamoDbIdempotencyStore.builder()
                  .client(client)
                  .tableName("idempotency")
                  .expiry(Duration.ofHours(25))
                  .build()
                  .expiry())
          .isEqualTo(Duration.ofHours(25));
    }
  }
}
