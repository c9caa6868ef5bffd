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

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillReportTest {
  @Test
  void saysWhichSegmentsAreDoneAndWhichAreNot() {
    BackfillReport report =
        new BackfillReport(
            "search-v2",
            16,
            List.of(
                new SegmentReport(8, SegmentStatus.DONE, 100, 100, 1, null),
                new SegmentReport(9, SegmentStatus.DONE, 90, 0, 0, null),
                new SegmentReport(10, SegmentStatus.DONE, 95, 95, 2, null),
                new SegmentReport(
                    11, SegmentStatus.FAILED, 40, 40, 3, new IllegalStateException("PII")),
                new SegmentReport(12, SegmentStatus.STOPPED, 20, 20, 1, null),
                new SegmentReport(13, SegmentStatus.NOT_STARTED, 0, 0, 0, null)),
            Duration.ofSeconds(2),
            123.5);

    assertThat(report.isComplete()).isFalse();
    assertThat(report.segmentsDone()).containsExactly(8, 9, 10);
    assertThat(report.segmentsNotDone()).containsExactly(11, 12, 13);
    assertThat(report.failed()).extracting(SegmentReport::segment).containsExactly(11);
    assertThat(report.itemsThisRun()).isEqualTo(255);
    assertThat(report.items()).isEqualTo(345);
    assertThat(report.toString())
        .isEqualTo(
            "Backfill search-v2: NOT complete; segments done: 8-10 of 16; not done: 11-13"
                + " (failed: 11); 255 items in this run (345 in all) in 2.0 s (128 items/s),"
                + " 123.5 read capacity units");
    assertThat(report.failed().get(0).toString())
        .contains("FAILED", "java.lang.IllegalStateException")
        .doesNotContain("PII");
  }

  @Test
  void writesSegmentsAsRanges() {
    assertThat(SegmentRanges.of(List.of())).isEqualTo("none");
    assertThat(SegmentRanges.of(List.of(4))).isEqualTo("4");
    assertThat(SegmentRanges.of(List.of(0, 1, 2, 3, 5, 7, 8, 9))).isEqualTo("0-3, 5, 7-9");
  }

  @Test
  void theProgressLineHasRateEtaSegmentsAndCapacity() {
    BackfillProgress progress =
        new BackfillProgress(
            "search-v2", 12_345, 10_000, 50_000, Duration.ofSeconds(10), 3, 1, 8, 410.5);

    assertThat(progress.itemsPerSecond()).isEqualTo(1_000.0);
    assertThat(progress.eta()).contains(Duration.ofMillis(37_655));
    assertThat(progress.toString())
        .isEqualTo(
            "Backfill search-v2: 12,345 of ~50,000 items (24%), 1,000 items/s, ETA 37 s;"
                + " segments 3 of 8 done, 1 failed; 410.5 read units (41.1/s)");
  }

  @Test
  void anEtaIsUnknownWithoutRateOrPastTheEstimateAndZeroWhenDone() {
    assertThat(new BackfillProgress("b", 0, 0, 100, Duration.ZERO, 0, 0, 2, 0).eta()).isEmpty();
    BackfillProgress beyond =
        new BackfillProgress("b", 150, 150, 100, Duration.ofSeconds(1), 1, 0, 2, 0);
    assertThat(beyond.eta()).isEmpty();
    assertThat(beyond.toString())
        .contains("150 items (more than the ~100 estimated)", "ETA unknown");
    assertThat(
            new BackfillProgress("b", 150, 150, -1, Duration.ofSeconds(1), 1, 0, 2, 0).toString())
        .contains("150 items", "ETA unknown");
    assertThat(new BackfillProgress("b", 150, 150, 100, Duration.ofSeconds(1), 2, 0, 2, 0).eta())
        .contains(Duration.ZERO);
  }
}
