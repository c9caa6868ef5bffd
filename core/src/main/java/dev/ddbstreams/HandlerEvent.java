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
package dev.ddbstreams;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One handler outcome on one record, as a {@link StreamObserver} is told: which handler, what
 * happened, how long it took, and the record's coordinates. Never an item value or an exception
 * message; key attributes only if the router was built with {@link
 * StreamRouter.Builder#observeKeys(boolean)}. Immutable.
 */
public final class HandlerEvent {
  /**
   * The handler ID of outcomes of a record as a whole, before any handler: {@link
   * HandlerOutcome#FILTERED}, {@link HandlerOutcome#NOT_RUN}, and a malformed record that failed or
   * was dead-lettered. The same ID names such records in {@link RecordOutcome#failedHandler()} and
   * {@link DeadLetter}.
   */
  public static final String ROUTER_ID = "ddbstreams:router";

  private final BatchContext batch;
  private final String handlerId;
  private final @Nullable EventName eventName;
  private final HandlerOutcome outcome;
  private final long durationNanos;
  private final int attempts;
  private final @Nullable String eventId;
  private final @Nullable SequenceNumber sequenceNumber;
  private final @Nullable Class<? extends Throwable> errorType;
  private final @Nullable Map<String, AttributeValue> keys;

  /**
   * Creates an event; the router does, and tests of observers may.
   *
   * @param batch the batch the record belongs to
   * @param handlerId the handler's ID, or {@link #ROUTER_ID}
   * @param eventName the record's event name, or {@code null} if it has none the router knows
   * @param outcome what happened
   * @param durationNanos how long the handler took, in nanoseconds: all its attempts and the waits
   *     between them, or one failed attempt for {@link HandlerOutcome#RETRIED}; 0 if it did not run
   * @param attempts how many times the handler was called, 0 if it did not run
   * @param eventId the record's event ID, or {@code null}
   * @param sequenceNumber the record's sequence number, or {@code null}
   * @param errorType the type of the failure, or {@code null} if there was none
   * @param keys the record's key attributes if the router observes keys, else {@code null}
   */
  public HandlerEvent(
      BatchContext batch,
      String handlerId,
      @Nullable EventName eventName,
      HandlerOutcome outcome,
      long durationNanos,
      int attempts,
      @Nullable String eventId,
      @Nullable SequenceNumber sequenceNumber,
      @Nullable Class<? extends Throwable> errorType,
      @Nullable Map<String, AttributeValue> keys) {
    this.batch = Objects.requireNonNull(batch, "batch");
    this.handlerId = Objects.requireNonNull(handlerId, "handlerId");
    this.eventName = eventName;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.durationNanos = durationNanos;
    this.attempts = attempts;
    this.eventId = eventId;
    this.sequenceNumber = sequenceNumber;
    this.errorType = errorType;
    this.keys = keys == null ? null : Map.copyOf(keys);
  }

  /**
   * Returns the batch the record belongs to: stream ARN, shard, invocation.
   *
   * @return the batch context, the same instance for every event of one batch
   */
  public BatchContext batch() {
    return batch;
  }

  /**
   * Returns the handler's ID, or {@link #ROUTER_ID} for an outcome of the record as a whole.
   *
   * @return the ID
   */
  public String handlerId() {
    return handlerId;
  }

  /**
   * Returns the record's event name.
   *
   * @return the event name, or empty if the record has none the router knows
   */
  public Optional<EventName> eventName() {
    return Optional.ofNullable(eventName);
  }

  /**
   * Returns what happened.
   *
   * @return the outcome
   */
  public HandlerOutcome outcome() {
    return outcome;
  }

  /**
   * Returns how long the handler took: all its attempts and the waits between them, or the one
   * failed attempt of a {@link HandlerOutcome#RETRIED} event; zero if it did not run.
   *
   * @return the duration
   */
  public Duration duration() {
    return Duration.ofNanos(durationNanos);
  }

  /**
   * Returns {@link #duration()} in nanoseconds, without creating a {@link Duration}.
   *
   * @return nanoseconds, zero or more
   */
  public long durationNanos() {
    return durationNanos;
  }

  /**
   * Returns how many times the handler was called for this outcome.
   *
   * @return calls, 0 if it did not run
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns the record's event ID.
   *
   * @return the event ID, or empty if it had none
   */
  public Optional<String> eventId() {
    return Optional.ofNullable(eventId);
  }

  /**
   * Returns the record's sequence number as sent.
   *
   * @return the sequence number, or empty if it had none
   */
  public Optional<SequenceNumber> sequenceNumber() {
    return Optional.ofNullable(sequenceNumber);
  }

  /**
   * Returns the type of the failure of a failed, retried or dead-lettered outcome. Only the type:
   * messages may quote the item.
   *
   * @return the exception's class, or empty
   */
  public Optional<Class<? extends Throwable>> errorType() {
    return Optional.ofNullable(errorType);
  }

  /**
   * Returns the record's key attributes, if the router was built with {@link
   * StreamRouter.Builder#observeKeys(boolean) observeKeys(true)}. Keys are item values too, so they
   * are left out unless asked for.
   *
   * @return the keys, or empty
   */
  public Optional<Map<String, AttributeValue>> keys() {
    return Optional.ofNullable(keys);
  }

  /**
   * Describes the event by coordinates, outcome and error type; never keys or values.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return "HandlerEvent{"
        + handlerId
        + ' '
        + outcome
        + ", eventID="
        + eventId
        + ", sequenceNumber="
        + sequenceNumber
        + ", attempts="
        + attempts
        + ", "
        + durationNanos / 1_000
        + " µs"
        + (errorType == null ? "" : ", error=" + errorType.getName())
        + '}';
  }
}
