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

import com.amazonaws.services.dynamodbv2.streamsadapter.adapter.DynamoDBStreamsClientRecord;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.processor.RecordProcessorCheckpointer;

/**
 * Runs each batch KCL delivers for one shard through the router and checkpoints at the last record
 * that is done.
 *
 * <p>KCL does not deliver a batch again when processing fails: it moves on. So a batch is not left
 * until every record is done: after a failed round the processor checkpoints just before the first
 * record that must run again, waits (doubling backoff), and runs the records that are not done yet,
 * in their order. That repeats until they succeed or the router's dead-letter sink takes them. The
 * loop gives up early only when the lease is lost, the consumer shuts down, the wait is interrupted
 * or the worker must stop; the checkpoint then stays before the first undone record, and:
 *
 * <ul>
 *   <li>the undone records are kept, and run first when KCL calls again: before the next batch, or
 *       at the shard's end, which is checkpointed only once they are done;
 *   <li>after a lost lease nothing is run or checkpointed again: the new holder resumes after the
 *       last checkpoint;
 *   <li>after a fatal error (the router let a JVM error out) the processor is halted: it runs and
 *       checkpoints nothing more, and the consumer is told to stop.
 * </ul>
 *
 * <p>Nothing escapes to KCL, which would log the batch's records (images included) and move on. KCL
 * calls one processor from one thread at a time.
 */
final class RouterShardProcessor implements DynamoDBStreamsShardRecordProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(RouterShardProcessor.class);

  /** How a retry loop ended. */
  private enum End {
    /** Every record is done and checkpointed (or the checkpoint left to a later one). */
    DONE,
    /** Records are left undone: the consumer is stopping or the wait was interrupted. */
    GAVE_UP,
    /** The lease is lost. */
    LEASE_LOST,
    /** A fatal error: the worker must stop. */
    HALTED
  }

  private final ProcessorSettings settings;
  private final Sleeper sleeper;
  private String shardId = "?";
  private @Nullable Checkpoints checkpoints;
  private @Nullable BatchContext context;
  private @Nullable String lastDone;
  private boolean leaseLost;
  private boolean halted;

  /** Records a retry loop gave up on, in stream order; run before anything else. */
  private List<Record> undone = List.of();

  RouterShardProcessor(ProcessorSettings settings, Sleeper sleeper) {
    this.settings = settings;
    this.sleeper = sleeper;
  }

  @Override
  public void initialize(InitializationInput input) {
    shardId = input.shardId();
    checkpoints = new Checkpoints(shardId, sleeper);
    context = BatchContext.builder().streamArn(settings.streamArn()).shardId(shardId).build();
    LOG.info("Shard {}: processing from {}", shardId, input.extendedSequenceNumber());
  }

  @Override
  public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
    if (leaseLost || halted) {
      return;
    }
    List<DynamoDBStreamsClientRecord> delivered = input.records();
    if (delivered.isEmpty() && settings.stopping().getAsBoolean()) {
      // An empty poll while the consumer stops: records left undone wait for the next holder.
      return;
    }
    List<Record> pending = new ArrayList<>(undone.size() + delivered.size());
    pending.addAll(undone);
    for (DynamoDBStreamsClientRecord r : delivered) {
      pending.add(r.getRecord());
    }
    if (pending.isEmpty()) {
      return;
    }
    if (!undone.isEmpty()) {
      LOG.info(
          "Shard {}: running the {} records left undone before the {} delivered",
          shardId,
          undone.size(),
          delivered.size());
    }
    try {
      runUntilDone(pending, input.checkpointer());
    } catch (RuntimeException e) {
      // Nothing may escape to KCL: it would log the records, images included, and move on.
      undone = pending;
      LOG.error(
          "Shard {}: unexpected {}; the {} records run again before anything else",
          shardId,
          e.getClass().getName(),
          pending.size(),
          e);
    }
  }

  /**
   * Runs the records until all are done or the loop must give up, checkpointing as it goes. Leaves
   * {@link #undone} holding what is left.
   */
  private End runUntilDone(List<Record> records, RecordProcessorCheckpointer checkpointer) {
    List<Record> pending = records;
    String last = sequenceNumber(pending.get(pending.size() - 1));
    for (int round = 1; ; round++) {
      BatchResult result;
      try {
        result = run(pending);
      } catch (Error fatal) {
        // The router lets out only the JVM's own errors: nothing it reported is trustworthy.
        return halt(pending, fatal);
      }
      if (result.isComplete()) {
        undone = List.of();
        lastDone = last;
        return checkpoint(checkpointer, last) ? End.DONE : End.LEASE_LOST;
      }
      int firstRetry = firstToRetry(result);
      undone = stillToRun(pending, result, firstRetry);
      if (firstRetry > 0) {
        lastDone = sequenceNumber(pending.get(firstRetry - 1));
        if (!checkpoint(checkpointer, lastDone)) {
          return End.LEASE_LOST;
        }
      }
      pending = undone;
      if (settings.stopping().getAsBoolean()) {
        LOG.info(
            "Shard {}: shutting down with {} records not done; the next lease holder resumes "
                + "after checkpoint {}",
            shardId,
            pending.size(),
            lastDone);
        return End.GAVE_UP;
      }
      Duration wait = settings.backoffAfter(round);
      warnRetry(result, pending.size(), round, wait);
      if (!sleeper.sleep(wait)) {
        LOG.info(
            "Shard {}: interrupted with {} records not done; they run first at KCL's next call, an"
                + " empty poll included",
            shardId,
            pending.size());
        return End.GAVE_UP;
      }
    }
  }

  private BatchResult run(List<Record> batch) {
    try {
      return settings.router().process(batch, requireContext());
    } catch (RuntimeException e) {
      // The router reports handler, store and sink failures in its result; an exception here is a
      // fault in the router (or a closed one). Every record is then not done, so it is retried.
      LOG.error(
          "Shard {}: the router threw {}; retrying the whole batch",
          shardId,
          e.getClass().getName(),
          e);
      return BatchResult.notRun(batch);
    } finally {
      consumeHandlersInterrupt();
    }
  }

  /**
   * With parallelism 1 the router runs handlers on this thread, KCL's, and keeps an interrupt a
   * handler leaves, as it must for its caller. Here the interrupt is the handler's, not KCL's (KCL
   * asks a processor to stop through {@code leaseLost}, {@code shutdownRequested} and the
   * consumer's {@code close()}): left set, it would fail the checkpoint and end the retry wait at
   * once, and the records would wait for KCL's next call instead of their back-off.
   */
  private void consumeHandlersInterrupt() {
    if (Thread.interrupted()) {
      LOG.debug("Shard {}: cleared an interrupt a handler left on KCL's thread", shardId);
    }
  }

  private End halt(List<Record> pending, Error fatal) {
    halted = true;
    undone = List.of();
    LOG.error(
        "Shard {}: {} while running records from sequence number {}; this worker stops without"
            + " checkpointing past checkpoint {}",
        shardId,
        fatal.getClass().getName(),
        sequenceNumber(pending.get(0)),
        lastDone);
    try {
      settings.onFatal().accept(fatal);
    } catch (RuntimeException e) {
      LOG.error("Shard {}: could not ask the consumer to stop", shardId, e);
    }
    return End.HALTED;
  }

  /** The batch index of the first record, in stream order, that must run again. */
  private static int firstToRetry(BatchResult result) {
    for (RecordOutcome o : result.outcomes()) {
      if (o.status().needsRetry()) {
        return o.index();
      }
    }
    return 0;
  }

  /** The records from the first retry on that are not done; done ones of other items stay done. */
  private static List<Record> stillToRun(List<Record> batch, BatchResult result, int from) {
    List<Record> next = new ArrayList<>(batch.size() - from);
    for (RecordOutcome o : result.outcomes()) {
      if (o.index() >= from && o.status().needsRetry()) {
        next.add(batch.get(o.index()));
      }
    }
    return next;
  }

  private void warnRetry(BatchResult result, int remaining, int round, Duration wait) {
    RecordOutcome failed = result.firstFailed().orElse(null);
    LOG.warn(
        "Shard {}: record {} failed in {} ({}); retrying {} records of the batch in {} ms "
            + "(round {}). The shard does not move on until they are done or the router's "
            + "dead-letter sink takes them: a router without a dead-letter sink retries forever.",
        shardId,
        failed == null ? "?" : "seq=" + failed.sequenceNumber() + " eventID=" + failed.eventId(),
        failed == null || failed.failedHandler() == null ? "the router" : failed.failedHandler(),
        // The type only: an exception's message may quote the item, which may hold personal data.
        failed == null || failed.failure() == null
            ? "not run"
            : failed.failure().getClass().getName(),
        remaining,
        wait.toMillis(),
        round);
  }

  /** Checkpoints; returns false if the lease is lost. */
  private boolean checkpoint(RecordProcessorCheckpointer checkpointer, String sequenceNumber) {
    Checkpoints.Result r = requireCheckpoints().at(checkpointer, sequenceNumber);
    if (r == Checkpoints.Result.LEASE_LOST) {
      lostLease();
      return false;
    }
    return true;
  }

  private void lostLease() {
    leaseLost = true;
    undone = List.of();
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    lostLease();
    LOG.info("Shard {}: lease lost; another worker resumes after checkpoint {}", shardId, lastDone);
  }

  /**
   * Checkpoints {@code SHARD_END}, so KCL starts the child shards, but only over done records:
   * records an earlier loop left undone run first, and if they cannot all be done now (lease lost,
   * shutdown, halted), the shard is not ended and the next holder of its lease resumes after the
   * last checkpoint.
   */
  @Override
  public void shardEnded(ShardEndedInput input) {
    if (leaseLost || halted) {
      LOG.info(
          "Shard {}: shard ended, but this worker {}; no SHARD_END checkpoint",
          shardId,
          halted ? "is stopping after a fatal error" : "lost the lease");
      return;
    }
    if (!undone.isEmpty()) {
      LOG.info(
          "Shard {}: shard ended with {} records undone; running them", shardId, undone.size());
      End end = runUntilDone(undone, input.checkpointer());
      if (end != End.DONE) {
        LOG.warn(
            "Shard {}: shard ended with {} records not done ({}); no SHARD_END checkpoint, the"
                + " next lease holder resumes after checkpoint {}",
            shardId,
            undone.size(),
            end,
            lastDone);
        return;
      }
    }
    Checkpoints.Result r = requireCheckpoints().atShardEnd(input.checkpointer());
    LOG.info("Shard {}: shard ended, checkpoint at SHARD_END {}", shardId, r);
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    if (lastDone != null && !leaseLost && !halted) {
      checkpoint(input.checkpointer(), lastDone);
    }
    LOG.info("Shard {}: shut down at checkpoint {}", shardId, lastDone);
  }

  private Checkpoints requireCheckpoints() {
    if (checkpoints == null) {
      throw new IllegalStateException("processRecords before initialize");
    }
    return checkpoints;
  }

  private BatchContext requireContext() {
    if (context == null) {
      throw new IllegalStateException("processRecords before initialize");
    }
    return context;
  }

  private static String sequenceNumber(Record r) {
    return r.dynamodb().sequenceNumber();
  }
}
