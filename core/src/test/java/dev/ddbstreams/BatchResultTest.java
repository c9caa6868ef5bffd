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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchResultTest {

  @Test
  void aBatchThatDidNotRunResumesAtItsFirstRecord() {
    BatchResult result = BatchResult.notRun(BatchPolicyTest.batch());

    assertThat(result.count(RecordStatus.NOT_RUN)).isEqualTo(5);
    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("8"));
    assertThat(result.isComplete()).isFalse();
    assertThat(result.outcomes())
        .extracting(RecordOutcome::index, RecordOutcome::eventId)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(0, "event-8"),
            org.assertj.core.groups.Tuple.tuple(1, "event-9"));
  }

  @Test
  void anEmptyBatchIsComplete() {
    assertThat(BatchResult.notRun(List.of()).isComplete()).isTrue();
  }
}
