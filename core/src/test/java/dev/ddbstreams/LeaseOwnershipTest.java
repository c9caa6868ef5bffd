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

import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A worker gives back only its own lease: a slow worker whose lease lapsed, and which another
 * worker took over, must not end the other worker's lease when it fails.
 */
class LeaseOwnershipTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-11-24T08:00:00Z"));
  private final BatchContext context = BatchContext.builder().clock(clock).build();
  private final Record record = BatchPolicyTest.change("a", "1");

  private final CountDownLatch takeOverRunning = new CountDownLatch(1);
  private final CountDownLatch takeOverMayFinish = new CountDownLatch(1);
  private final AtomicInteger thirdRuns = new AtomicInteger();

  /** The takeover worker: holds its lease until told to finish. */
  final class TakeOver {
    @OnChange(id = "shared")
    void handle(StreamRecord<Map<String, Object>> change) throws InterruptedException {
      takeOverRunning.countDown();
      takeOverMayFinish.await(10, TimeUnit.SECONDS);
    }
  }

  /** A third worker that must find the takeover's lease held. */
  final class Third {
    @OnChange(id = "shared")
    void handle(StreamRecord<Map<String, Object>> change) {
      thirdRuns.incrementAndGet();
    }
  }

  private StreamRouter router(IdempotencyStore store, Object handlers) {
    return StreamRouter.builder()
        .idempotency(store)
        .idempotencyLease(Duration.ofMinutes(5))
        .handlers(handlers)
        .build();
  }

  @Test
  void aSlowWorkerWhoseLeaseLapsedDoesNotReleaseTheLeaseOfTheWorkerThatTookOver() throws Exception {
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.builder().clock(clock).build();
    StreamRouter takeOver = router(store, new TakeOver());
    AtomicReference<Thread> other = new AtomicReference<>();
    Object slow =
        new Object() {
          @OnChange(id = "shared")
          void handle(StreamRecord<Map<String, Object>> change) throws InterruptedException {
            // Stalls past its 5-minute lease; meanwhile another worker takes the record over.
            clock.advance(Duration.ofMinutes(6));
            Thread t = new Thread(() -> takeOver.process(List.of(record), context));
            other.set(t);
            t.start();
            assertThat(takeOverRunning.await(10, TimeUnit.SECONDS)).isTrue();
            throw new IllegalStateException("the slow worker fails at last");
          }
        };

    BatchResult slowResult = router(store, slow).process(List.of(record), context);
    BatchResult third = router(store, new Third()).process(List.of(record), context);
    takeOverMayFinish.countDown();
    other.get().join(10_000);

    assertThat(slowResult.outcomes().get(0).status()).isEqualTo(RecordStatus.FAILED);
    assertThat(third.outcomes().get(0).failure()).isInstanceOf(HandlerInProgressException.class);
    assertThat(thirdRuns).hasValue(0);
  }
}
