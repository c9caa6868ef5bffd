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
package dev.ddbstreams.kcl;

import static dev.ddbstreams.kcl.EndToEndIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.DeadLetter;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.testkit.StreamTable;
import dev.ddbstreams.testkit.kcl.LocalKcl;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Handler failures and poison records under the real KCL scheduler: retried, never skipped. */
class FailuresIT {
  private static final int ITEMS = 60;
  private static final String POISON = "ITEM#20";

  private static DynamoDbEmulator local;
  private static LocalKcl kcl;

  @BeforeAll
  static void start() {
    local = DynamoDbEmulator.start();
    kcl = LocalKcl.of(local);
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** Fails on one item while {@code failuresLeft} is positive; counts successes per item. */
  public static final class Flaky {
    final String failOn;
    final AtomicInteger failuresLeft;
    final AtomicInteger attemptsOnFailing = new AtomicInteger();
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    Flaky(String failOn, int failures) {
      this.failOn = failOn;
      this.failuresLeft = new AtomicInteger(failures);
    }

    /**
     * Handles a change, or fails on the chosen item.
     *
     * @param change the change
     */
    @OnChange
    public void handle(StreamRecord<Map<String, Object>> change) {
      String pk = change.key("PK").orElseThrow().s();
      if (pk.equals(failOn)) {
        attemptsOnFailing.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
          throw new IllegalStateException("injected failure on " + pk);
        }
      }
      handled.computeIfAbsent(pk, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static StreamTable tableWithOneWritePerItem() throws Exception {
    StreamTable table = StreamTable.builder().create(local.client());
    for (int i = 0; i < ITEMS; i++) {
      LocalConsumers.writeVersion(local.client(), table.name(), i, i + 1, 1);
    }
    return table;
  }

  @Test
  void retriesAFailingRecordInProcessUntilItSucceedsAndRunsEveryRecordOnce() throws Exception {
    StreamTable table = tableWithOneWritePerItem();
    Flaky flaky = new Flaky(POISON, 4);
    StreamRouter router = EndToEndIT.router(flaky);
    try (KclStreamConsumer consumer =
        LocalConsumers.builder(kcl, StreamTable.uniqueName("retry"), table.streamArn(), router)
            .build()) {
      consumer.start();
      await(() -> flaky.handled.size() == ITEMS, Duration.ofSeconds(60));
    }
    assertThat(flaky.attemptsOnFailing).hasValue(5);
    assertThat(flaky.handled).hasSize(ITEMS);
    flaky.handled.forEach((item, n) -> assertThat(n).as(item).hasValue(1));
  }

  @Test
  void deadLettersAPoisonRecordAfterItsAttemptsAndHandlesEverythingElse() throws Exception {
    StreamTable table = tableWithOneWritePerItem();
    Flaky flaky = new Flaky(POISON, Integer.MAX_VALUE);
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(flaky)
            .retry(RetryPolicy.attempts(3).backoff(Duration.ofMillis(10), 2, Duration.ofMillis(50)))
            .deadLetter(letters::add)
            .build();
    String app = StreamTable.uniqueName("dlq");
    try (KclStreamConsumer consumer =
        LocalConsumers.builder(kcl, app, table.streamArn(), router).build()) {
      consumer.start();
      await(() -> flaky.handled.size() == ITEMS - 1, Duration.ofSeconds(60));
      await(() -> checkpoint(app).equals(lastSequence(table)), Duration.ofSeconds(10));
    }
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).record().dynamodb().keys().get("PK").s()).isEqualTo(POISON);
    assertThat(letters.get(0).attempts()).isEqualTo(3);
    assertThat(flaky.attemptsOnFailing).hasValue(3);
    assertThat(flaky.handled).doesNotContainKey(POISON).hasSize(ITEMS - 1);
  }

  @Test
  void withoutASinkAPoisonRecordHoldsItsShardWithTheCheckpointJustBeforeIt() throws Exception {
    StreamTable table = tableWithOneWritePerItem();
    List<Record> records = table.reader(local.streamsClient()).readAll();
    int poisonIndex = indexOf(records, POISON);
    String beforePoison = records.get(poisonIndex - 1).dynamodb().sequenceNumber();
    Flaky flaky = new Flaky(POISON, Integer.MAX_VALUE);
    String app = StreamTable.uniqueName("poison");
    KclStreamConsumer consumer =
        LocalConsumers.builder(kcl, app, table.streamArn(), EndToEndIT.router(flaky)).build();
    long closeMillis;
    try {
      consumer.start();
      await(() -> flaky.attemptsOnFailing.get() >= 5, Duration.ofSeconds(60));
      assertThat(checkpoint(app)).isEqualTo(new BigInteger(beforePoison));
      assertThat(flaky.handled).hasSize(poisonIndex).doesNotContainKey(POISON);
    } finally {
      long closing = System.nanoTime();
      consumer.close();
      closeMillis = (System.nanoTime() - closing) / 1_000_000;
    }
    assertThat(closeMillis).as("close() while retrying").isLessThan(15_000);
    assertThat(checkpoint(app)).isEqualTo(new BigInteger(beforePoison));

    Flaky fixed = new Flaky(POISON, 0);
    try (KclStreamConsumer again =
        LocalConsumers.builder(kcl, app, table.streamArn(), EndToEndIT.router(fixed)).build()) {
      again.start();
      await(() -> fixed.handled.size() == ITEMS - poisonIndex, Duration.ofSeconds(60));
      Thread.sleep(500);
    }
    assertThat(fixed.handled).containsKey(POISON).hasSize(ITEMS - poisonIndex);
  }

  /** Interrupts its own thread while failing on one item, once; counts successes per item. */
  public static final class SelfInterrupting {
    final String failOn;
    final AtomicInteger interruptsLeft = new AtomicInteger(1);
    final AtomicInteger attemptsOnFailing = new AtomicInteger();
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    SelfInterrupting(String failOn) {
      this.failOn = failOn;
    }

    /**
     * Handles a change, or fails with the thread's interrupt set, as a handler does whose blocking
     * call was interrupted.
     *
     * @param change the change
     */
    @OnChange
    public void handle(StreamRecord<Map<String, Object>> change) {
      String pk = change.key("PK").orElseThrow().s();
      if (pk.equals(failOn)) {
        attemptsOnFailing.incrementAndGet();
        if (interruptsLeft.getAndDecrement() > 0) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("injected: interrupted while handling " + pk);
        }
      }
      handled.computeIfAbsent(pk, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @Test
  void aHandlerThatInterruptsItsOwnThreadDoesNotHoldAnIdleShard() throws Exception {
    StreamTable table = StreamTable.builder().create(local.client());
    for (int i = 0; i < ITEMS - 1; i++) {
      LocalConsumers.writeVersion(local.client(), table.name(), i, i + 1, 1);
    }
    // The last write of a quiet table, in a batch of its own: no later record arrives to bring
    // its batch back if the handler's interrupt ended the retry wait.
    String last = "ITEM#" + (ITEMS - 1);
    SelfInterrupting handler = new SelfInterrupting(last);
    String app = StreamTable.uniqueName("interrupt");
    try (KclStreamConsumer consumer =
        LocalConsumers.builder(kcl, app, table.streamArn(), EndToEndIT.router(handler)).build()) {
      consumer.start();
      await(() -> handler.handled.size() == ITEMS - 1, Duration.ofSeconds(60));
      LocalConsumers.writeVersion(local.client(), table.name(), ITEMS - 1, ITEMS, 1);
      await(() -> handler.handled.size() == ITEMS, Duration.ofSeconds(30));
      await(() -> checkpoint(app).equals(lastSequence(table)), Duration.ofSeconds(10));
    }
    assertThat(handler.attemptsOnFailing).hasValue(2);
    assertThat(handler.handled).hasSize(ITEMS);
    handler.handled.forEach((item, n) -> assertThat(n).as(item).hasValue(1));
  }

  /** Throws an error of the JVM itself on one item; counts the others. */
  public static final class Fatal {
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    /**
     * Handles a change, or fails the JVM's way on the poison item.
     *
     * @param change the change
     */
    @OnChange
    public void handle(StreamRecord<Map<String, Object>> change) {
      String pk = change.key("PK").orElseThrow().s();
      if (pk.equals(POISON)) {
        throw new InternalError("injected JVM failure on " + pk);
      }
      handled.computeIfAbsent(pk, k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @Test
  void anErrorOfTheJvmStopsTheWorkerWithTheCheckpointBeforeTheRecord() throws Exception {
    StreamTable table = tableWithOneWritePerItem();
    List<Record> records = table.reader(local.streamsClient()).readAll();
    int poisonIndex = indexOf(records, POISON);
    BigInteger poison = new BigInteger(records.get(poisonIndex).dynamodb().sequenceNumber());
    Fatal fatal = new Fatal();
    String app = StreamTable.uniqueName("fatal");
    KclStreamConsumer consumer =
        LocalConsumers.builder(kcl, app, table.streamArn(), EndToEndIT.router(fatal)).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                consumer.run();
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    worker.start();
    worker.join(60_000);

    assertThat(worker.isAlive()).as("the worker stopped by itself").isFalse();
    assertThat(thrown.get()).isInstanceOf(InternalError.class);
    // The router's result of the batch is lost with the error: the checkpoint stays where it
    // was (here the shard's start), never past the record, and the next worker runs them again.
    assertThat(checkpoint(app)).isLessThan(poison);
    assertThat(fatal.handled).hasSize(poisonIndex).doesNotContainKey(POISON);
  }

  private static int indexOf(List<Record> records, String pk) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).dynamodb().keys().get("PK").s().equals(pk)) {
        return i;
      }
    }
    throw new AssertionError(pk + " not in the stream");
  }

  private static BigInteger lastSequence(StreamTable table) {
    List<Record> records = table.reader(local.streamsClient()).readAll();
    return new BigInteger(records.get(records.size() - 1).dynamodb().sequenceNumber());
  }

  private static BigInteger checkpoint(String app) {
    List<Map<String, AttributeValue>> leases = local.client().scan(b -> b.tableName(app)).items();
    String cp = leases.get(0).get("checkpoint").s();
    return cp.chars().allMatch(Character::isDigit) ? new BigInteger(cp) : BigInteger.ONE.negate();
  }
}
