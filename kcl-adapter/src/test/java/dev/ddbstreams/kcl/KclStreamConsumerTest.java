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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.StreamRouter;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.kinesis.leases.LeaseManagementConfig;

class KclStreamConsumerTest {
  private static final String ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Pets/stream/2026-01-01T00:00:00.000";

  @Test
  void buildReportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                KclStreamConsumer.builder()
                    .streamArn("not-an-arn")
                    .applicationName("x")
                    .retryBackoff(Duration.ZERO, Duration.ofSeconds(1))
                    .build())
        .isInstanceOfSatisfying(
            KclConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(4)
                    .anyMatch(p -> p.startsWith("streamArn is not"))
                    .anyMatch(p -> p.startsWith("applicationName must be"))
                    .anyMatch(p -> p.startsWith("router is required"))
                    .anyMatch(p -> p.startsWith("retryBackoff")));
  }

  @Test
  void refusesBothStreamArnAndTableName() {
    assertThatThrownBy(
            () ->
                KclStreamConsumer.builder()
                    .streamArn(ARN)
                    .tableName("Pets")
                    .applicationName("pet-views")
                    .router(StreamRouter.builder().keys("PK", "SK").handlers(new Seen()).build())
                    .build())
        .isInstanceOf(KclConfigurationException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void buildsWithoutCallingAwsAndGivesEachConsumerItsOwnWorkerId() {
    StreamRouter router = StreamRouter.builder().keys("PK", "SK").handlers(new Seen()).build();
    KclStreamConsumer a =
        KclStreamConsumer.builder()
            .streamArn(ARN)
            .applicationName("pet-views")
            .router(router)
            .build();
    KclStreamConsumer b =
        KclStreamConsumer.builder()
            .streamArn(ARN)
            .applicationName("pet-views")
            .router(router)
            .build();
    assertThat(a.streamArn()).contains(ARN);
    assertThat(a.applicationName()).isEqualTo("pet-views");
    assertThat(a.workerId()).isNotEqualTo(b.workerId());
    a.close();
    b.close();
  }

  @Test
  void workerMetricsAreReportedOncePerFailoverTimeUnlessTheCustomizerChoseAPeriod() {
    assertThat(reporterMillisAfter(leases -> {})).isEqualTo(10_000); // KCL's failover default
    assertThat(reporterMillisAfter(leases -> leases.failoverTimeMillis(2_000))).isEqualTo(2_000);
    assertThat(reporterMillisAfter(leases -> leases.failoverTimeMillis(90_000)))
        .as("never slower than KCL's own period")
        .isEqualTo(30_000);
    assertThat(
            reporterMillisAfter(
                leases ->
                    leases
                        .workerUtilizationAwareAssignmentConfig()
                        .workerMetricsReporterFreqInMillis(45_000)))
        .as("the customizer's choice")
        .isEqualTo(45_000);
  }

  private static long reporterMillisAfter(Consumer<LeaseManagementConfig> customizer) {
    // No client is called: the config only holds them.
    LeaseManagementConfig leases = new LeaseManagementConfig("app", "app", null, null, "worker");
    long kclDefault =
        leases.workerUtilizationAwareAssignmentConfig().workerMetricsReporterFreqInMillis();
    assertThat(kclDefault).isEqualTo(30_000);
    customizer.accept(leases);
    KclStreamConsumer.reportWorkerMetricsAtFailoverPace(leases, kclDefault);
    return leases.workerUtilizationAwareAssignmentConfig().workerMetricsReporterFreqInMillis();
  }
}
