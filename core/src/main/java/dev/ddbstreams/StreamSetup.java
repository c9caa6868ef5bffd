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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Gives an existing table the stream a consumer needs: enables it with the required view type
 * ({@code UpdateTable}) unless it is on already, and waits until it is active.
 *
 * <pre>{@code
 * StreamSetup.Result stream = StreamSetup.builder()
 *     .client(dynamo)
 *     .streamsClient(streams)                  // optional: also wait for StreamStatus ENABLED
 *     .tableName("Pets")
 *     .viewType(ViewType.NEW_AND_OLD_IMAGES)
 *     .build()
 *     .enable();
 * String arn = stream.streamArn();
 * }</pre>
 *
 * <table>
 *   <caption>What {@link #enable()} does</caption>
 *   <tr><th>the table</th><th>then</th></tr>
 *   <tr><td>has no stream, or a disabled one</td>
 *       <td>enables one with the view type and waits until it is active</td></tr>
 *   <tr><td>has a stream whose view type carries every image the required one does (the same, or
 *       {@code NEW_AND_OLD_IMAGES})</td><td>keeps it; waits until it is active</td></tr>
 *   <tr><td>has a stream of another view type</td>
 *       <td>{@link StreamSetupException} saying how to replace it: a view type cannot be changed in
 *       place</td></tr>
 *   <tr><td>is still being created or updated</td><td>waits until it is {@code ACTIVE} first</td></tr>
 * </table>
 *
 * <p>Without a streams client, "active" means the table is {@code ACTIVE} again and names its
 * latest stream; with one, the stream's {@code StreamStatus} is also {@code ENABLED}. Immutable and
 * thread-safe; each {@link #enable()} call does the work again, so it is safe at every start-up.
 */
public final class StreamSetup {
  private final DynamoDbClient client;
  private final @Nullable DynamoDbStreamsClient streams;
  private final String tableName;
  private final ViewType viewType;
  private final Duration timeout;
  private final Duration pollInterval;

  private StreamSetup(Builder b) {
    this.client = Objects.requireNonNull(b.client);
    this.streams = b.streams;
    this.tableName = Objects.requireNonNull(b.tableName);
    this.viewType = Objects.requireNonNull(b.viewType);
    this.timeout = b.timeout;
    this.pollInterval = b.pollInterval;
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
   * What the table's stream is after {@link #enable()}.
   *
   * @param streamArn the stream's ARN
   * @param viewType its view type: the required one, or one that carries more
   * @param enabledNow {@code true} if this call enabled it, {@code false} if it was on already
   */
  public record Result(String streamArn, ViewType viewType, boolean enabledNow) {}

  /**
   * Enables the table's stream if needed and waits until it is active.
   *
   * @return the stream
   * @throws StreamSetupException if the table has a stream of another view type, or the stream is
   *     not active within the timeout, or the service refuses
   */
  public Result enable() {
    long deadline = System.nanoTime() + timeout.toNanos();
    TableDescription table = awaitTableActive(deadline);
    StreamSpecification spec = table.streamSpecification();
    boolean on = spec != null && Boolean.TRUE.equals(spec.streamEnabled());
    if (on) {
      ViewType existing = ViewType.fromWireName(spec.streamViewTypeAsString());
      if (!covers(existing, viewType)) {
        throw new StreamSetupException(
            "Table '"
                + tableName
                + "' already has a stream with view type "
                + existing
                + ", which lacks images that "
                + viewType
                + " carries, and a stream's view type cannot be changed in place. To replace it:"
                + " disable the stream (UpdateTable with StreamEnabled=false), enable it again"
                + " with "
                + viewType
                + ", and start every consumer on the new stream's ARN at TRIM_HORIZON; the old"
                + " stream's records stay readable for 24 hours, so drain them first to lose"
                + " nothing");
      }
      String arn = awaitStreamActive(deadline);
      return new Result(arn, existing, false);
    }
    try {
      client.updateTable(
          b ->
              b.tableName(tableName)
                  .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType.name())));
    } catch (RuntimeException e) {
      throw new StreamSetupException(
          "Could not enable a " + viewType + " stream on table '" + tableName + "'", e);
    }
    String arn = awaitStreamActive(deadline);
    return new Result(arn, viewType, true);
  }

  /** Whether a stream of the existing view type carries every image the required one does. */
  static boolean covers(ViewType existing, ViewType required) {
    for (ImageKind kind : ImageKind.values()) {
      if (required.carries(kind) && !existing.carries(kind)) {
        return false;
      }
    }
    return existing != ViewType.UNKNOWN;
  }

  private TableDescription awaitTableActive(long deadline) {
    while (true) {
      TableDescription table = describe();
      if (table.tableStatus() == TableStatus.ACTIVE) {
        return table;
      }
      pause(deadline, "table '" + tableName + "' to be ACTIVE (it is " + table.tableStatus() + ")");
    }
  }

  private String awaitStreamActive(long deadline) {
    while (true) {
      TableDescription table = describe();
      String arn = table.latestStreamArn();
      if (table.tableStatus() == TableStatus.ACTIVE && arn != null && streamEnabled(arn)) {
        return arn;
      }
      pause(deadline, "the stream of table '" + tableName + "' to be active");
    }
  }

  private boolean streamEnabled(String arn) {
    if (streams == null) {
      return true;
    }
    DescribeStreamResponse described = streams.describeStream(b -> b.streamArn(arn).limit(1));
    return described.streamDescription().streamStatus() == StreamStatus.ENABLED;
  }

  private TableDescription describe() {
    try {
      return client.describeTable(b -> b.tableName(tableName)).table();
    } catch (RuntimeException e) {
      throw new StreamSetupException("Could not describe table '" + tableName + "'", e);
    }
  }

  private void pause(long deadline, String waitingFor) {
    if (System.nanoTime() + pollInterval.toNanos() > deadline) {
      throw new StreamSetupException("Gave up after " + timeout + " waiting for " + waitingFor);
    }
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamSetupException("Interrupted while waiting for " + waitingFor, e);
    }
  }

  /**
   * Builds a {@link StreamSetup}; {@link #build()} lists every missing setting. Not thread-safe.
   */
  public static final class Builder {
    private @Nullable DynamoDbClient client;
    private @Nullable DynamoDbStreamsClient streams;
    private @Nullable String tableName;
    private @Nullable ViewType viewType;
    private Duration timeout = Duration.ofMinutes(5);
    private Duration pollInterval = Duration.ofSeconds(1);

    private Builder() {}

    /**
     * Sets the DynamoDB client that describes and updates the table. Required.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(DynamoDbClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets a streams client, so that {@link #enable()} also waits for {@code StreamStatus ENABLED}.
     * Optional.
     *
     * @param streams the client
     * @return this builder
     */
    public Builder streamsClient(DynamoDbStreamsClient streams) {
      this.streams = Objects.requireNonNull(streams, "streams");
      return this;
    }

    /**
     * Sets the table. Required.
     *
     * @param tableName the table's name
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      return this;
    }

    /**
     * Sets the view type the consumer needs, such as {@code router.viewType()}. Required.
     *
     * @param viewType the view type
     * @return this builder
     */
    public Builder viewType(ViewType viewType) {
      this.viewType = Objects.requireNonNull(viewType, "viewType");
      return this;
    }

    /**
     * Sets how long {@link #enable()} waits in all. Default 5 minutes.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets how often {@link #enable()} asks while it waits. Default 1 second.
     *
     * @param pollInterval a positive duration
     * @return this builder
     */
    public Builder pollInterval(Duration pollInterval) {
      this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
      return this;
    }

    /**
     * Checks the settings and builds the helper.
     *
     * @return the helper
     * @throws IllegalStateException naming every missing or invalid setting
     */
    public StreamSetup build() {
      List<String> problems = new ArrayList<>();
      if (client == null) {
        problems.add("client is required");
      }
      if (tableName == null || tableName.isEmpty()) {
        problems.add("tableName is required");
      }
      if (viewType == null || viewType == ViewType.UNKNOWN) {
        problems.add(
            "viewType is required (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES)");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        problems.add("timeout must be positive");
      }
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        problems.add("pollInterval must be positive");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException("StreamSetup: " + String.join("; ", problems));
      }
      return new StreamSetup(this);
    }
  }
}
