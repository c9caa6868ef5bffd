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

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchEvent;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.EventName;
import dev.ddbstreams.HandlerEvent;
import dev.ddbstreams.HandlerOutcome;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamObserver;
import dev.ddbstreams.internal.record.LazyBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Tells every registered observer, in registration order. What it does when one fails:
 *
 * <table>
 *   <caption>Observers</caption>
 *   <tr><th>the observer</th><th>then</th></tr>
 *   <tr><td>returns</td><td>the next observer is told</td></tr>
 *   <tr><td>throws anything but a fatal error</td>
 *       <td>logged at WARN the first time for that observer, method and exception type, then
 *           ignored; the record and the batch go on as if it had returned</td></tr>
 *   <tr><td>throws a fatal error ({@link Fatal})</td><td>rethrown</td></tr>
 * </table>
 *
 * <p>Thread-safe if the observers are.
 */
final class Observers implements Observation {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

  private final StreamObserver[] observers;
  private final boolean keys;
  private final boolean logMessages;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  private Observers(List<StreamObserver> observers, boolean keys, boolean logMessages) {
    this.observers = observers.toArray(StreamObserver[]::new);
    this.keys = keys;
    this.logMessages = logMessages;
  }

  /** The observation of a router: {@link Observation#NONE} without observers. */
  static Observation of(List<StreamObserver> observers, boolean keys, boolean logMessages) {
    return observers.isEmpty() ? NONE : new Observers(observers, keys, logMessages);
  }

  @Override
  public long nanos() {
    return System.nanoTime();
  }

  @Override
  public long millis(BatchContext context) {
    return context.clock().millis();
  }

  @Override
  public void handler(
      RecordView view,
      BatchContext context,
      String handlerId,
      HandlerOutcome outcome,
      long startNanos,
      long endNanos,
      int attempts,
      @Nullable Throwable failure) {
    tell(
        new HandlerEvent(
            context,
            handlerId,
            view.eventName(),
            outcome,
            Math.max(0, endNanos - startNanos),
            attempts,
            view.record.eventId(),
            view.sequenceNumber(),
            failure == null ? null : failure.getClass(),
            keys ? view.record.keys() : null));
  }

  @Override
  public void batch(
      List<Record> batch,
      BatchContext context,
      long startNanos,
      long startMillis,
      BatchResult result) {
    long duration = System.nanoTime() - startNanos;
    int[] counts = new int[RecordStatus.values().length];
    for (RecordOutcome outcome : result.outcomes()) {
      counts[outcome.status().ordinal()]++;
      HandlerOutcome recordLevel = recordLevel(outcome);
      if (recordLevel != null) {
        tell(recordEvent(LazyBatch.routing(batch, outcome.index()), context, recordLevel, outcome));
      }
    }
    Instant oldest = null;
    Instant newest = null;
    for (int i = 0; i < batch.size(); i++) {
      // Metadata only: a lazy batch's images stay undecoded.
      Record r = LazyBatch.routing(batch, i);
      Instant created = r.dynamodb() == null ? null : r.dynamodb().approximateCreationDateTime();
      if (created != null) {
        oldest = oldest == null || created.isBefore(oldest) ? created : oldest;
        newest = newest == null || created.isAfter(newest) ? created : newest;
      }
    }
    Instant started = Instant.ofEpochMilli(startMillis);
    BatchEvent event =
        new BatchEvent(
            context,
            batch.size(),
            started,
            oldest,
            newest,
            duration,
            result.firstFailedSequenceNumber().orElse(null),
            counts);
    for (StreamObserver observer : observers) {
      try {
        observer.onBatch(event);
      } catch (Throwable e) {
        failed(observer, "onBatch", e);
      }
    }
  }

  /** The outcome of a record that ended before any handler, or null if a handler decided it. */
  private static @Nullable HandlerOutcome recordLevel(RecordOutcome outcome) {
    return switch (outcome.status()) {
      case FILTERED -> HandlerOutcome.FILTERED;
      case NOT_RUN -> HandlerOutcome.NOT_RUN;
      case FAILED, DEAD_LETTERED ->
          HandlerEvent.ROUTER_ID.equals(outcome.failedHandler())
              ? HandlerOutcome.valueOf(outcome.status().name())
              : null;
      default -> null;
    };
  }

  private HandlerEvent recordEvent(
      Record raw, BatchContext context, HandlerOutcome outcome, RecordOutcome recordOutcome) {
    var dynamodb = raw.dynamodb();
    Map<String, AttributeValue> recordKeys =
        keys && dynamodb != null && dynamodb.hasKeys() ? dynamodb.keys() : null;
    Throwable failure = recordOutcome.failure();
    return new HandlerEvent(
        context,
        HandlerEvent.ROUTER_ID,
        EventName.fromWireName(raw.eventNameAsString()).orElse(null),
        outcome,
        0,
        0,
        raw.eventID(),
        dynamodb == null ? null : Outcomes.sequenceOrNull(dynamodb.sequenceNumber()),
        failure == null ? null : failure.getClass(),
        recordKeys);
  }

  private void tell(HandlerEvent event) {
    for (StreamObserver observer : observers) {
      try {
        observer.onHandler(event);
      } catch (Throwable e) {
        failed(observer, "onHandler", e);
      }
    }
  }

  private void failed(StreamObserver observer, String method, Throwable e) {
    Fatal.rethrowIfFatal(e);
    String kind = observer.getClass().getName() + "#" + method + ":" + e.getClass().getName();
    if (reported.add(kind)) {
      LOG.warn(
          "Observer {} failed in {}; records are not affected, and further {} from it are not"
              + " logged",
          observer.getClass().getName(),
          method,
          e.getClass().getName(),
          Redacted.forLog(e, logMessages));
    }
  }
}
