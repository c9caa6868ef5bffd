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

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.DynamodbEventTransformer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.lambda.DynamoDbStreamJsonLambda;
import dev.ddbstreams.lambda.DynamoDbStreamLambda;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A 1,000-record Lambda event near the 6 MB invocation limit, from JSON bytes to routed records:
 * the runtime serializer with the SDK transformer (what a hand-written handler does), the library's
 * {@code RequestHandler} base (serializer plus its own converter), and its streaming {@code
 * RequestStreamHandler} base that decodes the JSON straight into SDK records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LambdaDecodeBenchmark {
  private static final PojoSerializer<DynamodbEvent> SERIALIZER =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, LambdaDecodeBenchmark.class.getClassLoader());

  /**
   * Attributes per image: 10 small attributes padded with one long text to reach the size, or 100
   * small attributes.
   */
  @Param({"10", "100"})
  public int attributes;

  private byte[] event;
  private StreamRouter router;
  private DynamoDbStreamLambda serializerHandler;
  private DynamoDbStreamJsonLambda streamingHandler;

  /** Reads each record's coordinates: the figure is decoding, not handler work. */
  public static final class Touch {
    Blackhole bh;

    @OnChange
    void touch(StreamRecord<Map<String, Object>> r) {
      bh.consume(r.sequenceNumber());
    }
  }

  @Setup
  public void setUp(Blackhole bh) {
    event = LambdaEvents.lambdaDecodeEvent(attributes);
    Touch touch = new Touch();
    touch.bh = bh;
    router = StreamRouter.builder().handlers(touch).build();
    StreamRouter shared = router;
    serializerHandler =
        new DynamoDbStreamLambda() {
          @Override
          protected StreamRouter router() {
            return shared;
          }
        };
    streamingHandler =
        new DynamoDbStreamJsonLambda() {
          @Override
          protected StreamRouter router() {
            return shared;
          }
        };
  }

  /** Size of the event, for the write-up. */
  public int eventBytes() {
    return event.length;
  }

  /** Hand-written: runtime serializer, SDK transformer, then the same router. */
  @Benchmark
  public Object serializerAndTransformer() {
    DynamodbEvent decoded = SERIALIZER.fromJson(new ByteArrayInputStream(event));
    List<Record> records = DynamodbEventTransformer.toRecordsV2(decoded);
    return router.process(records);
  }

  /** The library's RequestHandler base: the runtime decodes, the base converts and routes. */
  @Benchmark
  public StreamsEventResponse requestHandlerBase() {
    return serializerHandler.handleRequest(
        SERIALIZER.fromJson(new ByteArrayInputStream(event)), null);
  }

  /** The library's RequestStreamHandler base: streaming JSON straight to SDK records. */
  @Benchmark
  public byte[] streamingBase() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    streamingHandler.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }
}
