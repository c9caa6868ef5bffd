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
package dev.ddbstreams.kcl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.exceptions.ShutdownException;
import software.amazon.kinesis.exceptions.ThrottlingException;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.retrieval.kpl.ExtendedSequenceNumber;

/**
 * The shard processor's checkpoint, retry, shutdown, lease-lost and shard-end paths, with a fake
 * checkpointer and a recording sleeper instead of KCL.
 */
class RouterShardProcessorTest {

  /** Runs every record; fails (or throws what it is given) on chosen sequence numbers. */
  public static final class Handler {
    final List<String> runs = new CopyOnWriteArrayList<>();
    final Set<String> failOn = ConcurrentHashMap.newKeySet();
    volatile Throwable fatalOn3;
    volatile Runnable onRun = () -> {};

    /**
     * Handles a record.
     *
     * @param change the record
     * @throws Throwable when told to fail
     */
    @OnChange
    public void handle(StreamRecord<Map<String, Object>> change) throws Throwable {
      String seq = change.sequenceNumber().toString();
      runs.add(seq);
      onRun.run();
      if (fatalOn3 != null && seq.equals("3")) {
        throw fatalOn3;
      }
      if (failOn.contains(seq)) {
        throw new IllegalStateException("injected failure on " + seq);
      }
    }
  }

  /** Records every wait; answers "interrupted" while told to. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    volatile boolean interrupt;
    volatile Runnable onSleep = () -> {};

    @Override
    public boolean sleep(Duration duration) {
      waits.add(duration);
      onSleep.run();
      return !interrupt;
    }
  }

  private final Handler handler = new Handler();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final FakeCheckpointer checkpointer = new FakeCheckpointer();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<Throwable> fatal = new CopyOnWriteArrayList<>();
  private final StreamRouter router = StreamRouter.builder().handlers(handler).build();
  private final RouterShardProcessor processor =
      new RouterShardProcessor(
          new ProcessorSettings(
              router,
              "arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/L",
              Duration.ofMillis(200),
              Duration.ofMillis(500),
              stopping::get,
              fatal::add),
          sleeper);

  RouterShardProcessorTest() {
    processor.initialize(
        InitializationInput.builder()
            .shardId("shardId-1")
            .extendedSequenceNumber(ExtendedSequenceNumber.TRIM_HORIZON)
            .build());
  }

  private static Record record(int seq) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS("ITEM#" + seq), "SK", AttributeValue.fromS("V"));
    return Record.builder()
        .eventID("event-" + seq)
        .eventName("INSERT")
        .dynamodb(
            d ->
                d.keys(keys)
                    .newImage(keys)
                    .sequenceNumber(Integer.toString(seq))
                    .streamViewType("NEW_AND_OLD_IMAGES"))
        .build();
  }

  private void deliver(int from, int to) {
    List<DynamoDBStreamsClientRecord> records = new ArrayList<>();
    IntStream.rangeClosed(from, to)
        .forEach(i -> records.add(DynamoDBStreamsClientRecord.fromRecord(record(i))));
    processor.processRecords(
        DynamoDBStreamsProcessRecordsInput.builder()
            .records(records)
            .checkpointer(checkpointer.checkpointer())
            .build());
  }

  private void shardEnded() {
    processor.shardEnded(
        ShardEndedInput.builder().checkpointer(checkpointer.checkpointer()).build());
  }

  @Test
  void aBatchThatIsAllDoneIsCheckpointedAtItsLastRecord() {
    deliver(1, 5);

    assertThat(handler.runs).containsExactly("1", "2", "3", "4", "5");
    assertThat(checkpointer.written).containsExactly("5");
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void aFailedRecordIsRetriedWithDoublingBackoffAndTheCheckpointJustBeforeIt() {
    handler.failOn.add("3");
    sleeper.onSleep =
        () -> {
          if (sleeper.waits.size() == 3) {
            handler.failOn.clear();
          }
        };

    deliver(1, 5);

    assertThat(handler.runs).containsExactly("1", "2", "3", "3", "3", "3", "4", "5");
    assertThat(sleeper.waits)
        .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(500));
    assertThat(checkpointer.written).containsExactly("2", "5");
  }

  @Test
  void aLostLeaseEndsTheRetriesAndEveryLaterCallDoesNothing() {
    handler.failOn.add("3");
    checkpointer.failNext(new ShutdownException("lease taken"));

    deliver(1, 5);
    deliver(6, 7);
    shardEnded();
    processor.shutdownRequested(
        ShutdownRequestedInput.builder().checkpointer(checkpointer.checkpointer()).build());

    assertThat(handler.runs).containsExactly("1", "2", "3");
    assertThat(checkpointer.written).isEmpty();
  }

  @Test
  void leaseLostStopsTheProcessorWithoutACheckpoint() {
    deliver(1, 2);
    processor.leaseLost(LeaseLostInput.builder().build());
    deliver(3, 4);
    shardEnded();

    assertThat(handler.runs).containsExactly("1", "2");
    assertThat(checkpointer.written).containsExactly("2");
  }

  @Test
  void aThrottledCheckpointIsTriedAgain() {
    checkpointer.failNext(new ThrottlingException("slow down"));

    deliver(1, 2);

    assertThat(checkpointer.calls).containsExactly("2", "2");
    assertThat(checkpointer.written).containsExactly("2");
  }

  @Test
  void shutdownEndsTheRetriesWithTheCheckpointBeforeTheFailedRecord() {
    handler.failOn.add("3");
    stopping.set(true);

    deliver(1, 5);
    processor.shutdownRequested(
        ShutdownRequestedInput.builder().checkpointer(checkpointer.checkpointer()).build());

    assertThat(handler.runs).containsExactly("1", "2", "3");
    assertThat(checkpointer.written).containsExactly("2");
  }

  @Test
  void theShardDoesNotEndWhileRecordsTheShutdownLeftUndoneRemain() {
    handler.failOn.add("3");
    stopping.set(true);

    deliver(1, 5);
    shardEnded();

    assertThat(checkpointer.written).as("no SHARD_END over records 3-5").containsExactly("2");
  }

  @Test
  void atShardEndTheRecordsAnInterruptedRetryLeftUndoneRunBeforeTheShardEnds() {
    handler.failOn.add("3");
    sleeper.interrupt = true;
    deliver(1, 5);
    assertThat(checkpointer.written).containsExactly("2");

    sleeper.interrupt = false;
    handler.failOn.clear();
    shardEnded();

    assertThat(handler.runs).containsExactly("1", "2", "3", "3", "4", "5");
    assertThat(checkpointer.written).containsExactly("2", "5", "SHARD_END");
  }

  @Test
  void anEmptyPollAfterAnInterruptedRetryRunsTheUndoneRecords() {
    handler.failOn.add("3");
    sleeper.interrupt = true;
    deliver(1, 5);

    sleeper.interrupt = false;
    handler.failOn.clear();
    deliver(0, -1); // KCL calls after an empty poll too (callProcessRecordsEvenForEmptyRecordList)

    assertThat(handler.runs).containsExactly("1", "2", "3", "3", "4", "5");
    assertThat(checkpointer.written).containsExactly("2", "5");
  }

  @Test
  void anInterruptAHandlerLeavesIsConsumedBeforeTheCheckpointAndTheBackOff() {
    handler.failOn.add("3");
    AtomicBoolean interruptedOnce = new AtomicBoolean();
    handler.onRun =
        () -> {
          String last = handler.runs.get(handler.runs.size() - 1);
          if (last.equals("3") && interruptedOnce.compareAndSet(false, true)) {
            // As a handler whose blocking call was interrupted: it fails with the interrupt set.
            Thread.currentThread().interrupt();
          }
        };
    boolean[] interruptedAtTheWait = new boolean[1];
    sleeper.onSleep =
        () -> {
          interruptedAtTheWait[0] |= Thread.currentThread().isInterrupted();
          handler.failOn.clear();
        };

    deliver(1, 5);

    assertThat(interruptedAtTheWait[0]).as("the back-off saw the handler's interrupt").isFalse();
    assertThat(sleeper.waits).hasSize(1);
    assertThat(handler.runs).containsExactly("1", "2", "3", "3", "4", "5");
    assertThat(checkpointer.written).containsExactly("2", "5");
    assertThat(Thread.interrupted()).isFalse();
  }

  @Test
  void anEmptyPollWhileTheConsumerStopsRunsNothing() {
    handler.failOn.add("3");
    sleeper.interrupt = true;
    deliver(1, 5);

    stopping.set(true);
    handler.failOn.clear();
    deliver(0, -1);

    assertThat(handler.runs).containsExactly("1", "2", "3");
    assertThat(checkpointer.written).containsExactly("2");
  }

  @Test
  void aBatchAfterAnInterruptedRetryRunsTheUndoneRecordsFirst() {
    handler.failOn.add("3");
    sleeper.interrupt = true;
    deliver(1, 5);

    sleeper.interrupt = false;
    handler.failOn.clear();
    deliver(6, 7);

    assertThat(handler.runs).containsExactly("1", "2", "3", "3", "4", "5", "6", "7");
    assertThat(checkpointer.written).containsExactly("2", "7");
  }

  @Test
  void aFatalErrorHaltsTheShardWithoutACheckpointPastTheRecord() {
    handler.fatalOn3 = new InternalError("injected");

    deliver(1, 5);
    handler.fatalOn3 = null;
    deliver(6, 7);
    shardEnded();
    processor.shutdownRequested(
        ShutdownRequestedInput.builder().checkpointer(checkpointer.checkpointer()).build());

    assertThat(handler.runs).containsExactly("1", "2", "3");
    assertThat(checkpointer.written).isEmpty();
    assertThat(fatal).singleElement().isInstanceOf(InternalError.class);
  }

  @Test
  void aRouterThatThrowsHasTheWholeBatchRetried() {
    // A router closed after its worker threads started throws instead of running a batch.
    StreamRouter closed = StreamRouter.builder().parallelism(2).handlers(new Handler()).build();
    closed.process(List.of(record(1), record(2)));
    closed.close();
    RouterShardProcessor onClosed =
        new RouterShardProcessor(
            new ProcessorSettings(
                closed,
                "arn",
                Duration.ofMillis(200),
                Duration.ofMillis(500),
                stopping::get,
                fatal::add),
            sleeper);
    onClosed.initialize(InitializationInput.builder().shardId("shardId-2").build());
    sleeper.onSleep = () -> stopping.set(true);

    List<DynamoDBStreamsClientRecord> records =
        List.of(
            DynamoDBStreamsClientRecord.fromRecord(record(1)),
            DynamoDBStreamsClientRecord.fromRecord(record(2)));
    onClosed.processRecords(
        DynamoDBStreamsProcessRecordsInput.builder()
            .records(records)
            .checkpointer(checkpointer.checkpointer())
            .build());

    assertThat(sleeper.waits).hasSize(1);
    assertThat(checkpointer.written).isEmpty();
    assertThat(fatal).isEmpty();
  }

  @Test
  void anErrorAHandlerSurvivesIsRetriedLikeAnException() {
    handler.fatalOn3 = new AssertionError("injected");
    sleeper.onSleep = () -> handler.fatalOn3 = null;

    deliver(1, 5);

    assertThat(handler.runs).containsExactly("1", "2", "3", "3", "4", "5");
    assertThat(checkpointer.written).containsExactly("2", "5");
  }

  @Test
  void aCheckpointerThatThrowsSomethingUnexpectedDoesNotEscapeToKcl() {
    checkpointer.failNext(new IllegalStateException("kcl bug"));

    deliver(1, 2);
    deliver(3, 4);

    assertThat(checkpointer.written).containsExactly("4");
  }
}
