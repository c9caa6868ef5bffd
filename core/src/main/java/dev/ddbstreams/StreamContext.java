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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a handler may want to know about the delivery of the record it is handling: where it came
 * from, which in-process attempt this is, and how much time is left.
 *
 * <p>Declare a parameter of this type on a handler method to receive it. Immutable.
 */
public final class StreamContext {
  private final BatchContext batch;
  private final int attempt;
  private final String handlerId;

  /**
   * Creates a context; the router does this for every handler call.
   *
   * @param batch the batch the record came in
   * @param handlerId the handler's stable ID
   * @param attempt the in-process attempt, starting at 1
   */
  public StreamContext(BatchContext batch, String handlerId, int attempt) {
    this.batch = batch;
    this.handlerId = handlerId;
    this.attempt = attempt;
  }

  /**
   * Returns the ARN of the stream, when the adapter knows it.
   *
   * @return the ARN or empty
   */
  public Optional<String> streamArn() {
    return batch.streamArn();
  }

  /**
   * Returns the ID of the shard the record came from, when the adapter knows it (KCL does; Lambda's
   * event does not say).
   *
   * @return the shard ID or empty
   */
  public Optional<String> shardId() {
    return batch.shardId();
  }

  /**
   * Returns the ID of the invocation, such as the Lambda request ID.
   *
   * @return the ID or empty
   */
  public Optional<String> invocationId() {
    return batch.invocationId();
  }

  /**
   * Returns the in-process attempt for this handler and record, starting at 1. Redeliveries by
   * Lambda or KCL start again at 1: they cannot be counted from inside one invocation.
   *
   * @return the attempt number
   */
  public int attempt() {
    return attempt;
  }

  /**
   * Returns the stable ID of the handler being called.
   *
   * @return the handler ID
   */
  public String handlerId() {
    return handlerId;
  }

  /**
   * Returns the time left before the invocation's deadline, when there is one (Lambda).
   *
   * @return the remaining time, zero or more, or empty without a deadline
   */
  public Optional<Duration> remainingTime() {
    return batch.remainingTime();
  }

  /**
   * Returns the deadline of the invocation, when there is one.
   *
   * @return the deadline or empty
   */
  public Optional<Instant> deadline() {
    return batch.deadline();
  }

  static Duration until(@Nullable Instant deadline, Clock clock) {
    if (deadline == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
