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
package dev.ddbstreams.emulator;

import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.streams.StreamSettings;
import dev.ddbstreams.emulator.internal.streams.StreamStore;
import dev.ddbstreams.emulator.internal.table.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * DynamoDB and DynamoDB Streams inside this JVM, on a loopback port, speaking the services' JSON
 * 1.0 wire protocols, so every real client (SDK v2 sync and async, the enhanced client, KCL 3 and
 * the DynamoDB Streams Kinesis adapter) works unchanged with an endpoint override. Data lives in
 * memory and is gone at {@link #close()}.
 *
 * <pre>{@code
 * try (DynamoDbEmulator emulator = DynamoDbEmulator.start()) {
 *   DynamoDbClient ddb = emulator.client();
 *   DynamoDbStreamsClient streams = emulator.streamsClient();
 *   ...
 * }
 * }</pre>
 *
 * <p>Requests are signed by the clients as usual; the emulator accepts any signature. The ready
 * clients use the emulator's region and dummy credentials; build your own from {@link
 * #clientBuilder()} and friends to change their settings.
 *
 * <p>Test controls: an injectable {@link Clock} ({@link ManualClock}), {@link #sweepTimeToLive()}
 * to run the TTL sweeper now, {@link #rollOverShards()} to close every open shard now, and {@link
 * #faults()} to inject throttling, server errors, latency and dropped connections.
 *
 * <p>Thread safety: all methods may be called from any thread. See docs/emulator.md for what it
 * supports and where it differs from the service.
 */
public final class DynamoDbEmulator implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbEmulator.class);
  private static final Object SHARED_LOCK = new Object();
  private static @Nullable DynamoDbEmulator sharedInstance;

  private final Builder settings;
  private final Database database;
  private final StreamStore streams;
  private final Faults faults = new Faults();
  private final HttpFront front;
  private final URI endpoint;
  private final Duration startTime;
  private final @Nullable ScheduledExecutorService background;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean shared;
  private final Lazy<DynamoDbClient> client;
  private final Lazy<DynamoDbAsyncClient> asyncClient;
  private final Lazy<DynamoDbStreamsClient> streamsClient;
  private final Lazy<DynamoDbEnhancedClient> enhancedClient;

  private DynamoDbEmulator(Builder settings) {
    long started = System.nanoTime();
    this.settings = settings;
    StreamSettings streamSettings =
        new StreamSettings(
            settings.shardsPerStream,
            settings.shardRolloverInterval,
            Duration.ofHours(24),
            Duration.ofMinutes(15));
    this.streams =
        new StreamStore(settings.clock, settings.region.id(), settings.accountId, streamSettings);
    this.database = new Database(settings.clock, settings.region.id(), settings.accountId, streams);
    OperationRegistry registry = new OperationRegistry();
    database.register(registry);
    streams.register(registry);
    try {
      this.front = new HttpFront(settings.port, registry, faults);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not open port " + settings.port + " on loopback", e);
    }
    this.endpoint = URI.create("http://127.0.0.1:" + front.port());
    this.background = startBackground(settings);
    this.client = new Lazy<>(() -> clientBuilder().build());
    this.asyncClient = new Lazy<>(() -> asyncClientBuilder().build());
    this.streamsClient = new Lazy<>(() -> streamsClientBuilder().build());
    this.enhancedClient =
        new Lazy<>(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(client()).build());
    this.startTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.debug(
        "DynamoDB emulator listening on {} (started in {} ms)", endpoint, startTime.toMillis());
  }

  /**
   * Starts an emulator with the default settings: a free loopback port, region {@code us-east-1},
   * the system clock.
   *
   * @return a running emulator with no tables, which the caller must close
   */
  public static DynamoDbEmulator start() {
    return builder().start();
  }

  /**
   * Returns the JVM's shared emulator, starting it with the default settings on the first call.
   *
   * <p>Thread-safe: concurrent first calls start exactly one. It lives until the JVM exits (a
   * shutdown hook stops it), and {@link #close()} on it is refused, so tests of one JVM can share
   * it without coordinating; they keep apart by using tables of their own names.
   *
   * @return the shared emulator
   */
  public static DynamoDbEmulator shared() {
    synchronized (SHARED_LOCK) {
      DynamoDbEmulator instance = sharedInstance;
      if (instance == null) {
        instance = start();
        instance.shared = true;
        DynamoDbEmulator toStop = instance;
        Runtime.getRuntime()
            .addShutdownHook(new Thread(toStop::shutDown, "ddbstreams-emulator-shutdown"));
        sharedInstance = instance;
      }
      return instance;
    }
  }

  /**
   * Returns a builder for an emulator with settings of its own.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the endpoint to give clients ({@code endpointOverride}), such as {@code
   * http://127.0.0.1:41234}.
   *
   * @return the endpoint
   */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Returns the region in ARNs and in the ready clients.
   *
   * @return the region
   */
  public Region region() {
    return settings.region;
  }

  /**
   * Returns the clock behind TTL expiry, stream timestamps and retention.
   *
   * @return the clock set on the builder, or the system clock
   */
  public Clock clock() {
    return settings.clock;
  }

  /**
   * Returns how long {@link #start()} took.
   *
   * @return the start-up time
   */
  public Duration startTime() {
    return startTime;
  }

  /**
   * Returns a synchronous DynamoDB client of this emulator, created on first use and closed with
   * it.
   *
   * @return the same client on every call
   */
  public DynamoDbClient client() {
    checkOpen();
    return client.get();
  }

  /**
   * Returns an asynchronous DynamoDB client of this emulator, created on first use and closed with
   * it.
   *
   * @return the same client on every call
   */
  public DynamoDbAsyncClient asyncClient() {
    checkOpen();
    return asyncClient.get();
  }

  /**
   * Returns a synchronous DynamoDB Streams client of this emulator, created on first use and closed
   * with it.
   *
   * @return the same client on every call
   */
  public DynamoDbStreamsClient streamsClient() {
    checkOpen();
    return streamsClient.get();
  }

  /**
   * Returns an enhanced client over {@link #client()}.
   *
   * @return the same client on every call
   */
  public DynamoDbEnhancedClient enhancedClient() {
    checkOpen();
    return enhancedClient.get();
  }

  /**
   * Returns a DynamoDB client builder pointed at this emulator (endpoint, region, dummy
   * credentials); the caller owns and closes what it builds.
   *
   * @return a new builder
   */
  public DynamoDbClientBuilder clientBuilder() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(settings.region)
        .credentialsProvider(credentials());
  }

  /**
   * Returns an asynchronous DynamoDB client builder pointed at this emulator; the caller owns and
   * closes what it builds.
   *
   * @return a new builder
   */
  public DynamoDbAsyncClientBuilder asyncClientBuilder() {
    return DynamoDbAsyncClient.builder()
        .endpointOverride(endpoint)
        .region(settings.region)
        .credentialsProvider(credentials());
  }

  /**
   * Returns a DynamoDB Streams client builder pointed at this emulator; the caller owns and closes
   * what it builds.
   *
   * @return a new builder
   */
  public DynamoDbStreamsClientBuilder streamsClientBuilder() {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(endpoint)
        .region(settings.region)
        .credentialsProvider(credentials());
  }

  /**
   * Returns the faults armed on this emulator, to add or clear.
   *
   * @return the faults of this emulator
   */
  public Faults faults() {
    return faults;
  }

  /**
   * Deletes every item whose TTL attribute lies in the past of the emulator's clock now, as the
   * service's background sweeper eventually does. Each delete writes a {@code REMOVE} stream record
   * with the user identity of the service ({@code Service}, {@code dynamodb.amazonaws.com}).
   *
   * @return how many items were deleted
   */
  public int sweepTimeToLive() {
    checkOpen();
    return database.sweepTimeToLive();
  }

  /**
   * Closes the open shards of every stream and opens a child shard for each, as the service does
   * every few hours, so tests can cross shard ends.
   */
  public void rollOverShards() {
    checkOpen();
    streams.rollOverShards();
  }

  /**
   * Stops the server and drops all data. Calling it again does nothing.
   *
   * @throws UnsupportedOperationException on the {@link #shared()} emulator, which lives until the
   *     JVM exits
   */
  @Override
  public void close() {
    if (shared) {
      throw new UnsupportedOperationException(
          "The shared emulator lives until the JVM exits; use DynamoDbEmulator.start() for one you"
              + " close");
    }
    shutDown();
  }

  private void shutDown() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    client.close();
    asyncClient.close();
    streamsClient.close();
    if (background != null) {
      background.shutdownNow();
    }
    front.close();
  }

  private @Nullable ScheduledExecutorService startBackground(Builder s) {
    if (s.ttlSweepInterval.isZero() && s.shardRolloverInterval.isZero()) {
      return null;
    }
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ddbstreams-emulator-background");
              t.setDaemon(true);
              return t;
            });
    if (!s.ttlSweepInterval.isZero()) {
      long ms = s.ttlSweepInterval.toMillis();
      ex.scheduleWithFixedDelay(
          () -> runQuietly(database::sweepTimeToLive), ms, ms, TimeUnit.MILLISECONDS);
    }
    if (!s.shardRolloverInterval.isZero()) {
      // Checked often; the store rolls each stream over when its clock says the interval passed.
      ex.scheduleWithFixedDelay(
          () -> runQuietly(streams::rollOverDueShards), 1, 1, TimeUnit.SECONDS);
    }
    return ex;
  }

  private static void runQuietly(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("Emulator background task failed", e);
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This emulator was closed");
    }
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator"));
  }

  /**
   * Runs an emulator until the process is stopped: {@code --port N} (default 8000), {@code --region
   * R} (default us-east-1).
   *
   * @param args command-line arguments
   * @throws InterruptedException if interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    Builder builder = builder().port(8000);
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(
            "Usage: DynamoDbEmulator [--port N] [--region R]\n"
                + "  DynamoDB and DynamoDB Streams on http://127.0.0.1:N (default 8000)");
        return;
      }
      if (i + 1 >= args.length) {
        System.err.println("Missing value after " + arg + "; try --help");
        System.exit(2);
      }
      String value = args[++i];
      switch (arg) {
        case "--port":
          try {
            builder.port(Integer.parseInt(value));
          } catch (NumberFormatException e) {
            System.err.println("--port takes a number from 0 to 65535");
            System.exit(2);
          }
          break;
        case "--region":
          builder.region(Region.of(value));
          break;
        default:
          System.err.println("Unknown option " + arg + "; try --help");
          System.exit(2);
      }
    }
    DynamoDbEmulator emulator = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
    System.out.println("DynamoDB emulator listening on " + emulator.endpoint());
    Thread.currentThread().join();
  }

  /** Settings of an emulator; {@link #start()} starts one. Not thread-safe. */
  public static final class Builder {
    private int port;
    private Region region = Region.US_EAST_1;
    private String accountId = "000000000000";
    private Clock clock = Clock.systemUTC();
    private int shardsPerStream = 1;
    private Duration shardRolloverInterval = Duration.ZERO;
    private Duration ttlSweepInterval = Duration.ofSeconds(1);

    private Builder() {}

    /**
     * Sets the loopback port; 0, the default, picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the region in ARNs and in the ready clients; default {@code us-east-1}.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Sets the 12-digit account id in ARNs; default {@code 000000000000}.
     *
     * @param accountId twelve digits
     * @return this builder
     */
    public Builder accountId(String accountId) {
      if (!accountId.matches("[0-9]{12}")) {
        throw new IllegalArgumentException("accountId must be 12 digits");
      }
      this.accountId = accountId;
      return this;
    }

    /**
     * Sets the clock behind TTL expiry, stream timestamps, shard rollover, iterator expiry and
     * retention; default the system clock. Use {@link ManualClock} to move time in tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many shards of a stream are open at once; items are spread over them by partition
     * key, so one item's records stay in one shard. Default 1.
     *
     * @param count 1 to 64
     * @return this builder
     */
    public Builder shardsPerStream(int count) {
      if (count < 1 || count > 64) {
        throw new IllegalArgumentException("shardsPerStream must be 1 to 64: " + count);
      }
      this.shardsPerStream = count;
      return this;
    }

    /**
     * Rolls every open shard over when it has been open this long by the emulator's clock, as the
     * service does every few hours; {@link Duration#ZERO}, the default, rolls over only on {@link
     * DynamoDbEmulator#rollOverShards()}.
     *
     * @param interval the interval, or zero
     * @return this builder
     */
    public Builder shardRolloverInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("interval must not be negative");
      }
      this.shardRolloverInterval = interval;
      return this;
    }

    /**
     * Sets how often the TTL sweeper runs in the background (wall-clock time); zero turns it off so
     * that only {@link DynamoDbEmulator#sweepTimeToLive()} deletes expired items. Default 1 s.
     *
     * @param interval the interval, or zero
     * @return this builder
     */
    public Builder ttlSweepInterval(Duration interval) {
      if (interval.isNegative()) {
        throw new IllegalArgumentException("interval must not be negative");
      }
      this.ttlSweepInterval = interval;
      return this;
    }

    /**
     * Starts the emulator.
     *
     * @return a running emulator, which the caller must close
     */
    public DynamoDbEmulator start() {
      return new DynamoDbEmulator(this);
    }
  }

  /** A value created on first use, closed with the emulator if it was created. */
  private static final class Lazy<T extends @Nullable Object> {
    private final Supplier<T> factory;
    private final AtomicReference<@Nullable T> value = new AtomicReference<>();

    Lazy(Supplier<T> factory) {
      this.factory = factory;
    }

    synchronized T get() {
      T v = value.get();
      if (v == null) {
        v = factory.get();
        value.set(v);
      }
      return v;
    }

    void close() {
      T v = value.get();
      if (v instanceof AutoCloseable) {
        try {
          ((AutoCloseable) v).close();
        } catch (Exception e) {
          LOG.debug("Closing a client failed", e);
        }
      }
    }
  }
}
