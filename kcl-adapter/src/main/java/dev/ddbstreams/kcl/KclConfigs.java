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
package dev.ddbstreams.kcl;

import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import software.amazon.kinesis.checkpoint.CheckpointConfig;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.lifecycle.LifecycleConfig;
import software.amazon.kinesis.metrics.MetricsConfig;

/**
 * The KCL configuration objects a {@link KclStreamConsumer} is about to hand to the scheduler,
 * passed to {@link KclStreamConsumer.Builder#configCustomizer} so settings this library does not
 * name can still be changed, for example:
 *
 * <pre>{@code
 * .configCustomizer(kcl -> kcl.leaseManagement().maxLeasesForWorker(20))
 * }</pre>
 *
 * <p>The objects are KCL's own, mutable, and used by the scheduler after the customizer returns.
 * The record processor, the stream tracker and the clients are the consumer's and cannot be
 * replaced here. Not thread-safe; valid only during the customizer call.
 */
public final class KclConfigs {
  private final CheckpointConfig checkpoint;
  private final CoordinatorConfig coordinator;
  private final LeaseManagementConfig leaseManagement;
  private final LifecycleConfig lifecycle;
  private final MetricsConfig metrics;
  private final DynamoDBStreamsPollingConfig polling;

  KclConfigs(
      CheckpointConfig checkpoint,
      CoordinatorConfig coordinator,
      LeaseManagementConfig leaseManagement,
      LifecycleConfig lifecycle,
      MetricsConfig metrics,
      DynamoDBStreamsPollingConfig polling) {
    this.checkpoint = checkpoint;
    this.coordinator = coordinator;
    this.leaseManagement = leaseManagement;
    this.lifecycle = lifecycle;
    this.metrics = metrics;
    this.polling = polling;
  }

  /**
   * Returns the checkpoint settings.
   *
   * @return KCL's checkpoint configuration
   */
  public CheckpointConfig checkpoint() {
    return checkpoint;
  }

  /**
   * Returns the coordinator settings (shard sync at start-up, parent shard polling).
   *
   * @return KCL's coordinator configuration
   */
  public CoordinatorConfig coordinator() {
    return coordinator;
  }

  /**
   * Returns the lease settings: failover time, lease table, leases per worker.
   *
   * @return KCL's lease management configuration
   */
  public LeaseManagementConfig leaseManagement() {
    return leaseManagement;
  }

  /**
   * Returns the lifecycle settings.
   *
   * @return KCL's lifecycle configuration
   */
  public LifecycleConfig lifecycle() {
    return lifecycle;
  }

  /**
   * Returns the metrics settings.
   *
   * @return KCL's metrics configuration
   */
  public MetricsConfig metrics() {
    return metrics;
  }

  /**
   * Returns the polling settings: records per GetRecords call, idle time between polls.
   *
   * @return the adapter's polling configuration
   */
  public DynamoDBStreamsPollingConfig polling() {
    return polling;
  }
}
