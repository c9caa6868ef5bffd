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

import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamObserverTest {
  private static final Instant CREATED = Instant.parse("2026-11-24T08:00:00Z");

  /**
   * slf4j-simple, the tests' logging backend, ignores the MDC (its adapter is a no-op); Logback and
   * Log4j 2 keep it. Give this JVM SLF4J's own thread-local adapter, as those backends would.
   */
  @BeforeAll
  static void keepTheMdc() throws ReflectiveOperationException {
    // After SLF4J's own initialisation, which would put the provider's adapter back.
    org.slf4j.LoggerFactory.getLogger(StreamObserverTest.class);
    var set = MDC.class.getDeclaredMethod("setMDCAdapter", MDCAdapter.class);
    set.setAccessible(true);
    set.invoke(null, new BasicMDCAdapter());
  }

  /** Records every event, from any thread. */
  static final class Recording implements StreamObserver {
    final List<HandlerEvent> handlers = Collections.synchronizedList(new ArrayList<>());
    final List<BatchEvent> batches = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onHandler(HandlerEvent event) {
      handlers.add(event);
    }

    @Override
    public void onBatch(BatchEvent event) {
      batches.add(event);
    }

    List<String> outcomes() {
      return handlers.stream().map(e -> e.handlerId() + " " + e.outcome()).toList();
    }
  }

  static final class Pets {
    final Set<String> failOn = Collections.synchronizedSet(new HashSet<>());
    final Map<String, Integer> failTimes = Collections.synchronizedMap(new HashMap<>());
    final List<Map<String, String>> mdcSeen = Collections.synchronizedList(new ArrayList<>());

    @OnInsert(sk = "PET#", id = "welcome")
    void welcome(StreamRecord<Map<String, Object>> change) throws InterruptedException {
      mdcSeen.add(MDC.getCopyOfContextMap());
      Thread.sleep(2);
      String seq = change.sequenceNumber().toString();
      if (failOn.contains(seq)) {
        throw new IllegalStateException("owner is Jane Doe");
      }
      Integer left = failTimes.computeIfPresent(seq, (k, n) -> n - 1);
      if (left != null && left >= 0) {
        throw new IllegalStateException("flaky");
      }
    }

    @OnModify(sk = "PET#", id = "weight")
    void weight(StreamRecord<Map<String, Object>> change) {}
  }

  static Record pet(String seq, String id) {
    return TestRecords.insert(
        seq,
        Map.of(
            "PK", AttributeValue.fromS("USER#1"),
            "SK", AttributeValue.fromS("PET#" + id),
            "name", AttributeValue.fromS("Rex")));
  }

  static Record createdAt(Record r, Instant created) {
    return r.toBuilder()
        .dynamodb(r.dynamodb().toBuilder().approximateCreationDateTime(created).build())
        .build();
  }

  private static BatchContext shard(TestClock clock) {
    return BatchContext.builder()
        .streamArn(
            "arn:aws:dynamodb:us-east-1:123456789012:table/Pets/stream/2026-11-24T00:00:00.000")
        .shardId("shardId-1")
        .invocationId("request-1")
        .clock(clock)
        .build();
  }

  @Test
  void tellsEachHandlerOutcomeWithAttemptsAndDuration() {
    Pets pets = new Pets();
    Recording seen = new Recording();
    StreamRouter router = StreamRouter.builder().handlers(pets).observer(seen).build();

    router.process(List.of(pet("1", "a")));

    assertThat(seen.outcomes()).containsExactly("welcome HANDLED");
    HandlerEvent event = seen.handlers.get(0);
    assertThat(event.attempts()).isEqualTo(1);
    assertThat(event.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(2));
    assertThat(event.eventName()).contains(EventName.INSERT);
    assertThat(event.eventId()).contains("event-1");
    assertThat(event.sequenceNumber()).contains(SequenceNumber.of("1"));
    assertThat(event.errorType()).isEmpty();
    assertThat(event.keys()).as("keys only when opted in").isEmpty();
  }

  @Test
  void retriesAreToldOncePerFailedAttemptThenTheEnd() {
    Pets pets = new Pets();
    pets.failTimes.put("1", 2);
    Recording seen = new Recording();
    StreamRouter router =
        StreamRouter.builder()
            .handlers(pets)
            .retry(RetryPolicy.attempts(3).backoff(Duration.ZERO, 1.0, Duration.ZERO))
            .observer(seen)
            .build();

    router.process(List.of(pet("1", "a")));

    assertThat(seen.outcomes())
        .containsExactly("welcome RETRIED", "welcome RETRIED", "welcome HANDLED");
    assertThat(seen.handlers).extracting(HandlerEvent::attempts).containsExactly(1, 2, 3);
    assertThat(seen.handlers.get(0).errorType()).contains(IllegalStateException.class);
  }

  @Test
  void failedDeadLetteredAndNotRunRecordsAreTold() {
    Pets pets = new Pets();
    pets.failOn.add("1");
    Recording seen = new Recording();
    StreamRouter.builder()
        .handlers(pets)
        .observer(seen)
        .build()
        .process(List.of(pet("1", "a"), pet("2", "b")));
    assertThat(seen.outcomes())
        .containsExactly("welcome FAILED", HandlerEvent.ROUTER_ID + " NOT_RUN");
    assertThat(seen.handlers.get(1).sequenceNumber()).contains(SequenceNumber.of("2"));
    assertThat(seen.handlers.get(1).eventName()).contains(EventName.INSERT);

    Recording dead = new Recording();
    StreamRouter.builder()
        .handlers(pets)
        .deadLetter(letter -> {})
        .observer(dead)
        .build()
        .process(List.of(pet("1", "a"), pet("2", "b")));
    assertThat(dead.outcomes()).containsExactly("welcome DEAD_LETTERED", "welcome HANDLED");
    assertThat(dead.handlers.get(0).errorType()).contains(IllegalStateException.class);
    assertThat(dead.handlers.get(0).toString()).doesNotContain("Jane Doe");
  }

  @Test
  void duplicatesAndFilteredRecordsAreTold() {
    Pets pets = new Pets();
    Recording seen = new Recording();
    StreamRouter router =
        StreamRouter.builder()
            .handlers(pets)
            .idempotency(InMemoryIdempotencyStore.builder().build())
            .filter("{\"dynamodb\": {\"Keys\": {\"SK\": {\"S\": [{\"prefix\": \"PET#a\"}]}}}}")
            .observer(seen)
            .build();
    List<Record> batch = List.of(pet("1", "a"), pet("2", "b"));

    router.process(batch);
    router.process(batch);

    assertThat(seen.outcomes())
        .containsExactly(
            "welcome HANDLED",
            HandlerEvent.ROUTER_ID + " FILTERED",
            "welcome DUPLICATE",
            HandlerEvent.ROUTER_ID + " FILTERED");
    assertThat(seen.handlers.get(2).attempts()).isZero();
    assertThat(seen.handlers.get(2).duration()).isZero();
  }

  @Test
  void aBatchIsToldWithItsShardAgesDurationAndCheckpointAfterItsRecords() {
    Pets pets = new Pets();
    pets.failOn.add("3");
    Recording seen = new Recording();
    TestClock clock = new TestClock(CREATED.plusSeconds(90));
    BatchContext context = shard(clock);
    List<Record> batch =
        List.of(
            createdAt(pet("1", "a"), CREATED),
            createdAt(pet("2", "b"), CREATED.plusSeconds(30)),
            createdAt(pet("3", "c"), CREATED.plusSeconds(60)),
            createdAt(pet("4", "d"), CREATED.plusSeconds(60)));

    StreamRouter.builder().handlers(pets).observer(seen).build().process(batch, context);

    assertThat(seen.batches).hasSize(1);
    BatchEvent event = seen.batches.get(0);
    assertThat(event.batch()).isSameAs(context);
    assertThat(seen.handlers).allSatisfy(h -> assertThat(h.batch()).isSameAs(context));
    assertThat(event.size()).isEqualTo(4);
    assertThat(event.oldestRecordAge()).contains(Duration.ofSeconds(90));
    assertThat(event.newestRecordAge()).contains(Duration.ofSeconds(30));
    assertThat(event.checkpoint()).contains(SequenceNumber.of("3"));
    assertThat(event.count(RecordStatus.HANDLED)).isEqualTo(2);
    assertThat(event.count(RecordStatus.FAILED)).isEqualTo(1);
    assertThat(event.count(RecordStatus.NOT_RUN)).isEqualTo(1);
    assertThat(event.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(6));
  }

  @Test
  void recordsWithoutACreationTimeHaveNoAge() {
    Recording seen = new Recording();
    Record bare =
        pet("1", "a").toBuilder()
            .dynamodb(
                pet("1", "a").dynamodb().toBuilder().approximateCreationDateTime(null).build())
            .build();
    StreamRouter.builder().handlers(new Pets()).observer(seen).build().process(List.of(bare));
    assertThat(seen.batches.get(0).newestRecordAge()).isEmpty();
    assertThat(seen.batches.get(0).oldestRecordAge()).isEmpty();
  }

  @Test
  void keysReachObserversOnlyWhenTheUserOptsIn() {
    Recording seen = new Recording();
    StreamRouter.builder()
        .handlers(new Pets())
        .observeKeys(true)
        .observer(seen)
        .build()
        .process(List.of(pet("1", "a")));
    assertThat(seen.handlers.get(0).keys().orElseThrow())
        .containsEntry("SK", AttributeValue.fromS("PET#a"))
        .doesNotContainKey("name");
  }

  @Test
  void everyObserverIsToldInOrderAndOneThatThrowsFailsNothingAndIsLoggedOncePerKind() {
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    StreamObserver throwing =
        new StreamObserver() {
          @Override
          public void onHandler(HandlerEvent event) {
            order.add("throwing");
            throw new IllegalStateException("observer broke on Jane Doe");
          }

          @Override
          public void onBatch(BatchEvent event) {
            throw new UnsupportedOperationException();
          }
        };
    Recording after = new Recording();
    StreamObserver second =
        new StreamObserver() {
          @Override
          public void onHandler(HandlerEvent event) {
            order.add("second");
          }
        };
    StreamRouter router =
        StreamRouter.builder()
            .handlers(new Pets())
            .observer(throwing)
            .observer(second)
            .observer(after)
            .build();

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    BatchResult first;
    try {
      first = router.process(List.of(pet("1", "a"), pet("2", "b")));
      router.process(List.of(pet("3", "c")));
    } finally {
      System.setErr(saved);
    }

    assertThat(first.isComplete()).isTrue();
    assertThat(first.count(RecordStatus.HANDLED)).isEqualTo(2);
    assertThat(order).startsWith("throwing", "second", "throwing", "second");
    assertThat(after.handlers).hasSize(3);
    assertThat(after.batches).hasSize(2);
    String logs = err.toString(StandardCharsets.UTF_8);
    assertThat(logs.split("failed in onHandler", -1)).as("logged once").hasSize(2);
    assertThat(logs.split("failed in onBatch", -1)).as("logged once").hasSize(2);
    assertThat(logs).doesNotContain("Jane Doe");
  }

  @Test
  void parallelRecordsAreAllTold() {
    Recording seen = new Recording();
    List<Record> batch = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      batch.add(pet(String.valueOf(i), "p" + i));
    }
    try (StreamRouter router =
        StreamRouter.builder().handlers(new Pets()).parallelism(4).observer(seen).build()) {
      router.process(batch);
    }
    assertThat(seen.handlers).hasSize(40);
    assertThat(seen.batches).hasSize(1);
    assertThat(seen.batches.get(0).count(RecordStatus.HANDLED)).isEqualTo(40);
  }

  @Test
  void theRecordsCoordinatesAreInTheMdcWhileItsHandlerRunsAndGoneAfter() {
    Pets pets = new Pets();
    TestClock clock = new TestClock(CREATED);
    StreamRouter.builder().handlers(pets).build().process(List.of(pet("7", "a")), shard(clock));

    assertThat(pets.mdcSeen.get(0))
        .containsEntry("ddbstreams.handlerId", "welcome")
        .containsEntry("ddbstreams.eventId", "event-7")
        .containsEntry("ddbstreams.sequenceNumber", "7")
        .containsEntry("ddbstreams.shardId", "shardId-1")
        .containsEntry(
            "ddbstreams.streamArn",
            "arn:aws:dynamodb:us-east-1:123456789012:table/Pets/stream/2026-11-24T00:00:00.000")
        .hasSize(5);
    Map<String, String> after = MDC.getCopyOfContextMap();
    assertThat(after == null ? Map.of() : after).doesNotContainKey("ddbstreams.handlerId");
  }

  @Test
  void theMdcKeepsTheCallersKeysAndIsLeftAloneWhenTurnedOff() {
    Pets pets = new Pets();
    MDC.put("requestId", "r-1");
    try {
      StreamRouter.builder().handlers(pets).build().process(List.of(pet("1", "a")));
      StreamRouter.builder()
          .handlers(pets)
          .logContext(false)
          .build()
          .process(List.of(pet("2", "a")));
      assertThat(MDC.get("requestId")).isEqualTo("r-1");
    } finally {
      MDC.remove("requestId");
    }
    assertThat(pets.mdcSeen.get(0))
        .containsEntry("requestId", "r-1")
        .containsKey("ddbstreams.eventId");
    assertThat(pets.mdcSeen.get(1)).containsOnlyKeys("requestId");
  }
}
