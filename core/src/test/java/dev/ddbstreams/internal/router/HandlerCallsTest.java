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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamContext;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.diff.ImageDiff;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Handlers are called through a method handle adapted to their arity, whether their class lets the
 * router in with full privilege access or not (here: the same class loaded by another class loader,
 * which is another unnamed module). Both call the same methods with the same arguments and pass on
 * the same throwables, unchanged.
 */
class HandlerCallsTest {
  private static final IOException CHECKED = new IOException("checked");
  private static final Error ERROR = new LinkageError("an error a handler may throw");
  private static final OutOfMemoryError FATAL = new OutOfMemoryError("fatal");

  /** Every shape of handler the scanner allows, but writes (see {@link TxHandlers}). */
  public static final class Shapes {
    static List<String> staticLog = List.of();
    private final List<String> log;
    private final Map<String, Throwable> throwing;

    public Shapes(List<String> log, Map<String, Throwable> throwing) {
      this.log = log;
      this.throwing = throwing;
      staticLog = log;
    }

    @OnInsert(pk = "REC")
    public void record(StreamRecord<Map<String, Object>> r) {
      log.add("record " + r.keys().get("PK").s() + " " + r.newImage().orElseThrow().get("n"));
    }

    @OnInsert(pk = "REC")
    public static void staticRecord(StreamRecord<Map<String, Object>> r) {
      staticLog.add("static " + r.keys().get("PK").s());
    }

    @OnInsert(pk = "IMG")
    public void image(Map<String, Object> item, StreamContext context) {
      log.add("image " + item.get("n") + " " + context.handlerId() + " " + context.attempt());
    }

    @OnModify
    public void diff(StreamRecord<Map<String, Object>> r, ImageDiff diff, StreamContext context) {
      log.add("diff " + diff.changed("n") + " " + context.attempt());
    }

    @OnInsert(pk = "NONE")
    void packagePrivateNoArgs() {
      log.add("no args");
    }

    @OnInsert(pk = "FAIL")
    public void fail(StreamRecord<Map<String, Object>> r) throws Throwable {
      log.add("fail " + r.keys().get("PK").s());
      throw throwing.get(r.keys().get("PK").s());
    }
  }

  /** A transactional handler of four parameters, called here without a router. */
  public static final class TxHandlers {
    private final List<String> log;

    public TxHandlers(List<String> log) {
      this.log = log;
    }

    @OnModify
    public void tx(
        Map<String, Object> item, ImageDiff diff, StreamContext context, TransactionalWrites w) {
      log.add(
          "tx "
              + item.get("n")
              + " "
              + diff.changed("n")
              + " "
              + context.attempt()
              + " "
              + System.identityHashCode(w));
    }
  }

  @Test
  void everyShapeBindsInAClassOfThisModuleAndOfAnother() throws Exception {
    for (Object handlers :
        List.of(
            new Shapes(new ArrayList<>(), Map.of()),
            foreign(Shapes.class, new ArrayList<>(), Map.of()))) {
      HandlerScanner scanner = new HandlerScanner(null);
      scanner.scan(handlers);
      assertThat(scanner.problems()).isEmpty();
      assertThat(scanner.handlers()).hasSize(6);
    }
  }

  @Test
  void bothClassesAreCalledWithTheSameArguments() throws Exception {
    List<String> own = new CopyOnWriteArrayList<>();
    List<String> foreignCall = new CopyOnWriteArrayList<>();
    List<Record> batch =
        List.of(
            insert("REC#1", "1", "one"),
            insert("IMG#1", "2", "two"),
            modify("X", "3", "three", "four"),
            insert("NONE", "4", "five"),
            modify("Y", "5", "same", "same"));
    BatchResult viaOwn = router(new Shapes(own, Map.of())).process(batch);
    BatchResult viaForeign = router(foreign(Shapes.class, foreignCall, Map.of())).process(batch);

    assertThat(own)
        .containsExactly(
            "record REC#1 one",
            "static REC#1",
            "image two " + Shapes.class.getName() + "#image 1",
            "diff true 1",
            "no args",
            "diff false 1");
    assertThat(foreignCall).isEqualTo(own);
    assertThat(summary(viaForeign)).isEqualTo(summary(viaOwn));
  }

  @Test
  void checkedExceptionsAndErrorsReachTheFailurePolicyUnchanged() throws Exception {
    for (Throwable thrown : List.of(CHECKED, ERROR)) {
      Map<String, Throwable> throwing = Map.of("FAIL", thrown);
      List<String> ownLog = new CopyOnWriteArrayList<>();
      List<String> foreignLog = new CopyOnWriteArrayList<>();
      List<Record> batch = List.of(insert("FAIL", "1", "x"));

      RecordOutcome own = router(new Shapes(ownLog, throwing)).process(batch).outcomes().get(0);
      RecordOutcome foreignCall =
          router(foreign(Shapes.class, foreignLog, throwing)).process(batch).outcomes().get(0);

      assertThat(own.failure()).isSameAs(thrown);
      assertThat(foreignCall.failure()).isSameAs(thrown);
      assertThat(foreignCall.status()).isEqualTo(own.status());
      // Two attempts each: the retry policy saw the same throwable for both classes.
      assertThat(ownLog).containsExactly("fail FAIL", "fail FAIL");
      assertThat(foreignLog).isEqualTo(ownLog);
    }
  }

  @Test
  void aFatalErrorStopsTheRouterForBothClasses() throws Exception {
    Map<String, Throwable> throwing = Map.of("FAIL", FATAL);
    List<Record> batch = List.of(insert("FAIL", "1", "x"));
    StreamRouter own = router(new Shapes(new ArrayList<>(), throwing));
    StreamRouter foreignCall = router(foreign(Shapes.class, new ArrayList<>(), throwing));

    assertThatThrownBy(() -> own.process(batch)).isSameAs(FATAL);
    assertThatThrownBy(() -> foreignCall.process(batch)).isSameAs(FATAL);
  }

  @Test
  void aHandlerOfFourParametersGetsTheSameArgumentsInBothClasses() throws Throwable {
    List<String> ownLog = new ArrayList<>();
    List<String> foreignLog = new ArrayList<>();
    HandlerMethod own = StageFixtures.handlerOf(new TxHandlers(ownLog));
    HandlerMethod foreignCall = StageFixtures.handlerOf(foreign(TxHandlers.class, foreignLog));
    RecordView view = new RecordView(0, modify("X", "1", "a", "b"), null, null);
    TransactionalWrites writes = TransactionalWrites.create();
    StreamContext context = new StreamContext(BatchContext.none(), "tx", 3);

    own.invoke(view, context, writes);
    foreignCall.invoke(view, context, writes);

    assertThat(ownLog).containsExactly("tx b true 3 " + System.identityHashCode(writes));
    assertThat(foreignLog).isEqualTo(ownLog);
  }

  private static StreamRouter router(Object handlers) {
    return StreamRouter.builder()
        .keys("PK", "SK")
        .handlers(handlers)
        .retry(RetryPolicy.attempts(2).backoff(Duration.ZERO, 1.0, Duration.ZERO))
        .build();
  }

  private static List<String> summary(BatchResult result) {
    List<String> lines = new ArrayList<>();
    for (RecordOutcome o : result.outcomes()) {
      lines.add(o.status() + " " + o.handled().size() + " " + o.failure());
    }
    return lines;
  }

  private static Record insert(String pk, String seq, String n) {
    return record("INSERT", pk, seq, null, n);
  }

  private static Record modify(String pk, String seq, String before, String after) {
    return record("MODIFY", pk, seq, before, after);
  }

  private static Record record(String event, String pk, String seq, String before, String after) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("X"));
    Map<String, AttributeValue> newImage =
        Map.of(
            "PK",
            AttributeValue.fromS(pk),
            "SK",
            AttributeValue.fromS("X"),
            "n",
            AttributeValue.fromS(after));
    return Record.builder()
        .eventID("event-" + seq)
        .eventName(event)
        .dynamodb(
            d -> {
              d.keys(keys)
                  .newImage(newImage)
                  .sequenceNumber(seq)
                  .streamViewType("NEW_AND_OLD_IMAGES")
                  .approximateCreationDateTime(Instant.parse("2026-11-24T08:00:00Z"));
              if (before != null) {
                d.oldImage(
                    Map.of(
                        "PK",
                        AttributeValue.fromS(pk),
                        "SK",
                        AttributeValue.fromS("X"),
                        "n",
                        AttributeValue.fromS(before)));
              }
            })
        .build();
  }

  /**
   * A new instance of {@code type} loaded again by a class loader of its own: the same code in
   * another unnamed module, whose members the router cannot reach with full privilege access.
   */
  private static Object foreign(Class<?> type, Object... arguments) throws Exception {
    Class<?> copy = new OwnCopy(type).loadClass(type.getName());
    assertThat(copy).isNotSameAs(type);
    assertThat(copy.getModule()).isNotEqualTo(HandlerCallsTest.class.getModule());
    Class<?>[] parameters = new Class<?>[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      parameters[i] = arguments[i] instanceof List ? List.class : Map.class;
    }
    return copy.getConstructor(parameters).newInstance(arguments);
  }

  /** Defines one class from its bytes and leaves every other to the test's class loader. */
  private static final class OwnCopy extends ClassLoader {
    private final Set<String> own;

    OwnCopy(Class<?> type) {
      super(type.getClassLoader());
      this.own = Set.of(type.getName());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (!own.contains(name)) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        String resource = name.replace('.', '/') + ".class";
        try (InputStream in = getParent().getResourceAsStream(resource)) {
          byte[] bytes = in.readAllBytes();
          return defineClass(name, bytes, 0, bytes.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }
}
