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

import static dev.ddbstreams.testkit.StreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@DynamoDbEmulatorTest
class StreamTapIT {

  static final class Welcomes {
    final List<String> sent = new ArrayList<>();
    boolean failOnce = true;

    @OnInsert(sk = "PET#")
    void welcome(StreamRecord<Map<String, Object>> pet) {
      if (failOnce && pet.keys().get("SK").s().equals("PET#2")) {
        failOnce = false;
        throw new IllegalStateException("SNS throttled");
      }
      sent.add(pet.keys().get("SK").s());
    }
  }

  @Test
  void feedsTheRealStreamToTheRouterAndRedeliversFromTheCheckpoint(
      DynamoDbClient ddb, DynamoDbStreamsClient streams, DynamoDbEmulator local) {
    assertThat(local.client()).isSameAs(ddb);
    StreamTable table = StreamTable.builder().create(ddb);
    Welcomes welcomes = new Welcomes();
    StreamRouter router =
        StreamRouter.builder()
            .handlers(welcomes)
            .idempotency(InMemoryIdempotencyStore.builder().build())
            .build();
    StreamTap tap = StreamTap.of(streams, table.streamArn(), router, 2, 3);
    for (int i = 1; i <= 4; i++) {
      String sk = "PET#" + i;
      ddb.putItem(
          b ->
              b.tableName(table.name())
                  .item(
                      Map.of(
                          "PK", AttributeValue.fromS("USER#1"), "SK", AttributeValue.fromS(sk))));
    }

    StreamTap.Result result = tap.drain(4, Duration.ofSeconds(10));

    assertThat(result.records()).isEqualTo(4);
    assertThat(result.failed()).isZero();
    assertThat(result.handled()).isEqualTo(4);
    assertThat(welcomes.sent).containsExactly("PET#1", "PET#2", "PET#3", "PET#4");
    // Batch [1, 2] failed on 2, was redelivered from 2, then batch [3, 4] ran.
    assertThat(result.batches()).hasSize(3);
    assertThat(result.batches().get(0))
        .hasCheckpoint(result.batches().get(0).outcomes().get(1).sequenceNumber().toString())
        .hasStatuses(RecordStatus.HANDLED, RecordStatus.FAILED);
    assertThat(result.batches().get(1)).hasNoFailures().hasCount(RecordStatus.HANDLED, 1);
    assertThat(tap.drain().records()).isZero();
  }
}
