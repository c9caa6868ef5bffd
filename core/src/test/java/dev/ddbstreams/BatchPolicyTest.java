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

import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class BatchPolicyTest {
  static Record change(String item, String seq) {
    return TestRecords.insert(
        seq,
        Map.of(
            "PK", AttributeValue.fromS(item),
            "SK", AttributeValue.fromS("X"),
            "v", AttributeValue.fromN(seq)));
  }

  /** Items a, b, a, b, a with sequence numbers of growing length. */
  static List<Record> batch() {
    return List.of(
        change("a", "8"),
        change("b", "9"),
        change("a", "10"),
        change("b", "11"),
        change("a", "120"));
  }

  @Test
  void stopsAtTheFirstFailedRecord() {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    StreamRouter router = StreamRouter.builder().handlers(h).build();

    BatchResult result = router.process(batch());

    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));
    assertThat(result.outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(
            RecordStatus.HANDLED,
            RecordStatus.FAILED,
            RecordStatus.NOT_RUN,
            RecordStatus.NOT_RUN,
            RecordStatus.NOT_RUN);
    assertThat(h.calls).containsExactly("first 8", "second 8", "first 9");
  }

  @Test
  void skipFailedItemGoesOnWithOtherItemsOnly() {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    StreamRouter router =
        StreamRouter.builder().failurePolicy(FailurePolicy.SKIP_FAILED_ITEM).handlers(h).build();

    BatchResult result = router.process(batch());

    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));
    assertThat(result.outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(
            RecordStatus.HANDLED,
            RecordStatus.FAILED,
            RecordStatus.HANDLED,
            RecordStatus.NOT_RUN,
            RecordStatus.HANDLED);
  }

  @Test
  void continueRunsEveryRecordAndReportsTheLowestFailureNumerically() {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("120");
    h.failOn.add("10");
    StreamRouter router =
        StreamRouter.builder().failurePolicy(FailurePolicy.CONTINUE).handlers(h).build();

    BatchResult result = router.process(batch());

    // As strings "120" < "10"; as numbers 10 is the lower one.
    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("10"));
    assertThat(result.withStatus(RecordStatus.FAILED))
        .extracting(RecordOutcome::sequenceNumber)
        .containsExactly(SequenceNumber.of("10"), SequenceNumber.of("120"));
    assertThat(result.count(RecordStatus.HANDLED)).isEqualTo(3);
  }

  @Test
  void retriesInProcessBeforeCountingAFailure() {
    FlakyHandlers h = new FlakyHandlers();
    int[] failuresLeft = {2};
    h.failWhen = seq -> seq.equals("9") && failuresLeft[0]-- > 0;
    StreamRouter router =
        StreamRouter.builder()
            .retry(RetryPolicy.attempts(3).backoff(Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
            .handlers(h)
            .build();

    BatchResult result = router.process(batch());

    assertThat(result.isComplete()).isTrue();
    assertThat(h.calls.stream().filter(c -> c.equals("first 9"))).hasSize(3);
  }

  @Test
  void deadLetterSinkReceivesTheWholeRecordAndTheBatchGoesOn() {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    List<DeadLetter> letters = new ArrayList<>();
    StreamRouter router =
        StreamRouter.builder()
            .retry(RetryPolicy.attempts(2).backoff(Duration.ZERO, 1.0, Duration.ZERO))
            .deadLetter(letters::add)
            .handlers(h)
            .build();

    BatchResult result = router.process(batch());

    assertThat(result.isComplete()).isTrue();
    assertThat(result.outcomes().get(1).status()).isEqualTo(RecordStatus.DEAD_LETTERED);
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.record()).isEqualTo(batch().get(1));
    assertThat(letter.handlerId()).endsWith("FlakyHandlers#first");
    assertThat(letter.attempts()).isEqualTo(2);
    assertThat(letter.failure()).hasMessage("injected failure on 9");
    // The second handler of the dead-lettered record still ran: fan-out goes on.
    assertThat(h.calls).contains("second 9", "first 120");
  }

  @Test
  void failingDeadLetterSinkNeverDropsTheRecord() {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    StreamRouter router =
        StreamRouter.builder()
            .deadLetter(
                letter -> {
                  throw new IOException("queue down");
                })
            .handlers(h)
            .build();

    BatchResult result = router.process(batch());

    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));
    assertThat(result.outcomes().get(1).status()).isEqualTo(RecordStatus.FAILED);
  }

  @Test
  void retryRunsOnlyUnfinishedHandlers() {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().build();
    StreamRouter router = StreamRouter.builder().idempotency(store).handlers(h).build();

    BatchResult first = router.process(batch());
    assertThat(first.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));

    // Lambda redelivers from the checkpoint; this time handler "first" succeeds.
    h.failOn.clear();
    h.calls.clear();
    List<Record> redelivery = batch().subList(1, 5);
    BatchResult second = router.process(redelivery);

    assertThat(second.isComplete()).isTrue();
    assertThat(h.calls)
        .containsExactly(
            "first 9",
            "second 9",
            "first 10",
            "second 10",
            "first 11",
            "second 11",
            "first 120",
            "second 120");

    // A third delivery of everything is a pure duplicate.
    h.calls.clear();
    BatchResult third = router.process(batch());
    assertThat(h.calls).isEmpty();
    assertThat(third.count(RecordStatus.DUPLICATE)).isEqualTo(5);
  }

  @Test
  void secondHandlerOfAPartlyFinishedRecordRunsAloneOnRetry() {
    List<String> calls = new ArrayList<>();
    boolean[] fail = {true};
    class Two {
      @dev.ddbstreams.annotation.OnInsert
      void one() {
        calls.add("one");
      }

      @dev.ddbstreams.annotation.OnInsert
      void two() {
        calls.add("two");
        if (fail[0]) {
          throw new IllegalStateException("two fails");
        }
      }
    }
    StreamRouter router =
        StreamRouter.builder()
            .idempotency(InMemoryIdempotencyStore.builder().build())
            .handlers(new Two())
            .build();
    List<Record> one = List.of(change("a", "1"));

    assertThat(router.process(one).isComplete()).isFalse();
    fail[0] = false;
    assertThat(router.process(one).isComplete()).isTrue();

    assertThat(calls).containsExactly("one", "two", "two");
  }

  @Test
  void recordsLeftWhenTheDeadlineNearsAreReportedNotRun() {
    FlakyHandlers h = new FlakyHandlers();
    Instant now = Instant.parse("2026-11-24T08:00:00Z");
    TestClock clock = new TestClock(now);
    h.failWhen =
        seq -> {
          clock.advance(Duration.ofMillis(400));
          return false;
        };
    StreamRouter router =
        StreamRouter.builder().deadlineMargin(Duration.ofMillis(500)).handlers(h).build();
    BatchContext context =
        BatchContext.builder().deadline(now.plusMillis(1500)).clock(clock).build();

    BatchResult result = router.process(batch(), context);

    // 1500 ms: records 8 and 9 run (400 ms each), then 700 ms left, record 10 runs, 300 ms left.
    assertThat(result.outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(
            RecordStatus.HANDLED,
            RecordStatus.HANDLED,
            RecordStatus.HANDLED,
            RecordStatus.NOT_RUN,
            RecordStatus.NOT_RUN);
    assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("11"));
  }

  @Test
  void anotherWorkersLeaseFailsTheRecordSoItIsRetried() {
    FlakyHandlers h = new FlakyHandlers();
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().build();
    StreamRouter router = StreamRouter.builder().idempotency(store).handlers(h).build();
    Record r = change("a", "7");
    store.begin(
        new IdempotencyKey("ddbstreams", FlakyHandlers.class.getName() + "#first", r.eventID()),
        Instant.now().plusSeconds(60));

    BatchResult result = router.process(List.of(r));

    assertThat(result.outcomes().get(0).failure()).isInstanceOf(HandlerInProgressException.class);
    assertThat(h.calls).isEmpty();
  }

  @Test
  void logsCarryTheStackTraceButNotTheMessageOfAHandlersException() {
    FlakyHandlers h = new FlakyHandlers();
    h.failWhen =
        seq -> {
          throw new IllegalStateException(
              "owner is Jane Doe, +47 555 0101", new RuntimeException("Rex"));
        };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      StreamRouter.builder().handlers(h).build().process(List.of(change("a", "5")));
    } finally {
      System.setErr(saved);
    }

    String logs = err.toString(StandardCharsets.UTF_8);
    assertThat(logs)
        .contains("java.lang.IllegalStateException (message not logged")
        .contains("FlakyHandlers.first")
        .doesNotContain("Jane Doe")
        .doesNotContain("Rex");
  }

  @Test
  void messagesAreLoggedWhenTheUserOptsIn() {
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("5");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      StreamRouter.builder()
          .logExceptionMessages(true)
          .handlers(h)
          .build()
          .process(List.of(change("a", "5")));
    } finally {
      System.setErr(saved);
    }

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("injected failure on 5");
  }
}
