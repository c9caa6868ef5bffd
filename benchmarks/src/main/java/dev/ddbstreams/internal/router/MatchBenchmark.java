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
package dev.ddbstreams.internal.router;

import dev.ddbstreams.EventName;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.benchmarks.DispatchBenchmark;
import dev.ddbstreams.benchmarks.Item;
import dev.ddbstreams.benchmarks.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Dispatch alone, without the rest of the router's record path: {@link DispatchBenchmark}'s 1,000
 * records and ten handlers, where each side wraps each record, finds its handlers and calls them,
 * and nothing else (no outcome, no batch result, no idempotency or retry stage, which {@code
 * DispatchBenchmark.router} also pays). {@code handWritten} is {@code DispatchBenchmark}'s {@code
 * switch}; {@code table} is the router's {@link DispatchTable} with its method-handle calls; {@code
 * linearScan} asks every handler of the event in turn, as the router did before the table.
 *
 * <p>In the router's internal package because the table is internal; run it from the benchmarks'
 * classpath (core is not a named module there).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchBenchmark {
  private static final ImageMapper<Item> ITEMS = ImageMapper.of(Item.class);

  private List<Record> batch;
  private DispatchTable table;
  private DispatchBenchmark.Handlers handWritten;

  @Setup
  public void setUp(Blackhole bh) {
    batch = Workloads.petTrackerBatch(1000, 42);
    DispatchBenchmark.Handlers routed = DispatchBenchmark.Handlers.consuming(bh);
    handWritten = DispatchBenchmark.Handlers.consuming(bh);
    HandlerScanner scanner = new HandlerScanner(null);
    scanner.scan(routed);
    table = new DispatchTable(scanner.handlers(), "PK", "SK");
  }

  @Benchmark
  public int table() throws Throwable {
    int calls = 0;
    for (int i = 0; i < batch.size(); i++) {
      RecordView view = new RecordView(i, batch.get(i), null, ITEMS);
      HandlerMethod[] matched = table.match(view);
      for (int j = 0; j < matched.length; j++) {
        matched[j].invoke(view, null);
        calls++;
      }
    }
    return calls;
  }

  @Benchmark
  public int linearScan() throws Throwable {
    int calls = 0;
    for (int i = 0; i < batch.size(); i++) {
      RecordView view = new RecordView(i, batch.get(i), null, ITEMS);
      List<HandlerMethod> matched = new ArrayList<>(2);
      for (HandlerMethod h : table.handlers(view.eventName())) {
        if (h.matches(view, "PK", "SK")) {
          matched.add(h);
        }
      }
      for (HandlerMethod h : matched) {
        h.invoke(view, null);
        calls++;
      }
    }
    return calls;
  }

  @Benchmark
  public int handWritten() {
    DispatchBenchmark.Handlers h = handWritten;
    int calls = 0;
    for (Record raw : batch) {
      StreamRecord<Item> r = StreamRecord.of(raw, ITEMS);
      AttributeValue skValue = r.keys().get("SK");
      String sk = skValue == null ? "" : skValue.s();
      String pk = r.keys().get("PK").s();
      EventName event = r.eventName();
      calls += h.dispatch(r, event, pk, sk);
    }
    return calls;
  }
}
