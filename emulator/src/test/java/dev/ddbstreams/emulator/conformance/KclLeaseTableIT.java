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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.kinesis.common.DdbTableConfig;
import software.amazon.kinesis.leases.Lease;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseRefresher;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.leases.dynamodb.TableCreatorCallback;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/** KCL 3.1.3's own lease-table code (legacy Expected/AttributeUpdates, GSI, parallel scan). */
class KclLeaseTableIT {

  @Test
  @DisplayName("KCL creates its lease table and owner index, then creates, renews, takes and lists")
  void leaseLifecycle() throws Exception {
    try (DynamoDbEmulator emulator =
        DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDBLeaseRefresher leases =
          new DynamoDBLeaseRefresher(
              "app-leases",
              emulator.asyncClient(),
              new DynamoDBLeaseSerializer(),
              true,
              TableCreatorCallback.NOOP_TABLE_CREATOR_CALLBACK,
              Duration.ofSeconds(10),
              new DdbTableConfig().pointInTimeRecoveryEnabled(true),
              true,
              true,
              List.of(Tag.builder().key("app").value("test").build()));
      leases.createLeaseTableIfNotExists();
      assertThat(leases.waitUntilLeaseTableExists(1, 10)).isTrue();
      leases.createLeaseOwnerToLeaseKeyIndexIfNotExists();
      assertThat(leases.waitUntilLeaseOwnerToLeaseKeyIndexExists(1, 10)).isTrue();
      TableDescription table =
          emulator.client().describeTable(b -> b.tableName("app-leases")).table();
      assertThat(table.deletionProtectionEnabled()).isTrue();
      assertThat(table.globalSecondaryIndexes()).hasSize(1);

      Lease lease = new Lease();
      lease.leaseKey("shardId-000");
      lease.checkpoint(ExtendedSequenceNumber.TRIM_HORIZON);
      lease.ownerSwitchesSinceCheckpoint(0L);
      assertThat(leases.createLeaseIfNotExists(lease)).isTrue();
      assertThat(leases.createLeaseIfNotExists(lease)).isFalse();

      Lease stored = leases.getLease("shardId-000");
      assertThat(leases.takeLease(stored, "worker-1")).isTrue();
      Lease taken = leases.getLease("shardId-000");
      assertThat(taken.leaseOwner()).isEqualTo("worker-1");
      long counter = taken.leaseCounter();
      assertThat(leases.renewLease(taken)).isTrue();
      assertThat(leases.getLease("shardId-000").leaseCounter()).isEqualTo(counter + 1);
      // Another worker taking it makes the first worker's next renewal fail its Expected check.
      assertThat(leases.takeLease(leases.getLease("shardId-000"), "worker-2")).isTrue();
      assertThat(leases.renewLease(taken)).isFalse();

      taken = leases.getLease("shardId-000");
      taken.checkpoint(new ExtendedSequenceNumber("123"));
      assertThat(leases.updateLease(taken)).isTrue();
      assertThat(leases.getCheckpoint("shardId-000").sequenceNumber()).isEqualTo("123");

      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Map.Entry<List<Lease>, List<String>> all = leases.listLeasesParallely(pool, 2);
        assertThat(all.getKey()).extracting(Lease::leaseKey).containsExactly("shardId-000");
      } finally {
        pool.shutdownNow();
      }
      assertThat(leases.listLeases()).hasSize(1);
      // A Query on the LeaseOwnerToLeaseKeyIndex GSI.
      assertThat(leases.listLeaseKeysForWorker("worker-2")).containsExactly("shardId-000");
      assertThat(leases.listLeaseKeysForWorker("worker-1")).isEmpty();
      leases.deleteLease(leases.getLease("shardId-000"));
      assertThat(leases.isLeaseTableEmpty()).isTrue();
    }
  }
}
