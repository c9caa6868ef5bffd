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
package dev.ddbstreams.backfill;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Runs one segment of a backfill: scan a page, hand its items to the router as snapshot records,
 * save the checkpoint once the router finished every one of them, and go on until the segment ends
 * or the run stops. A failed attempt (a record the router failed, a scan or checkpoint error) is
 * retried from the last checkpoint, with backoff, up to the configured attempts.
 *
 * <table>
 * <caption>What an attempt does on each kind of failure</caption>
 * <tr><th>failure</th><th>then</th></tr>
 * <tr><td>a record of the page needs a retry (FAILED or NOT_RUN)</td>
 *     <td>no checkpoint; the page is read again in the next attempt</td></tr>
 * <tr><td>the scan throws (after the SDK's own retries)</td><td>the same</td></tr>
 * <tr><td>the checkpoint cannot be saved</td>
 *     <td>the same: the page runs again, and an idempotency store skips what it finished</td></tr>
 * <tr><td>a fatal JVM error</td><td>passed on</td></tr>
 * </table>
 *
 * <p>Thread-safe: one instance serves every segment of a run; each call keeps its state on its
 * stack.
 */
final class SegmentScan {
  private static final Logger LOG = LoggerFactory.getLogger(TableBackfill.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Duration PAUSE_SLICE = Duration.ofMillis(100);

  private final TableBackfill.Settings settings;
  private final List<String> keyAttributes;
  private final CapacityBudget budget;
  private final ProgressMeter meter;
  private final BooleanSupplier stopped;

  SegmentScan(
      TableBackfill.Settings settings,
      List<String> keyAttributes,
      CapacityBudget budget,
      ProgressMeter meter,
      BooleanSupplier stopped) {
    this.settings = settings;
    this.keyAttributes = List.copyOf(keyAttributes);
    this.budget = budget;
    this.meter = meter;
    this.stopped = stopped;
  }

  /** What one attempt got to: the last checkpoint saved, and whether the run was stopped. */
  private record Reached(SegmentCheckpoint checkpoint, boolean stopped) {}

  /** Thrown inside an attempt when a page could not be finished; carries where it got to. */
  private static final class AttemptFailed extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient SegmentCheckpoint reached;

    AttemptFailed(SegmentCheckpoint reached, Throwable cause) {
      super(cause);
      this.reached = reached;
    }
  }

  SegmentReport run(SegmentCheckpoint start) {
    int segment = start.segment();
    if (start.done()) {
      return new SegmentReport(segment, SegmentStatus.DONE, start.items(), 0, 0, null);
    }
    if (stopped.getAsBoolean()) {
      return new SegmentReport(segment, SegmentStatus.NOT_STARTED, start.items(), 0, 0, null);
    }
    SegmentCheckpoint at = start;
    @Nullable Throwable failure = null;
    int attempt = 0;
    while (attempt < settings.segmentAttempts()) {
      attempt++;
      try {
        Reached reached = attempt(at);
        at = reached.checkpoint();
        if (reached.stopped()) {
          LOG.info("Backfill {}: segment {} stopped at {}", settings.name(), segment, at);
          return report(at, start, SegmentStatus.STOPPED, attempt, null);
        }
        meter.segmentDone();
        LOG.info("Backfill {}: segment {} done, {} items", settings.name(), segment, at.items());
        return report(at, start, SegmentStatus.DONE, attempt, null);
      } catch (AttemptFailed e) {
        at = e.reached;
        failure = e.getCause();
        if (attempt < settings.segmentAttempts() && !stopped.getAsBoolean()) {
          Duration backoff = backoff(attempt);
          LOG.warn(
              "Backfill {}: segment {} failed (attempt {} of {}), retrying from {} in {} ms: {}",
              settings.name(),
              segment,
              attempt,
              settings.segmentAttempts(),
              at,
              backoff.toMillis(),
              describe(failure));
          if (!pause(backoff)) {
            return report(at, start, SegmentStatus.STOPPED, attempt, null);
          }
        } else if (stopped.getAsBoolean()) {
          return report(at, start, SegmentStatus.STOPPED, attempt, null);
        }
      }
    }
    meter.segmentFailed();
    LOG.error(
        "Backfill {}: segment {} failed {} attempts; it stays at {} for a later run: {}",
        settings.name(),
        segment,
        attempt,
        at,
        describe(failure));
    return report(at, start, SegmentStatus.FAILED, attempt, failure);
  }

  /**
   * A failure for the log: a record's failure by the backfill's message and the handler's exception
   * type (the router logged the handler's exception already, and its message may quote the item); a
   * scan or checkpoint failure whole, as the SDK's messages hold no item values.
   */
  private static String describe(@Nullable Throwable failure) {
    if (failure instanceof BackfillException e && e.getCause() != null) {
      return e.getMessage() + " (" + e.getCause().getClass().getName() + ")";
    }
    return String.valueOf(failure);
  }

  private static SegmentReport report(
      SegmentCheckpoint at,
      SegmentCheckpoint start,
      SegmentStatus status,
      int attempts,
      @Nullable Throwable failure) {
    return new SegmentReport(
        at.segment(), status, at.items(), at.items() - start.items(), attempts, failure);
  }

  /** Reads and routes pages until the segment ends or the run stops. */
  private Reached attempt(SegmentCheckpoint from) throws AttemptFailed {
    SegmentCheckpoint at = from;
    while (!stopped.getAsBoolean()) {
      SegmentCheckpoint next;
      try {
        next = page(at);
      } catch (RuntimeException e) {
        throw new AttemptFailed(at, e);
      }
      if (next == null) {
        return new Reached(at, true);
      }
      at = next;
      if (at.done()) {
        return new Reached(at, false);
      }
    }
    return new Reached(at, true);
  }

  /**
   * One page: scan, route, checkpoint. Returns the new checkpoint, or null if the run stopped while
   * waiting for read capacity.
   */
  private @Nullable SegmentCheckpoint page(SegmentCheckpoint at) {
    double reserved = reserve();
    if (reserved < 0) {
      return null;
    }
    ScanResponse page;
    try {
      page = settings.client().scan(request(at));
    } catch (RuntimeException e) {
      budget.settle(reserved, reserved);
      throw e;
    }
    double units = page.consumedCapacity() == null ? 0 : page.consumedCapacity().capacityUnits();
    budget.settle(reserved, units);
    List<Record> snapshots = new ArrayList<>(page.items().size());
    for (Map<String, AttributeValue> item : page.items()) {
      snapshots.add(SnapshotRecords.of(settings.name(), item, keyAttributes));
    }
    if (!snapshots.isEmpty()) {
      BatchResult result = settings.router().process(snapshots, context(at.segment()));
      if (!result.isComplete()) {
        throw failed(at.segment(), result);
      }
    }
    Map<String, AttributeValue> next =
        page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
    SegmentCheckpoint reached =
        new SegmentCheckpoint(
            at.segment(), at.totalSegments(), next, at.items() + snapshots.size(), next.isEmpty());
    settings.checkpoints().save(settings.name(), reached);
    meter.page(snapshots.size(), units);
    return reached;
  }

  /** Waits for read capacity and reserves it; returns -1 if the run stopped meanwhile. */
  private double reserve() {
    while (true) {
      double reservation = budget.reserve();
      if (reservation >= 0) {
        return reservation;
      }
      if (!pause(CapacityBudget.waitOf(reservation))) {
        return -1;
      }
    }
  }

  private ScanRequest request(SegmentCheckpoint at) {
    ScanRequest.Builder b =
        ScanRequest.builder()
            .tableName(settings.tableName())
            .segment(at.segment())
            .totalSegments(at.totalSegments())
            .limit(settings.pageSize())
            .consistentRead(settings.consistentRead())
            .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
    at.exclusiveStartKey().ifPresent(b::exclusiveStartKey);
    return b.build();
  }

  private BatchContext context(int segment) {
    return BatchContext.builder()
        .invocationId("backfill " + settings.name() + " segment " + segment)
        .build();
  }

  private static BackfillException failed(int segment, BatchResult result) {
    // Snapshots have no sequence numbers, so there is no checkpoint record: name the failure.
    RecordOutcome first =
        result.outcomes().stream()
            .filter(o -> o.status() == RecordStatus.FAILED)
            .findFirst()
            .orElseGet(
                () ->
                    result.outcomes().stream()
                        .filter(o -> o.status().needsRetry())
                        .findFirst()
                        .orElseThrow());
    Throwable cause =
        first.failure() != null
            ? first.failure()
            : new IllegalStateException("record " + first.status() + " after an earlier failure");
    return new BackfillException(
        segment,
        "the router did not finish the snapshot of eventID="
            + first.eventId()
            + " ("
            + first.status()
            + (first.failedHandler() == null ? "" : " in " + first.failedHandler())
            + "); the page is read again from the segment's last checkpoint",
        cause);
  }

  private Duration backoff(int attempt) {
    Duration d = settings.retryBackoff();
    for (int i = 1; i < attempt && d.compareTo(MAX_BACKOFF) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  /** Waits, in slices so that a stop is noticed; returns false if the run stopped meanwhile. */
  private boolean pause(Duration total) {
    Duration left = total;
    try {
      while (!left.isNegative() && !left.isZero()) {
        if (stopped.getAsBoolean()) {
          return false;
        }
        Duration slice = left.compareTo(PAUSE_SLICE) < 0 ? left : PAUSE_SLICE;
        settings.sleeper().sleep(slice);
        left = left.minus(slice);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return !stopped.getAsBoolean();
  }
}
