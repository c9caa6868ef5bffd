package dev.ddbstreams.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.shared.access.AmazonDynamoDBLocal;

/**
 * DynamoDB Local 3.3.1 running embedded in this JVM: in memory, telemetry off, no network port.
 *
 * <p>The clients are in-process SDK v2 clients; requests never leave the JVM. Streams are real:
 * records come from real writes. Each instance is a separate database: tables of one are invisible
 * to another, so a second instance can stand in for another region.
 *
 * <pre>{@code
 * DynamoDbClient ddb = DynamoDbLocal.shared().client();          // one per JVM, never closed
 * try (DynamoDbLocal otherRegion = DynamoDbLocal.start()) {      // independent, closed here
 *   otherRegion.client().listTables();
 * }
 * }</pre>
 *
 * <p>There is no asynchronous streams client: the one DynamoDB Local 3.3.1 offers fails every call
 * (including {@code serviceName()}) with {@code IllegalArgumentException: object is not an instance
 * of declaring class}. The asynchronous DynamoDB client works.
 *
 * <p>Thread safety: all methods and all clients may be used from any thread.
 *
 * <p>Measured on this project's machines: the first instance in a JVM starts in 1.0 to 1.7 s
 * (loading DynamoDB Local's classes and its sqlite native library); further instances start in
 * about 10 ms.
 */
public final class DynamoDbLocal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbLocal.class);
  private static final Object SHARED_LOCK = new Object();
  private static @Nullable DynamoDbLocal sharedInstance;

  private final AmazonDynamoDBLocal embedded;
  private final DynamoDbClient client;
  private final DynamoDbStreamsClient streamsClient;
  private final DynamoDbAsyncClient asyncClient;
  private final Duration startTime;
  private final boolean shared;
  private final AtomicBoolean closed = new AtomicBoolean();

  private DynamoDbLocal(boolean shared) {
    this.shared = shared;
    long started = System.nanoTime();
    // true = telemetry off; no file = in memory.
    this.embedded = DynamoDBEmbedded.create(true);
    this.client = embedded.dynamoDbClient();
    this.streamsClient = embedded.dynamoDbStreamsClient();
    this.asyncClient = embedded.dynamoDbAsyncClient();
    this.startTime = Duration.ofNanos(System.nanoTime() - started);
    LOG.info(
        "Started {} embedded DynamoDB Local (in memory) in {} ms",
        shared ? "shared" : "separate",
        startTime.toMillis());
  }

  /**
   * Returns the JVM's shared instance, starting it on the first call.
   *
   * <p>Thread-safe: concurrent first calls start exactly one instance. It stays up until the JVM
   * exits (a shutdown hook stops it); {@link #close()} on it is refused. Tests that share it should
   * use their own uniquely named tables ({@link StreamTable#uniqueName(String)}).
   *
   * @return the shared instance, never {@code null}
   */
  public static DynamoDbLocal shared() {
    synchronized (SHARED_LOCK) {
      DynamoDbLocal instance = sharedInstance;
      if (instance == null) {
        instance = new DynamoDbLocal(true);
        DynamoDbLocal toStop = instance;
        Runtime.getRuntime()
            .addShutdownHook(new Thread(toStop::shutDown, "ddbstreams-dynamodb-local-shutdown"));
        sharedInstance = instance;
      }
      return instance;
    }
  }

  /**
   * Starts a new, independent instance that the caller must {@link #close()}.
   *
   * @return a running instance with no tables
   */
  public static DynamoDbLocal start() {
    return new DynamoDbLocal(false);
  }

  /**
   * Returns the synchronous DynamoDB client of this instance.
   *
   * @return the same client on every call
   * @throws IllegalStateException if this instance was closed
   */
  public DynamoDbClient client() {
    checkOpen();
    return client;
  }

  /**
   * Returns the synchronous DynamoDB Streams client of this instance.
   *
   * @return the same client on every call
   * @throws IllegalStateException if this instance was closed
   */
  public DynamoDbStreamsClient streamsClient() {
    checkOpen();
    return streamsClient;
  }

  /**
   * Returns the asynchronous DynamoDB client of this instance.
   *
   * @return the same client on every call
   * @throws IllegalStateException if this instance was closed
   */
  public DynamoDbAsyncClient asyncClient() {
    checkOpen();
    return asyncClient;
  }

  /**
   * Returns how long this instance took to start.
   *
   * @return the measured start time
   */
  public Duration startTime() {
    return startTime;
  }

  /**
   * Closes the open shard of every stream of this instance and opens a child shard in its place, as
   * DynamoDB does every few hours (DynamoDB Local on its own does it every 4 hours).
   *
   * <p>Use it to test reading across shards. It affects every table of this instance, including
   * other tests' tables on the {@link #shared()} instance; {@link StreamReader} copes with that.
   *
   * @throws IllegalStateException if this instance was closed
   */
  public void rollOverShards() {
    checkOpen();
    embedded.triggerShardRollovers();
  }

  /**
   * Stops this instance and discards its data. Calling it again does nothing.
   *
   * <p>DynamoDB Local leaves a TTL sweeper thread (non-daemon) asleep for up to 10 s after
   * shutdown, so a plain {@code main} method may take that long to exit.
   *
   * @throws UnsupportedOperationException on the {@link #shared()} instance, which lives until the
   *     JVM exits
   */
  @Override
  public void close() {
    if (shared) {
      throw new UnsupportedOperationException(
          "The shared DynamoDB Local lives until the JVM exits; use DynamoDbLocal.start() for an"
              + " instance you close");
    }
    shutDown();
  }

  private void shutDown() {
    if (closed.compareAndSet(false, true)) {
      embedded.shutdown();
      LOG.info("Stopped {} embedded DynamoDB Local", shared ? "shared" : "separate");
    }
  }

  private void checkOpen() {
    if (closed.get()) {
      throw new IllegalStateException("This DynamoDB Local instance was closed");
    }
  }
}
