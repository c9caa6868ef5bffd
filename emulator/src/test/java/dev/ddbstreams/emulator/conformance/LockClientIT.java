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

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.AcquireLockOptions;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClient;
import com.amazonaws.services.dynamodbv2.AmazonDynamoDBLockClientOptions;
import com.amazonaws.services.dynamodbv2.CreateDynamoDBTableOptions;
import com.amazonaws.services.dynamodbv2.LockItem;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/** The DynamoDB lock client (KCL's leader election) against the emulator. */
class LockClientIT {

  @Test
  @DisplayName(
      "Lock client: create table, acquire, another client sees the owner, release, then it acquires")
  void acquireAndRelease() throws Exception {
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbClient ddb = emulator.client();
      AmazonDynamoDBLockClient.createLockTableInDynamoDB(
          CreateDynamoDBTableOptions.builder(
                  ddb,
                  ProvisionedThroughput.builder()
                      .readCapacityUnits(1L)
                      .writeCapacityUnits(1L)
                      .build(),
                  "locks")
              .build());
      try (AmazonDynamoDBLockClient first = client(ddb, "worker-1");
          AmazonDynamoDBLockClient second = client(ddb, "worker-2")) {
        LockItem lock = first.acquireLock(AcquireLockOptions.builder("leader").build());
        assertThat(lock.getOwnerName()).isEqualTo("worker-1");
        Optional<LockItem> seen = second.getLock("leader", Optional.empty());
        assertThat(seen)
            .hasValueSatisfying(l -> assertThat(l.getOwnerName()).isEqualTo("worker-1"));
        first.sendHeartbeat(lock);
        assertThat(first.releaseLock(lock)).isTrue();
        assertThat(second.tryAcquireLock(AcquireLockOptions.builder("leader").build()))
            .hasValueSatisfying(l -> assertThat(l.getOwnerName()).isEqualTo("worker-2"));
      }
    }
  }

  private static AmazonDynamoDBLockClient client(DynamoDbClient ddb, String owner) {
    return new AmazonDynamoDBLockClient(
        AmazonDynamoDBLockClientOptions.builder(ddb, "locks")
            .withOwnerName(owner)
            .withLeaseDuration(10_000L)
            .withHeartbeatPeriod(1_000L)
            .withTimeUnit(TimeUnit.MILLISECONDS)
            .withCreateHeartbeatBackgroundThread(false)
            .build());
  }
}
