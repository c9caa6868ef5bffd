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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Lambda event JSON to typed items, per record, on one core: a 100-record MODIFY event (Lambda's
 * default batch size) whose new images become items of 10 or 100 attributes.
 *
 * <p>ddbstreams sides go through the public path a user takes: {@link
 * dev.ddbstreams.lambda.DynamoDbStreamJsonLambda} (streaming decode) and a router whose one handler
 * takes the item, so the router maps it: a Java record with the record mapper ({@code library}), a
 * {@code @DynamoDbBean} with {@code fromBean} ({@code libraryFromBean}), or a static schema through
 * {@code ImageMapper.of(TableSchema)} ({@code libraryStaticSchema}; the router has no setting for a
 * custom mapper, so that handler takes the record and maps with {@code withMapper}). Hand-written
 * sides: the runtime's serializer, {@code DynamodbEventTransformer.toRecordsV2}, then {@code
 * mapToItem} of a schema built once ({@code fromBean} or static).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(TypedDecodeBenchmark.RECORDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TypedDecodeBenchmark {
  static final int RECORDS = 100;

  private static final PojoSerializer<DynamodbEvent> SERIALIZER =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, TypedDecodeBenchmark.class.getClassLoader());

  /** Attributes per image. */
  @Param({"10", "100"})
  public int attributes;

  private byte[] event;
  private TableSchema<?> fromBean;
  private TableSchema<?> staticSchema;
  private LibraryLambda library;
  private LibraryLambda libraryFromBean;
  private LibraryLambda libraryStaticSchema;

  /** Handler of {@link Item}: the router maps the new image with the record mapper. */
  public static final class Items {
    Blackhole bh;

    @OnChange
    void on(Item item) {
      bh.consume(item);
    }
  }

  /** Handler of {@link WideItem}. */
  public static final class WideItems {
    Blackhole bh;

    @OnChange
    void on(WideItem item) {
      bh.consume(item);
    }
  }

  /** Handler of {@link ItemBean}: the router maps with {@code fromBean}. */
  public static final class ItemBeans {
    Blackhole bh;

    @OnChange
    void on(ItemBean item) {
      bh.consume(item);
    }
  }

  /** Handler of {@link WideItemBean}. */
  public static final class WideItemBeans {
    Blackhole bh;

    @OnChange
    void on(WideItemBean item) {
      bh.consume(item);
    }
  }

  /** Maps the new image with a static schema (untyped record: no mapping until asked). */
  public static final class StaticSchema {
    Blackhole bh;
    ImageMapper<?> mapper;

    @OnChange
    void on(StreamRecord<Map<String, Object>> change) {
      bh.consume(change.withMapper(mapper).newImage().orElseThrow());
    }
  }

  @Setup
  public void setUp(Blackhole bh) {
    event = LambdaEvents.of(Workloads.modifyBatch(RECORDS, attributes, 5));
    boolean wide = attributes == 100;
    fromBean =
        wide ? TableSchema.fromBean(WideItemBean.class) : TableSchema.fromBean(ItemBean.class);
    staticSchema = wide ? WideItemSchema.create() : ItemSchema.create();
    Object typed;
    Object beans;
    if (wide) {
      WideItems w = new WideItems();
      w.bh = bh;
      typed = w;
      WideItemBeans b = new WideItemBeans();
      b.bh = bh;
      beans = b;
    } else {
      Items i = new Items();
      i.bh = bh;
      typed = i;
      ItemBeans b = new ItemBeans();
      b.bh = bh;
      beans = b;
    }
    StaticSchema s = new StaticSchema();
    s.bh = bh;
    s.mapper = ImageMapper.of(staticSchema);
    library = new LibraryLambda(StreamRouter.builder().keys("PK", "SK").handlers(typed).build());
    libraryFromBean =
        new LibraryLambda(StreamRouter.builder().keys("PK", "SK").handlers(beans).build());
    libraryStaticSchema =
        new LibraryLambda(StreamRouter.builder().keys("PK", "SK").handlers(s).build());
  }

  private byte[] run(LibraryLambda function) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    function.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** ddbstreams: streaming decode, router maps a Java record with the record mapper. */
  @Benchmark
  public byte[] library() throws IOException {
    return run(library);
  }

  /** ddbstreams: streaming decode, router maps a {@code @DynamoDbBean} with {@code fromBean}. */
  @Benchmark
  public byte[] libraryFromBean() throws IOException {
    return run(libraryFromBean);
  }

  /** ddbstreams: streaming decode, a static schema through {@code ImageMapper.of(TableSchema)}. */
  @Benchmark
  public byte[] libraryStaticSchema() throws IOException {
    return run(libraryStaticSchema);
  }

  /** Hand-written: runtime serializer, SDK transformer, {@code fromBean} built once. */
  @Benchmark
  public void handWrittenFromBean(Blackhole bh) {
    handWritten(fromBean, bh);
  }

  /** Hand-written with a static schema instead of {@code fromBean}. */
  @Benchmark
  public void handWrittenStaticSchema(Blackhole bh) {
    handWritten(staticSchema, bh);
  }

  private void handWritten(TableSchema<?> schema, Blackhole bh) {
    DynamodbEvent decoded = SERIALIZER.fromJson(new ByteArrayInputStream(event));
    for (Record r : DynamodbEventTransformer.toRecordsV2(decoded)) {
      bh.consume(schema.mapToItem(r.dynamodb().newImage()));
    }
  }
}
