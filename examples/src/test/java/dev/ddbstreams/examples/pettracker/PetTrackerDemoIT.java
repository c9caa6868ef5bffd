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
package dev.ddbstreams.examples.pettracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PetTrackerDemoIT {
  @ParameterizedTest
  @EnumSource(Mode.class)
  void demoPassesEveryCheckOnARealStream(Mode mode) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int failed = new PetTrackerDemo(out, 300, 7, 100, mode).run();

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(failed).as(report).isZero();
    assertThat(report)
        .contains("[ok]   every record delivered without failure")
        .contains("[ok]   a welcome per new pet")
        .contains("[ok]   summaries equal activities")
        .contains("[ok]   leaderboard equals activities per pet")
        .contains("[ok]   replica equals primary's pets, users and activities")
        .contains("[ok]   search finds every dog in the primary, no more")
        .contains("[ok]   redelivery fully suppressed")
        .contains("[ok]   metrics count what the handlers did")
        .contains("Metrics (ddbstreams-micrometer, from the router's SimpleMeterRegistry):")
        .containsPattern("record age \\(each batch's newest record\\): mean \\d+ ms")
        .containsPattern("LagProbe#userData +\\d+ +\\d+ +0 +0 +0 ")
        .containsPattern("Lag, write to handler \\(300 writes\\): median \\d+ ms")
        .containsPattern("Leaderboard, top 5 \\(pet: activities\\):\\R  p\\d+ +\\d+")
        .contains("All checks passed.");
  }

  @Test
  void backfillBuildsTheViewsFromItemsTheStreamNeverCarried() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int failed = new PetTrackerDemo(out, 600, 11, 100, Mode.DIRECT, true).run();

    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(failed).as(report).isZero();
    assertThat(report)
        .contains("Wrote 300 items before the stream consumer existed")
        .contains("[ok]   backfill complete: every segment done")
        .contains("[ok]   a welcome per new pet")
        .contains("[ok]   summaries equal activities since the consumer started")
        .contains("[ok]   leaderboard equals activities per pet")
        .contains("[ok]   replica equals primary's pets, users and activities")
        .contains("[ok]   search finds every dog in the primary, no more")
        .contains("[ok]   redelivery fully suppressed")
        .containsPattern("Backfill pettracker-views: complete; segments done: 0-7 of 8;")
        .contains("All checks passed.");
    String snapshots =
        report.substring(
            report.indexOf("Snapshots per handler"), report.indexOf("Duplicates suppressed"));
    assertThat(snapshots)
        .contains("Leaderboard#count", "SearchSync#upsert", "CrossRegionReplication#userData")
        .doesNotContain("welcome", "Summaries", "LagProbe");
  }
}
