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
 * in their order. That repeats until they succeed, the router's dead-letter sink takes them, the
 * lease is lost, or the consumer shuts down; in the last two cases the checkpoint stays before the
 * failed record and the next holder of the lease starts there. Nothing is skipped.
 *
 * <p>KCL calls one processor from one thread at a time.
 */
final class RouterShardProcessor implements DynamoDBStreamsShardRecordProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(RouterShardProcessor.class);

  private final ProcessorSettings settings;
  private final Sleeper sleeper;
  private String shardId = "?";
  private @Nullable Checkpoints checkpoints;
  private @Nullable BatchContext context;
  private @Nullable String lastDone;
  private boolean leaseLost;

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
    List<DynamoDBStreamsClientRecord> delivered = input.records();
    if (delivered.isEmpty() || leaseLost) {
      return;
    }
    List<Record> pending = new ArrayList<>(delivered.size());
    for (DynamoDBStreamsClientRecord r : delivered) {
      pending.add(r.getRecord());
    }
    String last = sequenceNumber(pending.get(pending.size() - 1));
    RecordProcessorCheckpointer checkpointer = input.checkpointer();
    for (int round = 1; ; round++) {
      BatchResult result = run(pending);
      if (result.isComplete()) {
        lastDone = last;
        checkpoint(checkpointer, last);
        return;
      }
      int firstRetry = firstToRetry(result);
      if (firstRetry > 0) {
        lastDone = sequenceNumber(pending.get(firstRetry - 1));
        if (!checkpoint(checkpointer, lastDone)) {
          return;
        }
      }
      pending = stillToRun(pending, result, firstRetry);
      if (settings.stopping().getAsBoolean()) {
        LOG.info(
            "Shard {}: shutting down with {} records not done; the next lease holder resumes "
                + "after checkpoint {}",
            shardId,
            pending.size(),
            lastDone);
        return;
      }
      Duration wait = settings.backoffAfter(round);
      warnRetry(result, pending.size(), round, wait);
      if (!sleeper.sleep(wait)) {
        return;
      }
    }
  }

  private BatchResult run(List<Record> batch) {
    try {
      return settings.router().process(batch, requireContext());
    } catch (RuntimeException e) {
      // The router reports handler failures in its result; an exception here is a fault in the
      // router or its store. Treat every record as not done, so it is retried, not skipped.
      LOG.error("Shard {}: the router threw; retrying the whole batch", shardId, e);
      List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        Record r = batch.get(i);
        outcomes.add(
            new RecordOutcome(
                i,
                r.eventID(),
                sequenceNumber(r),
                dev.ddbstreams.RecordStatus.NOT_RUN,
                List.of(),
                List.of(),
                null,
                i == 0 ? e : null));
      }
      return new BatchResult(outcomes);
    }
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
            ? "no error"
            : failed.failure().getClass().getName(),
        remaining,
        wait.toMillis(),
        round);
  }

  private boolean checkpoint(RecordProcessorCheckpointer checkpointer, String sequenceNumber) {
    Checkpoints.Result r = requireCheckpoints().at(checkpointer, sequenceNumber);
    if (r == Checkpoints.Result.LEASE_LOST) {
      leaseLost = true;
      return false;
    }
    return true;
  }

  @Override
  public void leaseLost(LeaseLostInput input) {
    leaseLost = true;
    LOG.info("Shard {}: lease lost; another worker resumes after checkpoint {}", shardId, lastDone);
  }

  @Override
  public void shardEnded(ShardEndedInput input) {
    Checkpoints.Result r = requireCheckpoints().atShardEnd(input.checkpointer());
    LOG.info("Shard {}: shard ended, checkpoint at SHARD_END {}", shardId, r);
  }

  @Override
  public void shutdownRequested(ShutdownRequestedInput input) {
    if (lastDone != null && !leaseLost) {
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
