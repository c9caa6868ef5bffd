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
import com.amazonaws.services.lambda.runtime.events.transformers.v2.DynamodbEventTransformer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * The stages of {@link TypedDecodeBenchmark} one at a time, per record, to show where the time and
 * the allocation go: decoding (the library's internal {@code StreamEventDecoder}, used here only
 * for this split, scanning alone and with every image decoded, against the runtime serializer +
 * transformer), routing already decoded records, and mapping one image with the library's record
 * mapper or {@code fromBean}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DecodeStagesBenchmark.RECORDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class DecodeStagesBenchmark {
  static final int RECORDS = 100;

  private static final PojoSerializer<DynamodbEvent> SERIALIZER =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, DecodeStagesBenchmark.class.getClassLoader());

  /** Attributes per image. */
  @Param({"10", "100"})
  public int attributes;

  private byte[] event;
  private List<Record> records;
  private List<Map<String, AttributeValue>> images;
  private TableSchema<?> fromBean;
  private ImageMapper<?> jackson;
  private StreamRouter router;

  /** Reads each record's coordinates only. */
  public static final class Touch {
    Blackhole bh;

    @OnChange
    void on(StreamRecord<Map<String, Object>> r) {
      bh.consume(r.sequenceNumber());
    }
  }

  @Setup
  public void setUp(Blackhole bh) {
    records = Workloads.modifyBatch(RECORDS, attributes, 5);
    event = LambdaEvents.of(records);
    images = records.stream().map(r -> r.dynamodb().newImage()).toList();
    boolean wide = attributes == 100;
    fromBean =
        wide ? TableSchema.fromBean(WideItemBean.class) : TableSchema.fromBean(ItemBean.class);
    jackson = wide ? ImageMapper.of(WideItem.class) : ImageMapper.of(Item.class);
    Touch touch = new Touch();
    touch.bh = bh;
    router = StreamRouter.builder().keys("PK", "SK").handlers(touch).build();
  }

  /** JSON to SDK records with the library's streaming decoder (internal API). */
  @Benchmark
  public DecodedEvent decodeLibrary() {
    return StreamEventDecoder.decode(event);
  }

  /**
   * JSON to complete SDK records with the library's decoder: the scan, then every image decoded, as
   * a batch whose handlers read every image costs (internal API). {@link #decodeLibrary} is the
   * scan alone: the images stay undecoded until read.
   */
  @Benchmark
  public void decodeLibraryWithImages(Blackhole bh) {
    List<Record> decoded = StreamEventDecoder.decode(event).records();
    for (int i = 0; i < decoded.size(); i++) {
      bh.consume(decoded.get(i));
    }
  }

  /** JSON to SDK records with the runtime serializer and the SDK transformer. */
  @Benchmark
  public List<Record> decodeRuntimeAndTransformer() {
    return DynamodbEventTransformer.toRecordsV2(
        SERIALIZER.fromJson(new ByteArrayInputStream(event)));
  }

  /** Routing decoded records to a handler that maps nothing. */
  @Benchmark
  public Object routeOnly() {
    return router.process(records);
  }

  /** One image to an item with {@code fromBean}. */
  @Benchmark
  public void mapFromBean(Blackhole bh) {
    for (Map<String, AttributeValue> image : images) {
      bh.consume(fromBean.mapToItem(image));
    }
  }

  /**
   * One image to a Java record with the library's mapper, which calls the canonical constructor
   * with one converter per component (Jackson only for images it cannot map the same way). The name
   * is from when Jackson mapped every record; docs/performance.md refers to it.
   */
  @Benchmark
  public void mapJackson(Blackhole bh) {
    for (Map<String, AttributeValue> image : images) {
      bh.consume(jackson.map(image));
    }
  }
}
