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
package dev.ddbstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import org.junit.jupiter.api.Test;

/**
 * The two sides of the unmatched-record figure in {@link FullBatchBenchmark} do what they claim on
 * the benchmark's event: one router matches no record, the other handles every record.
 */
class UnmatchedCostSidesTest {
  private static final byte[] EVENT =
      LambdaEvents.of(Workloads.petTrackerBatch(FullBatchBenchmark.RECORDS, 42));

  @Test
  void noRecordMatchesTheNoMatchRouter() {
    try (StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(new FullBatchBenchmark.NoMatch())
            .build()) {
      BatchResult result = router.process(StreamEventDecoder.decode(EVENT).records());

      assertThat(result.outcomes())
          .hasSize(FullBatchBenchmark.RECORDS)
          .allMatch(o -> o.status() == RecordStatus.NO_MATCH);
    }
  }

  @Test
  void everyRecordIsHandledAndItsImageMapped() {
    FullBatchBenchmark.EveryRecord handlers = new FullBatchBenchmark.EveryRecord();
    try (StreamRouter router = StreamRouter.builder().keys("PK", "SK").handlers(handlers).build()) {
      BatchResult result = router.process(StreamEventDecoder.decode(EVENT).records());

      assertThat(result.outcomes())
          .hasSize(FullBatchBenchmark.RECORDS)
          .allMatch(o -> o.status() == RecordStatus.HANDLED);
      assertThat(handlers.seen).isGreaterThan(FullBatchBenchmark.RECORDS);
    }
  }
}
