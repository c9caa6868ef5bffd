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
package dev.ddbstreams.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.StreamRouter;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What {@code build()} checks, and how a worker's share of the segments is computed. */
class TableBackfillTest {
  private static final DynamoDbClient CLIENT =
      DynamoDbClient.builder().region(Region.US_EAST_1).build();
  private static final StreamRouter ROUTER =
      StreamRouter.builder().handlers(new CopyHandlers()).build();

  private static TableBackfill.Builder valid() {
    return TableBackfill.builder().client(CLIENT).tableName("Pets").router(ROUTER).name("b");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Consumer<BackfillProgress> print = p -> {};
    assertThatThrownBy(
            () ->
                TableBackfill.builder()
                    .totalSegments(4)
                    .segments(2, 9)
                    .parallelism(0)
                    .pageSize(0)
                    .readCapacityPerSecond(-1)
                    .segmentAttempts(0)
                    .retryBackoff(Duration.ofSeconds(-1))
                    .progress(Duration.ZERO, print)
                    .build())
        .isInstanceOfSatisfying(
            BackfillConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "parallelism must be between 1 and 256, was 0",
                        "pageSize must be between 1 and 10000, was 0",
                        "readCapacityPerSecond must be a positive number, was -1.0",
                        "segmentAttempts must be between 1 and 100, was 0",
                        "retryBackoff must not be negative",
                        "the progress interval must be positive",
                        "client is required",
                        "tableName is required",
                        "router is required",
                        "name is required: it keys the checkpoints and the snapshots' event IDs",
                        "segments(2, 9) must lie within 0 to totalSegments - 1 (3), first <= last"));
  }

  @Test
  void scansEverySegmentByDefault() {
    assertThat(valid().totalSegments(4).build().segments()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aProcessCanTakeARunOfTheSegments() {
    assertThat(valid().totalSegments(32).segments(0, 7).build().segments())
        .hasSize(8)
        .startsWith(0)
        .endsWith(7);
  }

  @Test
  void workersShareTheSegmentsInContiguousNearEqualRuns() {
    assertThat(valid().totalSegments(32).worker(0, 3).build().segments()).hasSize(10).startsWith(0);
    assertThat(valid().totalSegments(32).worker(1, 3).build().segments())
        .hasSize(11)
        .startsWith(10)
        .endsWith(20);
    assertThat(valid().totalSegments(32).worker(2, 3).build().segments())
        .hasSize(11)
        .startsWith(21)
        .endsWith(31);
    assertThat(valid().totalSegments(2).worker(1, 2).build().segments()).containsExactly(1);
  }

  @Test
  void aWorkerOutsideTheFleetIsAProblem() {
    assertThatThrownBy(() -> valid().totalSegments(2).worker(3, 3).build())
        .isInstanceOf(BackfillConfigurationException.class)
        .hasMessageContaining("worker(3, 3) needs 0 <= index < count <= totalSegments (2)");
    assertThatThrownBy(() -> valid().totalSegments(8).worker(0, 2).segments(0, 3).build())
        .isInstanceOf(BackfillConfigurationException.class)
        .hasMessageContaining("not both");
  }
}
