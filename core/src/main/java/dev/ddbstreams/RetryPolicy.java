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

/**
 * How often a failing handler is tried again in-process before its record counts as failed, and how
 * long to wait between tries. Immutable.
 *
 * <pre>{@code
 * RetryPolicy.attempts(3).backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(2))
 * }</pre>
 *
 * @param maxAttempts how many times a handler is called at most for one record, at least 1
 * @param initialBackoff the wait before the second attempt
 * @param multiplier how much each wait grows, at least 1
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

  /** One attempt, no in-process retry: the stream's own redelivery retries. The default. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

  /**
   * Creates the value and checks it.
   *
   * @param maxAttempts how many times a handler is called at most for one record, at least 1
   * @param initialBackoff the wait before the second attempt
   * @param multiplier how much each wait grows, at least 1
   * @param maxBackoff the longest wait
   * @throws IllegalArgumentException if a value is out of range
   */
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoff must not be negative");
    }
    if (!(multiplier >= 1.0)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
  }

  /**
   * Returns a policy of the given number of attempts with a backoff of 100 ms, doubling, at most 5
   * s.
   *
   * @param maxAttempts attempts, at least 1
   * @return the policy
   */
  public static RetryPolicy attempts(int maxAttempts) {
    return new RetryPolicy(maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5));
  }

  /**
   * Returns this policy with another backoff.
   *
   * @param initial the wait before the second attempt
   * @param growth how much each wait grows
   * @param max the longest wait
   * @return the new policy
   */
  public RetryPolicy backoff(Duration initial, double growth, Duration max) {
    return new RetryPolicy(maxAttempts, initial, growth, max);
  }

  /**
   * Returns the wait after a failed attempt.
   *
   * @param failedAttempt the attempt that failed, starting at 1
   * @return the wait before the next attempt
   */
  public Duration backoffAfter(int failedAttempt) {
    double factor = Math.pow(multiplier, Math.max(0, failedAttempt - 1));
    double millis = initialBackoff.toMillis() * factor;
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
  }
}
