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
package dev.ddbstreams.kcl;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.kcl.internal.ProcessorSettings;
import dev.ddbstreams.kcl.internal.RouterProcessorFactory;
import dev.ddbstreams.kcl.internal.StreamArns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.checkpoint.CheckpointConfig;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.leases.LeaseManagementConfig.WorkerUtilizationAwareAssignmentConfig;
import software.amazon.kinesis.lifecycle.LifecycleConfig;
import software.amazon.kinesis.metrics.MetricsConfig;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.processor.ProcessorConfig;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * Consumes a DynamoDB stream with the Kinesis Client Library (KCL 3) and the DynamoDB Streams
 * Kinesis adapter, running every record through a {@link StreamRouter}. Workers started with the
 * same application name share the stream's shards through leases in a DynamoDB table of that name;
 * when a worker dies, the others take its leases and resume after its last checkpoint.
 *
 * <pre>{@code
 * try (KclStreamConsumer consumer = KclStreamConsumer.builder()
 *     .streamArn(arn)                       // or .tableName("Pets")
 *     .applicationName("pet-views")         // names the lease table
 *     .router(router)
 *     .build()) {
 *   consumer.start();                       // or run(), which blocks
 *   ...
 * }                                         // graceful shutdown, checkpoints what is done
 * }</pre>
 *
 * <p>Delivery is at least once: after a failover or a crash, records after the last checkpoint are
 * delivered again, so handlers with side effects want an idempotency store on the router. A failed
 * record is never skipped: see {@link Builder#retryBackoff}. Started at most once; {@link #close()}
 * may be called from any thread.
 */
public final class KclStreamConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KclStreamConsumer.class);

  private final ConsumerSettings settings;
  private final List<AutoCloseable> ownedClients = new ArrayList<>();
  private volatile boolean stopping;
  private final AtomicReference<@Nullable Throwable> fatal = new AtomicReference<>();
  private @Nullable Scheduler scheduler;
  private @Nullable Thread runner;
  private @Nullable String resolvedArn;

  private KclStreamConsumer(ConsumerSettings settings) {
    this.settings = settings;
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
   * Runs the KCL scheduler on the calling thread until {@link #close()} is called, or until an
   * error of the JVM itself stops the worker.
   *
   * <p>A handler's exceptions and errors are its records' failures and never stop the worker. Only
   * a {@code VirtualMachineError} the router lets out (such as {@code OutOfMemoryError}) does: the
   * shard it happened on is checkpointed no further, the consumer shuts down gracefully (other
   * shards checkpoint what is done), and this method then throws the error.
   *
   * @throws KclConfigurationException if the table has no stream or the stream ARN is not one KCL
   *     accepts
   * @throws IllegalStateException if the consumer was started before or closed
   * @throws VirtualMachineError the error that stopped the worker, once it has shut down
   */
  public void run() {
    Scheduler s = createScheduler();
    LOG.info(
        "KCL consumer {} (worker {}) starting on {}",
        settings.applicationName(),
        settings.workerId(),
        resolvedArn);
    s.run();
    LOG.info(
        "KCL consumer {} (worker {}) stopped", settings.applicationName(), settings.workerId());
    if (fatal.get() instanceof VirtualMachineError error) {
      throw error;
    }
  }

  /**
   * A shard processor met an error that stops the worker: shut down gracefully, on a thread of its
   * own (the processor's thread is one the shutdown waits for).
   */
  private void stopAfterFatal(Throwable error) {
    if (!fatal.compareAndSet(null, error)) {
      return;
    }
    LOG.error(
        "KCL consumer {} (worker {}) stops after {} in a record processor",
        settings.applicationName(),
        settings.workerId(),
        error.getClass().getName());
    Thread stopper = new Thread(this::close, "ddbstreams-kcl-stop-" + settings.applicationName());
    stopper.setDaemon(true);
    stopper.start();
  }

  /**
   * Creates the scheduler on the calling thread and runs it on a new (non-daemon) thread, then
   * returns. Taking leases and reading begin within seconds; see {@code docs/kcl.md} for timings.
   *
   * @throws KclConfigurationException if the table has no stream or the stream ARN is not one KCL
   *     accepts
   * @throws IllegalStateException if the consumer was started before or closed
   */
  public void start() {
    Scheduler s = createScheduler();
    Thread t = new Thread(s, "ddbstreams-kcl-" + settings.applicationName());
    synchronized (this) {
      runner = t;
    }
    t.start();
  }

  private synchronized Scheduler createScheduler() {
    if (scheduler != null || stopping) {
      throw new IllegalStateException("a KclStreamConsumer runs once; build another one");
    }
    DynamoDbAsyncClient dynamo = settings.dynamoDbClient();
    if (dynamo == null) {
      dynamo = own(DynamoDbAsyncClient.create());
    }
    DynamoDbStreamsClient streams = settings.streamsClient();
    if (streams == null) {
      streams = own(DynamoDbStreamsClient.create());
    }
    String arn = settings.streamArn();
    if (arn == null) {
      arn = StreamArns.latestStreamOf(dynamo, requireTable());
    }
    resolvedArn = arn;
    Region region = Region.of(StreamArns.region(arn));
    AmazonDynamoDBStreamsAdapterClient kinesis =
        new AmazonDynamoDBStreamsAdapterClient(streams, region);
    String app = settings.applicationName();
    ProcessorSettings ps =
        new ProcessorSettings(
            settings.router(),
            arn,
            settings.initialBackoff(),
            settings.maxBackoff(),
            () -> stopping,
            this::stopAfterFatal);
    InitialPositionInStream position =
        settings.initialPosition() == InitialPosition.LATEST
            ? InitialPositionInStream.LATEST
            : InitialPositionInStream.TRIM_HORIZON;
    CheckpointConfig checkpoint = new CheckpointConfig();
    // The adapter forces both of these (and warns when it has to); set them so it need not.
    CoordinatorConfig coordinator =
        new CoordinatorConfig(app).skipShardSyncAtWorkerInitializationIfLeasesExist(true);
    LeaseManagementConfig leases =
        new LeaseManagementConfig(app, app, dynamo, kinesis, settings.workerId())
            .leasesRecoveryAuditorInconsistencyConfidenceThreshold(0);
    LifecycleConfig lifecycle = new LifecycleConfig();
    MetricsConfig metrics = metricsConfig(app);
    DynamoDBStreamsPollingConfig polling = new DynamoDBStreamsPollingConfig(kinesis);
    RetrievalConfig retrieval =
        new RetrievalConfig(
                kinesis,
                StreamsSchedulerFactory.createSingleStreamTracker(
                    arn, InitialPositionInStreamExtended.newInitialPosition(position)),
                app)
            .retrievalSpecificConfig(polling);
    long kclReporterMillis =
        leases.workerUtilizationAwareAssignmentConfig().workerMetricsReporterFreqInMillis();
    settings
        .customizer()
        .accept(new KclConfigs(checkpoint, coordinator, leases, lifecycle, metrics, polling));
    reportWorkerMetricsAtFailoverPace(leases, kclReporterMillis);
    Scheduler s =
        StreamsSchedulerFactory.createScheduler(
            checkpoint,
            coordinator,
            leases,
            lifecycle,
            metrics,
            // Called on empty polls too: records a retry loop gave up on (an interrupted wait) run
            // again within a poll interval, not only when the shard's next record arrives.
            new ProcessorConfig(new RouterProcessorFactory(ps))
                .callProcessRecordsEvenForEmptyRecordList(true),
            retrieval,
            kinesis);
    scheduler = s;
    return s;
  }

  /**
   * Unless the customizer chose a reporting period, reports worker metrics once per failover time
   * (KCL's default period is 30 s). KCL 3's leader hands expired leases only to workers whose
   * metrics row is younger than two periods; until a dead worker's row is that old, the leader
   * keeps giving the dead worker's leases back to it, and its load balancing may move a live
   * worker's lease to the dead one. Failover then takes a minute or more instead of seconds. The
   * cost is one small write per worker per failover time.
   *
   * @param leases the lease settings, after the customizer ran
   * @param kclReporterMillis the reporting period before the customizer ran
   */
  static void reportWorkerMetricsAtFailoverPace(
      LeaseManagementConfig leases, long kclReporterMillis) {
    WorkerUtilizationAwareAssignmentConfig workerMetrics =
        leases.workerUtilizationAwareAssignmentConfig();
    if (workerMetrics.workerMetricsReporterFreqInMillis() == kclReporterMillis
        && leases.failoverTimeMillis() < kclReporterMillis) {
      workerMetrics.workerMetricsReporterFreqInMillis(leases.failoverTimeMillis());
    }
  }

  private MetricsConfig metricsConfig(String app) {
    if (settings.metricsLevel() == MetricsLevel.NONE) {
      // No CloudWatch client is needed or created: the null factory never publishes.
      return new MetricsConfig(settings.cloudWatchClient(), app)
          .metricsFactory(new NullMetricsFactory())
          .metricsLevel(MetricsLevel.NONE);
    }
    CloudWatchAsyncClient cw = settings.cloudWatchClient();
    if (cw == null) {
      cw = own(CloudWatchAsyncClient.create());
    }
    return new MetricsConfig(cw, app).metricsLevel(settings.metricsLevel());
  }

  private String requireTable() {
    String table = settings.tableName();
    if (table == null) {
      throw new IllegalStateException("neither streamArn nor tableName");
    }
    return table;
  }

  private <T extends AutoCloseable> T own(T client) {
    ownedClients.add(client);
    return client;
  }

  /**
   * Returns the stream this consumer reads: the ARN given, or the table's latest stream once
   * started.
   *
   * @return the stream ARN, or empty if only a table name was given and the consumer has not
   *     started
   */
  public synchronized Optional<String> streamArn() {
    return Optional.ofNullable(resolvedArn != null ? resolvedArn : settings.streamArn());
  }

  /**
   * Returns this worker's identifier in the lease table.
   *
   * @return the worker ID
   */
  public String workerId() {
    return settings.workerId();
  }

  /**
   * Returns the application name, which is also the lease table's name.
   *
   * @return the application name
   */
  public String applicationName() {
    return settings.applicationName();
  }

  /**
   * Shuts down gracefully: retry loops give up after their current round, KCL lets every shard
   * processor finish its batch and checkpoint what is done, leases are released, and the call
   * returns when that is over or after the {@link Builder#shutdownTimeout shutdown timeout}, when
   * the scheduler is stopped hard. Clients the consumer created are closed; injected ones are not.
   * Calling it again does nothing.
   */
  @Override
  public void close() {
    Scheduler s;
    Thread t;
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      s = scheduler;
      t = runner;
    }
    long timeoutMillis = settings.shutdownTimeout().toMillis();
    if (s != null) {
      try {
        Future<Boolean> done = s.startGracefulShutdown();
        if (!Boolean.TRUE.equals(done.get(timeoutMillis, TimeUnit.MILLISECONDS))) {
          LOG.warn("KCL graceful shutdown of {} did not complete", settings.workerId());
          s.shutdown();
        }
      } catch (TimeoutException | ExecutionException e) {
        LOG.warn("KCL graceful shutdown of {} failed ({}); stopping hard", settings.workerId(), e);
        s.shutdown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        s.shutdown();
      }
    }
    if (t != null) {
      try {
        t.join(timeoutMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (AutoCloseable c : ownedClients) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("closing a client failed", e);
      }
    }
  }

  /**
   * Builds a {@link KclStreamConsumer}. {@link #build()} checks every setting and reports all
   * problems at once. Not thread-safe.
   */
  public static final class Builder {
    private static final Pattern APP_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    private final List<String> problems = new ArrayList<>();
    private @Nullable String streamArn;
    private @Nullable String tableName;
    private @Nullable String applicationName;
    private @Nullable String workerId;
    private InitialPosition initialPosition = InitialPosition.TRIM_HORIZON;
    private @Nullable StreamRouter router;
    private @Nullable DynamoDbAsyncClient dynamoDbClient;
    private @Nullable DynamoDbStreamsClient streamsClient;
    private @Nullable CloudWatchAsyncClient cloudWatchClient;
    private MetricsLevel metricsLevel = MetricsLevel.NONE;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration shutdownTimeout = Duration.ofSeconds(60);
    private Consumer<? super KclConfigs> customizer = configs -> {};

    private Builder() {}

    /**
     * Sets the stream to read. Give this or {@link #tableName}, not both.
     *
     * @param streamArn a DynamoDB stream ARN, {@code
     *     arn:aws:dynamodb:REGION:ACCOUNT:table/T/stream/LABEL}
     * @return this builder
     */
    public Builder streamArn(String streamArn) {
      this.streamArn = streamArn;
      return this;
    }

    /**
     * Reads the table's latest stream, looked up with DescribeTable when the consumer starts. Give
     * this or {@link #streamArn}, not both.
     *
     * @param tableName the table's name
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * Names the application. Workers with the same name share the stream's shards; the name is also
     * the lease table's name (KCL creates it if missing). Required.
     *
     * @param applicationName 3 to 255 letters, digits, {@code _ . -}
     * @return this builder
     */
    public Builder applicationName(String applicationName) {
      this.applicationName = applicationName;
      return this;
    }

    /**
     * Sets this worker's identifier in the lease table. Default: host name, a colon and a random
     * UUID, unique per consumer.
     *
     * @param workerId a non-empty ID, unique among the application's workers
     * @return this builder
     */
    public Builder workerId(String workerId) {
      this.workerId = workerId;
      return this;
    }

    /**
     * Sets where shards without a checkpoint start. Default {@link InitialPosition#TRIM_HORIZON},
     * so a new application misses nothing still in the stream.
     *
     * @param position the position
     * @return this builder
     */
    public Builder initialPosition(InitialPosition position) {
      this.initialPosition = position;
      return this;
    }

    /**
     * Sets the router every record runs through. Required. The consumer does not close it.
     *
     * @param router the router; give it a dead-letter sink, or a failing record stops its shard
     *     until it succeeds
     * @return this builder
     */
    public Builder router(StreamRouter router) {
      this.router = router;
      return this;
    }

    /**
     * Sets the DynamoDB client for the lease table (and DescribeTable). Default: {@code
     * DynamoDbAsyncClient.create()}, from the default region and credentials chains, closed with
     * the consumer. An injected client is not closed.
     *
     * @param client the client
     * @return this builder
     */
    public Builder dynamoDbClient(DynamoDbAsyncClient client) {
      this.dynamoDbClient = client;
      return this;
    }

    /**
     * Sets the DynamoDB Streams client that reads the stream. Default: {@code
     * DynamoDbStreamsClient.create()}, closed with the consumer. An injected client is not closed.
     *
     * @param client the client
     * @return this builder
     */
    public Builder streamsClient(DynamoDbStreamsClient client) {
      this.streamsClient = client;
      return this;
    }

    /**
     * Sets the CloudWatch client for KCL metrics. Used only with {@link #metricsLevel} above {@code
     * NONE}; default then {@code CloudWatchAsyncClient.create()}.
     *
     * @param client the client
     * @return this builder
     */
    public Builder cloudWatchClient(CloudWatchAsyncClient client) {
      this.cloudWatchClient = client;
      return this;
    }

    /**
     * Sets how much KCL publishes to CloudWatch. Default {@link MetricsLevel#NONE}: nothing, and no
     * CloudWatch client is created.
     *
     * @param level the level
     * @return this builder
     */
    public Builder metricsLevel(MetricsLevel level) {
      this.metricsLevel = level;
      return this;
    }

    /**
     * Sets the wait between in-process retries of a batch whose records failed. It starts at {@code
     * initial} and doubles up to {@code max}. The batch is retried until every record is done or
     * taken by the router's dead-letter sink, because KCL never delivers it again: each round is
     * logged at WARN. Default 200 ms to 30 s.
     *
     * @param initial the first wait, positive
     * @param max the longest wait, at least {@code initial}
     * @return this builder
     */
    public Builder retryBackoff(Duration initial, Duration max) {
      if (initial == null || max == null || initial.isNegative() || initial.isZero()) {
        problems.add("retryBackoff: initial must be positive");
      } else if (max.compareTo(initial) < 0) {
        problems.add("retryBackoff: max must be at least initial");
      } else {
        this.initialBackoff = initial;
        this.maxBackoff = max;
      }
      return this;
    }

    /**
     * Sets how long {@link KclStreamConsumer#close()} waits for the graceful shutdown before it
     * stops the scheduler hard. Default 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder shutdownTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        problems.add("shutdownTimeout must be positive");
      } else {
        this.shutdownTimeout = timeout;
      }
      return this;
    }

    /**
     * Changes KCL settings this builder does not name, just before the scheduler is created. Test
     * support uses it to start KCL in seconds; production code rarely needs it.
     *
     * @param customizer called once, on the thread that starts the consumer
     * @return this builder
     */
    public Builder configCustomizer(Consumer<? super KclConfigs> customizer) {
      this.customizer = customizer;
      return this;
    }

    /**
     * Checks every setting and builds the consumer. Nothing is started and no AWS call is made.
     *
     * @return the consumer
     * @throws KclConfigurationException listing every problem found
     */
    public KclStreamConsumer build() {
      List<String> all = new ArrayList<>(problems);
      if (streamArn == null && tableName == null) {
        all.add("streamArn or tableName is required");
      } else if (streamArn != null && tableName != null) {
        all.add("give streamArn or tableName, not both");
      } else if (streamArn != null && !StreamArns.isStreamArn(streamArn)) {
        all.add(
            "streamArn is not a DynamoDB stream ARN"
                + " (arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL): "
                + streamArn);
      } else if (tableName != null && tableName.isBlank()) {
        all.add("tableName must not be blank");
      }
      if (applicationName == null) {
        all.add("applicationName is required (it names the lease table)");
      } else if (!APP_NAME.matcher(applicationName).matches()) {
        all.add(
            "applicationName must be 3 to 255 letters, digits, '_', '.' or '-': "
                + applicationName);
      }
      if (workerId != null && workerId.isBlank()) {
        all.add("workerId must not be blank");
      }
      if (router == null) {
        all.add("router is required");
      }
      if (initialPosition == null) {
        all.add("initialPosition must not be null");
      }
      if (metricsLevel == null) {
        all.add("metricsLevel must not be null");
      }
      if (customizer == null) {
        all.add("configCustomizer must not be null");
      }
      if (!all.isEmpty() || router == null || applicationName == null) {
        throw new KclConfigurationException(all);
      }
      String id = workerId != null ? workerId : StreamArns.defaultWorkerId();
      return new KclStreamConsumer(
          new ConsumerSettings(
              streamArn,
              tableName,
              applicationName,
              id,
              initialPosition,
              router,
              dynamoDbClient,
              streamsClient,
              cloudWatchClient,
              metricsLevel,
              initialBackoff,
              maxBackoff,
              shutdownTimeout,
              customizer));
    }
  }
}
