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
package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.BatchWrites;
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testkit.lambda.StartingPosition;
import dev.ddbstreams.testlog.Figures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reliability: 10,000 real writes, a function that fails 10% of its invocations, and a counter per
 * item. Every counter must end equal to the writes to its item: nothing lost, nothing twice.
 *
 * <p>Half the injected failures are a handler throwing at a random record (the router reports a
 * checkpoint, the mapping retries from it); the other half are the function failing after the
 * router finished (the side effects are applied, yet the mapping retries the whole batch, or its
 * halves), which only the idempotency store keeps from counting twice.
 */
class LocalEventSourceMappingIT {
  private static final int ITEMS = 2_000;
  private static final int WRITES_PER_ITEM = 5;
  private static final String ITEMS_TABLE = "Items";
  private static final String COUNTERS_TABLE = "Counters";

  private static DynamoDbEmulator local;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    local = DynamoDbEmulator.start();
    ddb = local.client();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** Fails the invocation at a chosen handler call, counted per thread (router parallelism 1). */
  private static final ThreadLocal<int[]> FAIL_AT_CALL =
      ThreadLocal.withInitial(() -> new int[] {-1});

  private static final AtomicLong HANDLER_FAILURES = new AtomicLong();

  /** Adds one to the item's counter per change, atomically. */
  public static final class Counting {
    /**
     * Counts a change.
     *
     * @param change the change
     */
    @OnChange
    public void count(StreamRecord<Map<String, Object>> change) {
      int[] left = FAIL_AT_CALL.get();
      if (left[0]-- == 0) {
        HANDLER_FAILURES.incrementAndGet();
        throw new IllegalStateException("injected handler failure");
      }
      ddb.updateItem(
          b ->
              b.tableName(COUNTERS_TABLE)
                  .key(Map.of("PK", change.keys().get("PK")))
                  .updateExpression("ADD #c :one")
                  .expressionAttributeNames(Map.of("#c", "count"))
                  .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }
  }

  private static final class Counter extends DynamoDbStreamJsonLambda {
    private static final StreamRouter ROUTER =
        StreamRouter.builder()
            .handlers(new Counting())
            .idempotency(InMemoryIdempotencyStore.builder().maxEntries(50_000).build())
            .build();

    @Override
    protected StreamRouter router() {
      return ROUTER;
    }
  }

  @Test
  void appliesEveryWriteExactlyOnceDespiteFailingInvocations() throws Exception {
    String arn = LocalTables.createStreamTable(ddb, ITEMS_TABLE);
    LocalTables.createTable(ddb, COUNTERS_TABLE);
    long started = System.nanoTime();
    writeEverything();
    long written = System.nanoTime();

    AtomicLong crashes = new AtomicLong();
    AtomicLong invocations = new AtomicLong();
    Counter counter = new Counter();
    RequestStreamHandler function =
        (in, out, context) -> {
          invocations.incrementAndGet();
          ThreadLocalRandom random = ThreadLocalRandom.current();
          boolean fail = random.nextInt(10) == 0;
          boolean crashAfter = fail && random.nextBoolean();
          FAIL_AT_CALL.get()[0] = fail && !crashAfter ? random.nextInt(20) : -1;
          counter.handleRequest(in, out, context);
          if (crashAfter) {
            crashes.incrementAndGet();
            throw new IllegalStateException("injected failure after processing");
          }
        };
    List<String> givenUp = new ArrayList<>();
    LocalEventSourceMapping.Stats stats;
    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(arn)
            .handler(function)
            .startingPosition(StartingPosition.TRIM_HORIZON)
            .batchSize(100)
            .parallelizationFactor(4)
            .reportBatchItemFailures(true)
            .bisectBatchOnFunctionError(true)
            .onFailure(givenUp::add)
            .build()) {
      assertThat(mapping.drain(Duration.ofMinutes(2))).isTrue();
      stats = mapping.stats();
    }
    long done = System.nanoTime();

    Map<String, Integer> counts = counters();
    long lost = 0;
    long doubled = 0;
    for (int i = 0; i < ITEMS; i++) {
      int count = counts.getOrDefault(item(i), 0);
      lost += Math.max(0, WRITES_PER_ITEM - count);
      doubled += Math.max(0, count - WRITES_PER_ITEM);
    }
    Figures.print(
        String.format(
            "reliability: records=%d invocations=%d injectedFailures=%d (handlerFailures=%d,"
                + " failuresAfterProcessing=%d) redeliveredRecords=%d bisections=%d lost=%d"
                + " doubled=%d writeSeconds=%.1f deliverSeconds=%.1f",
            ITEMS * WRITES_PER_ITEM,
            stats.invocations(),
            HANDLER_FAILURES.get() + crashes.get(),
            HANDLER_FAILURES.get(),
            crashes.get(),
            stats.recordsDelivered() - (long) ITEMS * WRITES_PER_ITEM,
            stats.bisections(),
            lost,
            doubled,
            (written - started) / 1e9,
            (done - written) / 1e9));

    assertThat(givenUp).isEmpty();
    assertThat(HANDLER_FAILURES.get()).as("handler failures injected").isPositive();
    assertThat(crashes.get()).as("failures after processing injected").isPositive();
    assertThat(stats.recordsDelivered()).isGreaterThan((long) ITEMS * WRITES_PER_ITEM);
    assertThat(lost).as("lost").isZero();
    assertThat(doubled).as("doubled").isZero();
    assertThat(counts).hasSize(ITEMS);
  }

  private static String item(int i) {
    return "ITEM#" + i;
  }

  /** Writes every version of every item: one round per version, with the testkit's BatchWrites. */
  private static void writeEverything() {
    for (int version = 1; version <= WRITES_PER_ITEM; version++) {
      int v = version;
      BatchWrites.put(
          ddb,
          ITEMS_TABLE,
          ITEMS,
          i ->
              Map.of(
                  "PK", AttributeValue.fromS(item(i)),
                  "SK", AttributeValue.fromS("A"),
                  "v", AttributeValue.fromN(Integer.toString(v))));
    }
  }

  private static Map<String, Integer> counters() {
    Map<String, Integer> out = new HashMap<>();
    ddb.scanPaginator(b -> b.tableName(COUNTERS_TABLE))
        .items()
        .forEach(i -> out.put(i.get("PK").s(), Integer.parseInt(i.get("count").n())));
    return out;
  }
}
