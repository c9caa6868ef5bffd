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
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.ddbstreams.EventName;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.lambda.EmbeddedMetrics;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import dev.ddbstreams.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Lambda invocation of a 1,000-record PetTracker event (inserts, modifies and removes of pets,
 * users, activities and summaries, some TTL deletes; 10-attribute images) through five typed
 * handlers doing light work ({@link PetWork}), from event JSON to response JSON. Scores are records
 * per second; with {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per record.
 *
 * <p>{@code library}: {@link LibraryLambda} with {@link PetHandlers} (Java record items). {@code
 * libraryFromBean}: the same with {@link PetBeanHandlers} ({@code fromBean}, as the baseline).
 * {@code handWritten}: the runtime serializer in and out around {@link HandWrittenHandler}. {@code
 * decodeOnly}: the library's internal {@link StreamEventDecoder} alone (internal API, used only to
 * split the library's cost into decoding and the rest). {@code libraryWithMicrometer} and {@code
 * libraryWithEmf}: {@code library} with a {@link MicrometerObserver} on a {@code
 * SimpleMeterRegistry}, or with {@link EmbeddedMetrics} writing its documents to nowhere: what
 * observing costs.
 *
 * <p>What a record no handler matches costs, against one a handler reads: {@code
 * libraryNoHandlerMatches} runs the same event through a router whose one handler matches no record
 * ({@link NoMatch}), {@code libraryEveryRecordRead} through one whose handler maps every record's
 * image ({@link EveryRecord}: the new image, the old one for removes). The goal is that the first
 * costs at most 10% of the second per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(FullBatchBenchmark.RECORDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FullBatchBenchmark {
  static final int RECORDS = 1000;

  private static final PojoSerializer<DynamodbEvent> EVENTS =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, FullBatchBenchmark.class.getClassLoader());
  private static final PojoSerializer<StreamsEventResponse> RESPONSES =
      LambdaEventSerializers.serializerFor(
          StreamsEventResponse.class, FullBatchBenchmark.class.getClassLoader());

  private byte[] event;
  private PetWork libraryWork;
  private PetWork beanWork;
  private PetWork handWork;
  private LibraryLambda library;
  private LibraryLambda libraryFromBean;
  private PetWork micrometerWork;
  private LibraryLambda libraryWithMicrometer;
  private PetWork emfWork;
  private LibraryLambda libraryWithEmf;
  private HandWrittenHandler handWritten;
  private LibraryLambda libraryNoMatch;
  private EveryRecord everyRecord;
  private LibraryLambda libraryEveryRecord;

  /** A handler no record of the PetTracker event matches. */
  public static final class NoMatch {
    @OnChange(sk = "NO-SUCH-PREFIX#")
    void never(Item item) {
      throw new IllegalStateException("no record has this prefix");
    }
  }

  /** A handler that takes every record and maps its image. */
  public static final class EveryRecord {
    int seen;

    @OnChange
    void any(StreamRecord<Item> change) {
      Item item =
          (change.eventName() == EventName.REMOVE ? change.oldImage() : change.newImage())
              .orElseThrow();
      seen += item.SK().length();
    }
  }

  @Setup
  public void setUp() {
    event = LambdaEvents.fullBatchEvent();
    libraryWork = new PetWork();
    library = LibraryLambda.pets(libraryWork);
    beanWork = new PetWork();
    libraryFromBean =
        new LibraryLambda(
            StreamRouter.builder()
                .keys("PK", "SK")
                .handlers(new PetBeanHandlers(beanWork))
                .build());
    handWork = new PetWork();
    handWritten = new HandWrittenHandler(handWork);
    micrometerWork = new PetWork();
    libraryWithMicrometer =
        new LibraryLambda(
            StreamRouter.builder()
                .keys("PK", "SK")
                .handlers(new PetHandlers(micrometerWork))
                .observer(new MicrometerObserver(new SimpleMeterRegistry()))
                .build());
    emfWork = new PetWork();
    libraryWithEmf =
        new LibraryLambda(
            StreamRouter.builder()
                .keys("PK", "SK")
                .handlers(new PetHandlers(emfWork))
                .observer(
                    EmbeddedMetrics.builder().functionName("bench").output(line -> {}).build())
                .build());
    libraryNoMatch =
        new LibraryLambda(StreamRouter.builder().keys("PK", "SK").handlers(new NoMatch()).build());
    everyRecord = new EveryRecord();
    libraryEveryRecord =
        new LibraryLambda(StreamRouter.builder().keys("PK", "SK").handlers(everyRecord).build());
  }

  /** Size of the event, for the write-up. */
  int eventBytes() {
    return event.length;
  }

  /** ddbstreams, items as a Java record. */
  @Benchmark
  public byte[] library() throws IOException {
    libraryWork.startBatch();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    library.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** ddbstreams, items as a {@code @DynamoDbBean} mapped with {@code fromBean}. */
  @Benchmark
  public byte[] libraryFromBean() throws IOException {
    beanWork.startBatch();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    libraryFromBean.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** ddbstreams with the Micrometer binding observing. */
  @Benchmark
  public byte[] libraryWithMicrometer() throws IOException {
    micrometerWork.startBatch();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    libraryWithMicrometer.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** ddbstreams with embedded metric format documents written to nowhere. */
  @Benchmark
  public byte[] libraryWithEmf() throws IOException {
    emfWork.startBatch();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    libraryWithEmf.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** Hand-written, with the runtime serializing the event in and the response out. */
  @Benchmark
  public byte[] handWritten() {
    handWork.startBatch();
    StreamsEventResponse response =
        handWritten.handleRequest(EVENTS.fromJson(new ByteArrayInputStream(event)), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    RESPONSES.toJson(response, out);
    return out.toByteArray();
  }

  /** ddbstreams, a router whose one handler matches no record: what an unmatched record costs. */
  @Benchmark
  public byte[] libraryNoHandlerMatches() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    libraryNoMatch.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** ddbstreams, a router whose one handler maps every record's image. */
  @Benchmark
  public byte[] libraryEveryRecordRead() throws IOException {
    everyRecord.seen = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    libraryEveryRecord.handleRequest(new ByteArrayInputStream(event), out, null);
    return out.toByteArray();
  }

  /** The library's decoder alone (internal API): JSON to SDK records, nothing routed. */
  @Benchmark
  public DecodedEvent decodeOnly() {
    return StreamEventDecoder.decode(event);
  }
}
