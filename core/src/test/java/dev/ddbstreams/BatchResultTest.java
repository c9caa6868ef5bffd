package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchResultTest {

  @Test
  void aBatchThatDidNotRunResumesAtItsFirstRecord() {
    BatchResult result = BatchResult.notRun(BatchPolicyTest.batch());

    assertThat(result.count(RecordStatus.NOT_RUN)).isEqualTo(5);
    assertThat(result.firstFailedSequenceNumber()).contains("8");
    assertThat(result.isComplete()).isFalse();
    assertThat(result.outcomes())
        .extracting(RecordOutcome::index, RecordOutcome::eventId)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(0, "event-8"),
            org.assertj.core.groups.Tuple.tuple(1, "event-9"));
  }

  @Test
  void anEmptyBatchIsComplete() {
    assertThat(BatchResult.notRun(java.util.List.of()).isComplete()).isTrue();
  }
}
