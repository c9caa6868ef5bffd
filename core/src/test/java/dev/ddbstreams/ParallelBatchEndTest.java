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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.annotation.OnChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * With parallelism, {@code process()} returns (or throws) only when every task of the batch has
 * ended, so a redelivery never runs a record that an abandoned task is still running.
 */
class ParallelBatchEndTest {

  /** Item "a" fails at once; item "b" is slow. Records: a:1, b:2, b:3. */
  static List<Record> batch() {
    return List.of(
        BatchPolicyTest.change("a", "1"),
        BatchPolicyTest.change("b", "2"),
        BatchPolicyTest.change("b", "3"));
  }

  static final class SlowB {
    final CountDownLatch bStarted = new CountDownLatch(1);
    final CountDownLatch aFails = new CountDownLatch(1);
    final Set<String> ended = ConcurrentHashMap.newKeySet();
    final Set<String> started = ConcurrentHashMap.newKeySet();
    volatile Throwable onA = new AssertionError("a fails");
    volatile long slowMillis = 500;

    @OnChange
    void handle(StreamRecord<Map<String, Object>> change) throws Throwable {
      String seq = change.sequenceNumber().toString();
      started.add(seq);
      try {
        if (change.keys().get("PK").s().equals("a")) {
          // Let b's task get going before a fails.
          bStarted.await(5, TimeUnit.SECONDS);
          aFails.countDown();
          throw onA;
        }
        bStarted.countDown();
        if (onA != null) {
          // Still running when a fails, however the threads are scheduled.
          aFails.await(5, TimeUnit.SECONDS);
        }
        Thread.sleep(slowMillis);
      } finally {
        ended.add(seq);
      }
    }
  }

  @Test
  void aFatalErrorIsRethrownOnlyAfterTheOtherItemsTasksEnded() {
    SlowB h = new SlowB();
    OutOfMemoryError oom = new OutOfMemoryError("injected");
    h.onA = oom;
    try (StreamRouter router =
        StreamRouter.builder()
            .parallelism(2)
            .failurePolicy(FailurePolicy.CONTINUE)
            .handlers(h)
            .build()) {
      assertThatThrownBy(() -> router.process(batch())).isSameAs(oom);

      // b:2 was running when a:1 failed: it ended before process() gave up; b:3 never started.
      assertThat(h.ended).contains("2");
      assertThat(h.started).doesNotContain("3");
    }
  }

  @Test
  void anInterruptedCallerGetsAResultOnlyAfterEveryTaskEnded() throws Exception {
    SlowB h = new SlowB();
    h.onA = null;
    CountDownLatch aHandled = new CountDownLatch(1);
    h.slowMillis = 10_000;
    AtomicReference<BatchResult> result = new AtomicReference<>();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
    Set<String> endedAtReturn = ConcurrentHashMap.newKeySet();
    try (StreamRouter router =
        StreamRouter.builder()
            .parallelism(2)
            .handlers(
                new Object() {
                  @OnChange
                  void slowOnB(StreamRecord<Map<String, Object>> change) throws Throwable {
                    if (change.keys().get("PK").s().equals("a")) {
                      aHandled.countDown();
                    } else {
                      h.handle(change);
                    }
                  }
                })
            .build()) {
      Thread caller =
          new Thread(
              () -> {
                try {
                  result.set(router.process(batch()));
                  endedAtReturn.addAll(h.ended);
                } catch (Throwable t) {
                  endedAtReturn.addAll(h.ended);
                  thrown.set(t);
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      assertThat(h.bStarted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(aHandled.await(5, TimeUnit.SECONDS)).isTrue();
      caller.interrupt();
      caller.join(5_000);
      assertThat(caller.isAlive()).as("process() returned soon after the interrupt").isFalse();
    }

    assertThat(thrown.get()).isNull();
    assertThat(stillInterrupted.get()).as("the interrupt is kept for the caller").isTrue();
    assertThat(endedAtReturn).as("b:2 ended before process() returned").contains("2");
    assertThat(h.started).doesNotContain("3");
    assertThat(result.get().outcomes())
        .extracting(RecordOutcome::status)
        .containsExactly(RecordStatus.HANDLED, RecordStatus.FAILED, RecordStatus.NOT_RUN);
    assertThat(result.get().firstFailedSequenceNumber()).contains(SequenceNumber.of("2"));
  }
}
