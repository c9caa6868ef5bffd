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
package dev.ddbstreams.testkit.kcl;

import com.amazonaws.services.dynamodbv2.streamsadapter.util.KinesisMapperUtil;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.HashKeyRangeForLease;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.leases.Lease;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.leases.dynamodb.DynamoDBLeaseSerializer;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;
import software.amazon.kinesis.retrieval.polling.PollingConfig;

/**
 * What makes KCL 3 and the DynamoDB Streams Kinesis adapter 2.0.1 start in seconds instead of
 * minutes against the project's DynamoDB emulator. The emulator behaves like the service (ARNs with
 * a real region, child shards answered, TTL deletes as {@code REMOVE} by the service), so KCL uses
 * its clients unchanged; only timings are shortened here.
 *
 * <ul>
 *   <li><b>Lease table.</b> {@link #prepareLeaseTable(String, String)} creates the lease table with
 *       the {@code LeaseOwnerToLeaseKeyIndex} KCL 3 waits for and seeds one lease per shard, so the
 *       scheduler's first shard sync is skipped.
 *   <li><b>Timings.</b> {@link #fastStart} shortens failover, shard sync and polling intervals.
 * </ul>
 *
 * <pre>{@code
 * LocalKcl kcl = LocalKcl.of(DynamoDbEmulator.shared());
 * kcl.prepareLeaseTable("my-app", table.streamArn());
 * KclStreamConsumer.builder()
 *     .streamArn(table.streamArn())
 *     .applicationName("my-app")
 *     .dynamoDbClient(kcl.leaseClient())
 *     .streamsClient(kcl.streamsClient())
 *     .configCustomizer(c -> LocalKcl.fastStart(c.leaseManagement(), c.coordinator(), c.polling()))
 *     .router(router)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class LocalKcl {
  /** The lease table index KCL 3 creates and waits for. */
  public static final String LEASE_OWNER_INDEX = "LeaseOwnerToLeaseKeyIndex";

  /** Failover time for tests: a dead worker's leases are taken after about this long. */
  public static final long FAILOVER_MILLIS = 2000;

  private final DynamoDbEmulator emulator;

  private LocalKcl(DynamoDbEmulator emulator) {
    this.emulator = emulator;
  }

  /**
   * Returns KCL support for an emulator.
   *
   * @param emulator the emulator
   * @return support bound to it
   */
  public static LocalKcl of(DynamoDbEmulator emulator) {
    return new LocalKcl(emulator);
  }

  /**
   * Returns the streams client to give KCL: the emulator's own.
   *
   * @return the same client on every call; it belongs to the emulator
   */
  public DynamoDbStreamsClient streamsClient() {
    return emulator.streamsClient();
  }

  /**
   * Returns the client KCL keeps its lease table with: the emulator's asynchronous client.
   *
   * @return the client
   */
  public DynamoDbAsyncClient leaseClient() {
    return emulator.asyncClient();
  }

  /**
   * Creates the application's lease table as KCL 3 would (key {@code leaseKey}, index {@link
   * #LEASE_OWNER_INDEX}, on demand) unless it exists, and adds a lease for every shard of the
   * stream that has none, starting at {@code TRIM_HORIZON} and naming its parent shard. KCL then
   * skips its slow first shard sync. Idempotent.
   *
   * @param applicationName the consumer's application name, which is the lease table's name
   * @param streamArn the stream
   * @return the shard IDs leases were added for
   */
  public List<String> prepareLeaseTable(String applicationName, String streamArn) {
    DynamoDbClient dynamo = emulator.client();
    DynamoDBLeaseSerializer serializer = new DynamoDBLeaseSerializer();
    Set<AttributeDefinition> attributes = new LinkedHashSet<>(serializer.getAttributeDefinitions());
    attributes.addAll(serializer.getWorkerIdToLeaseKeyIndexAttributeDefinitions());
    try {
      dynamo.createTable(
          b ->
              b.tableName(applicationName)
                  .keySchema(serializer.getKeySchema())
                  .attributeDefinitions(attributes)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .globalSecondaryIndexes(
                      GlobalSecondaryIndex.builder()
                          .indexName(LEASE_OWNER_INDEX)
                          .keySchema(serializer.getWorkerIdToLeaseKeyIndexKeySchema())
                          .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                          .build()));
    } catch (ResourceInUseException exists) {
      // Prepared before, or created by KCL: only leases may be missing.
    }
    List<String> added = new ArrayList<>();
    for (Shard shard : shards(streamArn)) {
      Lease lease = new Lease();
      lease.leaseKey(shard.shardId());
      lease.leaseCounter(0L);
      lease.checkpoint(ExtendedSequenceNumber.TRIM_HORIZON);
      lease.ownerSwitchesSinceCheckpoint(0L);
      lease.parentShardIds(
          shard.parentShardId() == null ? List.of() : List.of(shard.parentShardId()));
      lease.hashKeyRange(
          HashKeyRangeForLease.fromHashKeyRange(
              KinesisMapperUtil.convertDynamoDBShardToKinesisShard(shard).hashKeyRange()));
      try {
        dynamo.putItem(
            b ->
                b.tableName(applicationName)
                    .item(serializer.toDynamoRecord(lease))
                    .conditionExpression("attribute_not_exists(leaseKey)"));
        added.add(shard.shardId());
      } catch (ConditionalCheckFailedException exists) {
        // KCL or an earlier call made this lease; its checkpoint stays.
      }
    }
    return added;
  }

  private List<Shard> shards(String streamArn) {
    List<Shard> all = new ArrayList<>();
    String start = null;
    do {
      String from = start;
      DescribeStreamResponse r =
          emulator
              .streamsClient()
              .describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from));
      all.addAll(r.streamDescription().shards());
      start = r.streamDescription().lastEvaluatedShardId();
    } while (start != null);
    return all;
  }

  /**
   * Applies the timings that make KCL start and fail over in seconds against the emulator: failover
   * after {@value #FAILOVER_MILLIS} ms, shard sync without delay, parent shards polled every 500
   * ms, shard consumers moved through their states every 100 ms (KCL's default, 1 s, costs a few
   * seconds per shard end), the stream polled every 100 ms.
   *
   * <p>{@code KclStreamConsumer} then reports worker metrics every {@value #FAILOVER_MILLIS} ms
   * too, since it follows the failover time. A KCL scheduler built without it reports every 30 s,
   * and its leader goes on counting a dead worker alive, and giving it leases, for up to a minute:
   * set {@code workerUtilizationAwareAssignmentConfig().workerMetricsReporterFreqInMillis} as well
   * if such a scheduler must fail over fast.
   *
   * @param leases the lease settings to change
   * @param coordinator the coordinator settings to change
   * @param polling the polling settings to change
   */
  public static void fastStart(
      LeaseManagementConfig leases, CoordinatorConfig coordinator, PollingConfig polling) {
    leases.failoverTimeMillis(FAILOVER_MILLIS).shardSyncIntervalMillis(0);
    coordinator.parentShardPollIntervalMillis(500).shardConsumerDispatchPollIntervalMillis(100);
    polling.idleTimeBetweenReadsInMillis(100);
  }
}
