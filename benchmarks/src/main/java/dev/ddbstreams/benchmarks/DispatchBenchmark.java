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
import dev.ddbstreams.EventName;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Dispatch of a 1,000-record batch to 10 handlers: the router against the {@code switch} / {@code
 * startsWith} dispatcher a team writes by hand, doing the same work on the same records. Handlers
 * consume the record's coordinates, so the figure is the cost of routing, not of a handler's own
 * work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DispatchBenchmark {
  private static final ImageMapper<Item> ITEMS = ImageMapper.of(Item.class);

  @Param({"1000"})
  public int batchSize;

  /**
   * What each handler does: {@code coordinates} reads the sequence number only, so the figure is
   * the routing cost; {@code decode} also maps the record's image to {@link Item}, the work every
   * real handler starts with.
   */
  @Param({"coordinates", "decode"})
  public String work;

  private List<Record> batch;
  private StreamRouter router;
  private StreamRouter routerWithIdempotency;
  private Handlers routed;
  private Handlers handWritten;

  /** The ten handlers, shared by both sides. */
  public static final class Handlers {
    Blackhole bh;
    boolean decode;

    private void use(StreamRecord<Item> r) {
      bh.consume(r.sequenceNumber());
      if (decode) {
        bh.consume(r.eventName() == EventName.REMOVE ? r.oldImage() : r.newImage());
      }
    }

    /** A Handlers whose methods consume into {@code bh} and decode nothing. */
    public static Handlers consuming(Blackhole bh) {
      Handlers h = new Handlers();
      h.bh = bh;
      return h;
    }

    /**
     * What a team writes by hand: switch on the event, startsWith on the keys, direct calls.
     *
     * @return how many handler calls were made
     */
    public int dispatch(StreamRecord<Item> r, EventName event, String pk, String sk) {
      int calls = 0;
      switch (event) {
        case INSERT -> {
          if (sk.startsWith("PET#")) {
            petInserted(r);
            calls++;
          }
          if (sk.startsWith("PROFILE")) {
            userInserted(r);
            calls++;
          }
          if (sk.startsWith("ACTIVITY#")) {
            activity(r);
            calls++;
            leaderboard(r);
            calls++;
          }
        }
        case MODIFY -> {
          if (sk.startsWith("PET#")) {
            petModified(r);
            calls++;
          }
          if (sk.startsWith("PROFILE")) {
            userModified(r);
            calls++;
          }
          if (sk.startsWith("SUMMARY#")) {
            summary(r);
            calls++;
          }
        }
        case REMOVE -> {
          if (sk.startsWith("PET#")) {
            if (r.isTtlExpiry()) {
              petExpired(r);
              calls++;
            } else {
              petDeleted(r);
              calls++;
            }
          }
          if (pk.startsWith("USER#")) {
            anyRemove(r);
            calls++;
          }
        }
      }
      return calls;
    }

    @OnInsert(sk = "PET#")
    void petInserted(StreamRecord<Item> r) {
      use(r);
    }

    @OnModify(sk = "PET#")
    void petModified(StreamRecord<Item> r) {
      use(r);
    }

    @OnRemove(sk = "PET#", ttl = TtlMatch.EXCLUDE)
    void petDeleted(StreamRecord<Item> r) {
      use(r);
    }

    @OnRemove(sk = "PET#", ttl = TtlMatch.ONLY)
    void petExpired(StreamRecord<Item> r) {
      use(r);
    }

    @OnInsert(sk = "PROFILE")
    void userInserted(StreamRecord<Item> r) {
      use(r);
    }

    @OnModify(sk = "PROFILE")
    void userModified(StreamRecord<Item> r) {
      use(r);
    }

    @OnInsert(sk = "ACTIVITY#")
    void activity(StreamRecord<Item> r) {
      use(r);
    }

    @OnInsert(sk = "ACTIVITY#")
    void leaderboard(StreamRecord<Item> r) {
      use(r);
    }

    @OnModify(sk = "SUMMARY#")
    void summary(StreamRecord<Item> r) {
      use(r);
    }

    @OnRemove(pk = "USER#")
    void anyRemove(StreamRecord<Item> r) {
      use(r);
    }
  }

  @Setup
  public void setUp(Blackhole bh) {
    batch = Workloads.petTrackerBatch(batchSize, 42);
    routed = new Handlers();
    routed.bh = bh;
    routed.decode = work.equals("decode");
    handWritten = new Handlers();
    handWritten.bh = bh;
    handWritten.decode = work.equals("decode");
    router = StreamRouter.builder().keys("PK", "SK").handlers(routed).build();
    routerWithIdempotency =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(routed)
            .idempotency(InMemoryIdempotencyStore.builder().maxEntries(10_000_000).build())
            .build();
  }

  @Benchmark
  public BatchResult router() {
    return router.process(batch);
  }

  /** The router with the in-memory store: two store calls per (handler, record). */
  @Benchmark
  public BatchResult routerWithInMemoryIdempotency() {
    // After the first batch every pair is COMPLETED: this measures the redelivery path.
    return routerWithIdempotency.process(batch);
  }

  /** What a team writes by hand: switch on the event, startsWith on the sort key. */
  @Benchmark
  public int handWritten() {
    Handlers h = handWritten;
    int calls = 0;
    for (Record raw : batch) {
      StreamRecord<Item> r = StreamRecord.of(raw, ITEMS);
      AttributeValue skValue = r.keys().get("SK");
      String sk = skValue == null ? "" : skValue.s();
      String pk = r.keys().get("PK").s();
      calls += h.dispatch(r, r.eventName(), pk, sk);
    }
    return calls;
  }
}
