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
package dev.ddbstreams.testkit.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.testkit.LambdaEventWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Delivers one batch the way an event source mapping does: invoke, then on failure retry (from the
 * reported checkpoint, or the whole batch), split in two after function errors if bisecting, and
 * give records up to the on-failure destination when retries or record age run out. Thread-safe;
 * each call blocks until its batch is done.
 */
public final class BatchInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(BatchInvoker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SUCCESS = -1;
  private static final int FUNCTION_ERROR = -2;

  private final MappingSettings settings;
  private final LocalFunction function;
  private final MappingCounters counters;
  private final AtomicBoolean stop;
  private final Clock clock;

  /**
   * Creates the invoker.
   *
   * @param settings the mapping's settings
   * @param function the function
   * @param counters where to count
   * @param stop set to abandon retries (the mapping is stopping)
   */
  public BatchInvoker(
      MappingSettings settings,
      LocalFunction function,
      MappingCounters counters,
      AtomicBoolean stop) {
    this.settings = settings;
    this.function = function;
    this.counters = counters;
    this.stop = stop;
    this.clock = Clock.systemUTC();
  }

  private record Pending(List<Record> records, int retries) {}

  /**
   * Delivers a batch and its retries.
   *
   * @param shardId the shard the records come from
   * @param batch records of one shard, in order
   * @return {@code false} if the mapping stopped before the batch was done
   */
  public boolean deliver(String shardId, List<Record> batch) {
    Deque<Pending> work = new ArrayDeque<>();
    work.push(new Pending(batch, 0));
    while (!work.isEmpty()) {
      Pending next = work.pop();
      List<Record> records = next.records();
      int retries = next.retries();
      while (true) {
        if (stop.get()) {
          return false;
        }
        records = dropExpired(shardId, records, retries);
        if (records.isEmpty()) {
          break;
        }
        int outcome = invoke(records);
        if (outcome == SUCCESS) {
          break;
        }
        if (outcome == FUNCTION_ERROR && settings.bisectOnFunctionError() && records.size() > 1) {
          // Splitting does not count as a retry; each half keeps the count so far.
          int half = records.size() / 2;
          counters.bisections.incrementAndGet();
          work.push(new Pending(records.subList(half, records.size()), retries));
          work.push(new Pending(records.subList(0, half), retries));
          break;
        }
        if (outcome >= 0) {
          records = records.subList(outcome, records.size());
        }
        retries++;
        if (settings.maximumRetryAttempts() >= 0 && retries > settings.maximumRetryAttempts()) {
          giveUp(shardId, records, GivenUpBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED, retries);
          break;
        }
        LOG.warn(
            "Retrying {} records of shard {} from sequence number {} (retry {})",
            records.size(),
            shardId,
            sequence(records.get(0)),
            retries);
      }
    }
    return true;
  }

  /** Invokes once; returns SUCCESS, FUNCTION_ERROR or the index of the checkpoint record. */
  private int invoke(List<Record> records) {
    byte[] event = LambdaEventWriter.write(records, settings.streamArn());
    LocalLambdaContext context =
        new LocalLambdaContext(
            UUID.randomUUID().toString(),
            settings.functionName(),
            settings.functionTimeout(),
            clock);
    counters.invocations.incrementAndGet();
    counters.recordsDelivered.addAndGet(records.size());
    byte[] response;
    try {
      response = function.invoke(event, context);
    } catch (Throwable e) {
      // Lambda counts whatever the function throws as a function error and retries the batch.
      // Only an error of this JVM itself stops the local mapping (drain() then throws): no
      // record after the batch is delivered, as no Lambda retry could help this process.
      if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
        throw fatal;
      }
      counters.functionErrors.incrementAndGet();
      LOG.warn(
          "Function error on {} records from sequence number {}: {}",
          records.size(),
          sequence(records.get(0)),
          e.getClass().getName());
      return FUNCTION_ERROR;
    }
    if (!settings.reportBatchItemFailures()) {
      // Without ReportBatchItemFailures, Lambda ignores what the function returns.
      return SUCCESS;
    }
    int checkpoint = checkpoint(response, records);
    if (checkpoint != SUCCESS) {
      counters.partialFailures.incrementAndGet();
    }
    return checkpoint;
  }

  /**
   * Reads a partial batch response as Lambda does: no failures means success; an empty, null or
   * unknown item identifier fails the whole batch; else the lowest named record is the checkpoint.
   */
  static int checkpoint(byte[] response, List<Record> records) {
    JsonNode root;
    try {
      root = response.length == 0 ? null : JSON.readTree(response);
    } catch (IOException e) {
      return 0;
    }
    if (root == null || root.isNull()) {
      return SUCCESS;
    }
    JsonNode failures = root.get("batchItemFailures");
    if (failures == null || failures.isNull() || failures.isEmpty()) {
      return SUCCESS;
    }
    int lowest = Integer.MAX_VALUE;
    for (JsonNode failure : failures) {
      JsonNode id = failure.get("itemIdentifier");
      if (id == null || !id.isTextual() || id.asText().isEmpty()) {
        return 0;
      }
      int index = indexOf(records, id.asText());
      if (index < 0) {
        return 0;
      }
      lowest = Math.min(lowest, index);
    }
    return lowest;
  }

  private static int indexOf(List<Record> records, String sequenceNumber) {
    for (int i = 0; i < records.size(); i++) {
      if (sequenceNumber.equals(sequence(records.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private List<Record> dropExpired(String shardId, List<Record> records, int retries) {
    if (settings.maximumRecordAge() == null) {
      return records;
    }
    Instant oldest = clock.instant().minus(settings.maximumRecordAge());
    List<Record> kept = new ArrayList<>(records.size());
    List<Record> expired = new ArrayList<>();
    for (Record r : records) {
      Instant created = r.dynamodb() == null ? null : r.dynamodb().approximateCreationDateTime();
      (created != null && created.isBefore(oldest) ? expired : kept).add(r);
    }
    if (!expired.isEmpty()) {
      giveUp(shardId, expired, GivenUpBatch.Condition.RECORD_AGE_EXCEEDED, retries);
    }
    return expired.isEmpty() ? records : kept;
  }

  private void giveUp(
      String shardId, List<Record> records, GivenUpBatch.Condition condition, int invokes) {
    counters.recordsDiscarded.addAndGet(records.size());
    Record first = records.get(0);
    Record last = records.get(records.size() - 1);
    GivenUpBatch failed =
        new GivenUpBatch(
            settings.streamArn(),
            shardId,
            sequence(first),
            sequence(last),
            first.dynamodb() == null ? null : first.dynamodb().approximateCreationDateTime(),
            last.dynamodb() == null ? null : last.dynamodb().approximateCreationDateTime(),
            records.size(),
            condition,
            invokes);
    LOG.error("Giving up {} records: {}", records.size(), failed);
    settings.onFailure().accept(OnFailureMessageWriter.write(failed, clock.instant()));
  }

  private static String sequence(Record r) {
    return r.dynamodb() == null || r.dynamodb().sequenceNumber() == null
        ? ""
        : r.dynamodb().sequenceNumber();
  }
}
