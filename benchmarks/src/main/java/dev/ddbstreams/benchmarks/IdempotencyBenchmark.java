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

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Records per second through the router, and idempotency store calls per record, with no store, the
 * in-memory store and the DynamoDB store (on the project's DynamoDB emulator, over loopback HTTP,
 * so the figure includes the SDK's request path but no real network). Every batch has fresh event
 * IDs, so every (handler, record) pair takes the NEW path: a conditional put and a completing
 * update.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdempotencyBenchmark {
  private static final int BATCH = 100;

  @Param({"none", "inMemory", "emulator"})
  public String store;

  private List<Record> template;
  private StreamRouter router;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong storeCalls = new AtomicLong();
  private final AtomicLong records = new AtomicLong();

  /** Three handlers over the PetTracker mix: some records match one, some none. */
  public static final class Handlers {
    Blackhole bh;

    @OnInsert(sk = "PET#")
    void welcome(StreamRecord<Map<String, Object>> r) {
      bh.consume(r.sequenceNumber());
    }

    @OnModify(sk = "PET#")
    void weight(StreamRecord<Map<String, Object>> r) {
      bh.consume(r.sequenceNumber());
    }

    @OnRemove
    void removed(StreamRecord<Map<String, Object>> r) {
      bh.consume(r.sequenceNumber());
    }
  }

  /** Counts the calls a store receives. */
  private final class Counting implements IdempotencyStore {
    private final IdempotencyStore delegate;

    Counting(IdempotencyStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
      storeCalls.incrementAndGet();
      return delegate.begin(key, leaseExpiry);
    }

    @Override
    public void complete(IdempotencyKey key) {
      storeCalls.incrementAndGet();
      delegate.complete(key);
    }

    @Override
    public void release(IdempotencyKey key) {
      storeCalls.incrementAndGet();
      delegate.release(key);
    }
  }

  /** Store calls per record, reported next to the throughput. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Calls {
    public long storeCalls;
    public long records;

    @Setup(Level.Iteration)
    public void reset() {
      storeCalls = 0;
      records = 0;
    }
  }

  @Setup
  public void setUp(Blackhole bh) {
    template = Workloads.petTrackerBatch(BATCH, 11);
    Handlers handlers = new Handlers();
    handlers.bh = bh;
    StreamRouter.Builder builder = StreamRouter.builder().handlers(handlers);
    switch (store) {
      case "inMemory" ->
          builder.idempotency(
              new Counting(InMemoryIdempotencyStore.builder().maxEntries(2_000_000).build()));
      case "emulator" -> {
        DynamoDbEmulator local = DynamoDbEmulator.shared();
        String table = "idempotency-bench-" + System.nanoTime();
        DynamoDbIdempotencyStore.createTable(local.client(), table);
        builder.idempotency(
            new Counting(
                DynamoDbIdempotencyStore.builder()
                    .client(local.client())
                    .tableName(table)
                    .build()));
      }
      default -> {}
    }
    router = builder.build();
  }

  @Benchmark
  public BatchResult batchOf100(Calls calls) {
    long g = generation.incrementAndGet();
    List<Record> batch = new ArrayList<>(BATCH);
    for (Record r : template) {
      batch.add(r.toBuilder().eventID(r.eventID() + "-" + g).build());
    }
    long before = storeCalls.get();
    BatchResult result = router.process(batch);
    calls.storeCalls += storeCalls.get() - before;
    calls.records += BATCH;
    return result;
  }
}
