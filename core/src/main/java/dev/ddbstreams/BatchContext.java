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
 * Facts about a batch that the adapter knows and the records do not carry: the stream ARN, the
 * shard, the invocation and its deadline. Immutable.
 *
 * <pre>{@code
 * BatchContext ctx = BatchContext.builder()
 *     .streamArn(arn)
 *     .deadline(Instant.now().plusMillis(lambdaContext.getRemainingTimeInMillis()))
 *     .build();
 * }</pre>
 */
public final class BatchContext {
  private static final BatchContext NONE = builder().build();

  private final @Nullable String streamArn;
  private final @Nullable String shardId;
  private final @Nullable String invocationId;
  private final @Nullable Instant deadline;
  private final Clock clock;

  private BatchContext(Builder b) {
    this.streamArn = b.streamArn;
    this.shardId = b.shardId;
    this.invocationId = b.invocationId;
    this.deadline = b.deadline;
    this.clock = b.clock;
  }

  /**
   * Returns a context that knows nothing.
   *
   * @return the empty context
   */
  public static BatchContext none() {
    return NONE;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the stream ARN.
   *
   * @return the ARN or empty
   */
  public Optional<String> streamArn() {
    return Optional.ofNullable(streamArn);
  }

  /**
   * Returns the shard ID.
   *
   * @return the shard ID or empty
   */
  public Optional<String> shardId() {
    return Optional.ofNullable(shardId);
  }

  /**
   * Returns the invocation ID, such as the Lambda request ID.
   *
   * @return the ID or empty
   */
  public Optional<String> invocationId() {
    return Optional.ofNullable(invocationId);
  }

  /**
   * Returns the deadline of the invocation.
   *
   * @return the deadline or empty
   */
  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  /**
   * Returns the time left until the deadline.
   *
   * @return the remaining time, zero or more, or empty without a deadline
   */
  public Optional<Duration> remainingTime() {
    return deadline == null ? Optional.empty() : Optional.of(StreamContext.until(deadline, clock));
  }

  /**
   * Returns the clock deadlines are measured with.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /** Builds a {@link BatchContext}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String streamArn;
    private @Nullable String shardId;
    private @Nullable String invocationId;
    private @Nullable Instant deadline;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the stream ARN.
     *
     * @param streamArn the ARN, or {@code null} if unknown
     * @return this builder
     */
    public Builder streamArn(@Nullable String streamArn) {
      this.streamArn = streamArn;
      return this;
    }

    /**
     * Sets the shard ID.
     *
     * @param shardId the shard ID, or {@code null} if unknown
     * @return this builder
     */
    public Builder shardId(@Nullable String shardId) {
      this.shardId = shardId;
      return this;
    }

    /**
     * Sets the invocation ID.
     *
     * @param invocationId the ID, or {@code null} if unknown
     * @return this builder
     */
    public Builder invocationId(@Nullable String invocationId) {
      this.invocationId = invocationId;
      return this;
    }

    /**
     * Sets the deadline after which the invocation is cut off.
     *
     * @param deadline the deadline, or {@code null} for none
     * @return this builder
     */
    public Builder deadline(@Nullable Instant deadline) {
      this.deadline = deadline;
      return this;
    }

    /**
     * Sets the clock that deadlines are measured with; for tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the context.
     *
     * @return the context
     */
    public BatchContext build() {
      return new BatchContext(this);
    }
  }
}
