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

import dev.ddbstreams.StreamRouter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Feeds every item of a table through a {@link StreamRouter} as a snapshot record ({@code
 * StreamRecord.isSnapshot()}), so a new view can be built from the whole table with the handlers
 * that keep it current from the stream. Only handlers that opt in ({@code @OnInsert(snapshots =
 * INCLUDE)}, {@code @OnChange(snapshots = INCLUDE)}) receive snapshots; idempotency, retries,
 * failure policies and dead letters apply as to stream records.
 *
 * <pre>{@code
 * TableBackfill backfill = TableBackfill.builder()
 *     .client(dynamo)
 *     .tableName("PetTracker")
 *     .router(router)                      // the router of the stream consumer
 *     .name("search-v2")                   // names checkpoints and snapshot event IDs
 *     .totalSegments(32)                   // a parallel scan in 32 segments
 *     .segments(0, 7)                      // this process does segments 0-7 of the 32
 *     .parallelism(4)                      // on 4 threads
 *     .readCapacityPerSecond(200)          // at most 200 read units per second
 *     .checkpoints(BackfillCheckpoints.inTable(dynamo, "backfill-checkpoints"))
 *     .build();
 * BackfillReport report = backfill.run();  // resumes where an earlier run stopped
 * }</pre>
 *
 * <h2>Hand-off to the stream</h2>
 *
 * Start the stream consumer first, then the backfill, and keep the consumer running. Every change
 * made after the consumer's starting position then reaches the view through the stream, and the
 * scan reads each item in a state at least as new as the last change made before the consumer
 * started. A handler that lets any stream change win over a snapshot, and the newer of two stream
 * changes win, ends with each item in its newest state, whatever order the two paths deliver in.
 *
 * <h2>Pages, checkpoints and failures</h2>
 *
 * Each segment reads pages of {@link Builder#pageSize} items; a page is one router batch. When the
 * router finished every record of a page (handled, duplicate, filtered, no match, or dead-lettered)
 * the segment's {@code LastEvaluatedKey} is saved as its {@link SegmentCheckpoint}; if not, the
 * segment is retried from its last checkpoint ({@link Builder#segmentAttempts}), and after the last
 * attempt it is reported {@link SegmentStatus#FAILED} while the other segments go on. {@link
 * #run()} never throws for a segment: the {@link BackfillReport} says which segments are done.
 *
 * <p>One run at a time; {@link #stop()} may be called from any thread.
 */
public final class TableBackfill {
  private static final Logger LOG = LoggerFactory.getLogger(TableBackfill.class);

  private final Settings settings;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopRequested;
  private volatile @Nullable ProgressMeter meter;

  private TableBackfill(Settings settings) {
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
   * Returns the backfill's name.
   *
   * @return the name
   */
  public String name() {
    return settings.name();
  }

  /**
   * Returns the segments this process scans, ascending.
   *
   * @return segment numbers
   */
  public List<Integer> segments() {
    List<Integer> segments = new ArrayList<>();
    for (int s = settings.firstSegment(); s <= settings.lastSegment(); s++) {
      segments.add(s);
    }
    return segments;
  }

  /**
   * Runs the backfill: loads the checkpoints, scans every segment of this process's share that is
   * not done, and returns when every one is done, failed its attempts, or was stopped. Run it again
   * to resume after a stop or a failure; segments already done are skipped.
   *
   * @return what happened to each segment
   * @throws BackfillConfigurationException if the table's key attributes are not the router's, or a
   *     saved checkpoint has another number of segments
   * @throws IllegalStateException if the backfill is already running
   */
  public BackfillReport run() {
    if (!running.compareAndSet(false, true)) {
      throw new IllegalStateException("Backfill " + settings.name() + " is already running");
    }
    stopRequested = false;
    try {
      return runOnce();
    } finally {
      running.set(false);
    }
  }

  /**
   * Asks a running backfill to stop: each segment finishes the page it is on (and saves its
   * checkpoint), and {@link #run()} returns a report of the segments done and not. Does nothing if
   * the backfill is not running.
   */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Returns the progress of the current run, or of the last one when none is running.
   *
   * @return the progress, or empty before the first run
   */
  public Optional<BackfillProgress> progress() {
    ProgressMeter m = meter;
    return m == null ? Optional.empty() : Optional.of(m.progress());
  }

  private BackfillReport runOnce() {
    TableDescription table =
        settings.client().describeTable(b -> b.tableName(settings.tableName())).table();
    List<String> keys = keyAttributes(table);
    Map<Integer, SegmentCheckpoint> saved = settings.checkpoints().load(settings.name());
    List<SegmentCheckpoint> starts = starts(saved);
    long itemsBefore = starts.stream().mapToLong(SegmentCheckpoint::items).sum();
    int doneBefore = (int) starts.stream().filter(SegmentCheckpoint::done).count();
    ProgressMeter progress =
        new ProgressMeter(
            settings.name(),
            starts.size(),
            itemsBefore,
            doneBefore,
            estimate(table, starts.size()),
            settings.nanoTime());
    meter = progress;
    LOG.info(
        "Backfill {} of table {}: segments {} of {}, {} already done, {} threads",
        settings.name(),
        settings.tableName(),
        SegmentRanges.of(segments()),
        settings.totalSegments(),
        doneBefore,
        settings.parallelism());
    CapacityBudget budget =
        CapacityBudget.of(settings.readCapacityPerSecond(), settings.nanoTime());
    SegmentScan scan = new SegmentScan(settings, keys, budget, progress, () -> stopRequested);
    ExecutorService workers =
        Executors.newFixedThreadPool(settings.parallelism(), threads("worker"));
    ScheduledExecutorService reporter =
        Executors.newSingleThreadScheduledExecutor(threads("progress"));
    List<SegmentReport> reports = new ArrayList<>();
    try {
      long interval = settings.progressInterval().toMillis();
      reporter.scheduleAtFixedRate(
          () -> report(progress), interval, interval, TimeUnit.MILLISECONDS);
      List<Future<SegmentReport>> running = new ArrayList<>();
      for (SegmentCheckpoint start : starts) {
        running.add(workers.submit(() -> scan.run(start)));
      }
      for (Future<SegmentReport> f : running) {
        reports.add(await(f));
      }
    } finally {
      workers.shutdownNow();
      reporter.shutdownNow();
    }
    report(progress);
    BackfillReport result =
        new BackfillReport(
            settings.name(),
            settings.totalSegments(),
            reports,
            progress.elapsed(),
            progress.capacityUnits());
    if (result.isComplete()) {
      LOG.info("{}", result);
    } else {
      LOG.warn("{}", result);
    }
    return result;
  }

  private void report(ProgressMeter progress) {
    try {
      settings.progressListener().accept(progress.progress());
    } catch (RuntimeException e) {
      LOG.warn("Backfill {}: the progress listener failed", settings.name(), e);
    }
  }

  private static SegmentReport await(Future<SegmentReport> segment) {
    while (true) {
      try {
        return segment.get();
      } catch (InterruptedException e) {
        // The caller's thread is interrupted: stop the segments, and wait for them to say where
        // they stopped, so the report is true.
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // SegmentScan reports every failure of its own; this is a fatal error of the JVM.
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("Backfill segment crashed", cause);
      }
    }
  }

  /** The table's key attributes, partition key first; they must be the router's. */
  private List<String> keyAttributes(TableDescription table) {
    String hash = null;
    String range = null;
    for (KeySchemaElement k : table.keySchema()) {
      if (k.keyType() == KeyType.HASH) {
        hash = k.attributeName();
      } else {
        range = k.attributeName();
      }
    }
    StreamRouter router = settings.router();
    String routerRange = router.sortKey().orElse(null);
    if (!Objects.equals(hash, router.partitionKey()) || !Objects.equals(range, routerRange)) {
      throw new BackfillConfigurationException(
          List.of(
              "table "
                  + settings.tableName()
                  + " has the key attributes "
                  + (range == null ? hash : hash + ", " + range)
                  + " but the router was built with keys("
                  + (routerRange == null
                      ? router.partitionKey()
                      : router.partitionKey() + ", " + routerRange)
                  + ")"));
    }
    return range == null ? List.of(hash) : List.of(hash, range);
  }

  private List<SegmentCheckpoint> starts(Map<Integer, SegmentCheckpoint> saved) {
    List<SegmentCheckpoint> starts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int s : segments()) {
      SegmentCheckpoint checkpoint = saved.get(s);
      if (checkpoint == null) {
        starts.add(SegmentCheckpoint.start(s, settings.totalSegments()));
      } else if (checkpoint.totalSegments() != settings.totalSegments()) {
        problems.add(
            "the checkpoint of segment "
                + s
                + " of backfill "
                + settings.name()
                + " was saved with totalSegments "
                + checkpoint.totalSegments()
                + ", not "
                + settings.totalSegments()
                + "; a backfill keeps its number of segments (give a new one another name)");
      } else {
        starts.add(checkpoint);
      }
    }
    if (!problems.isEmpty()) {
      throw new BackfillConfigurationException(problems);
    }
    return starts;
  }

  private long estimate(TableDescription table, int segments) {
    Long count = table.itemCount();
    return count == null ? -1 : Math.round((double) count * segments / settings.totalSegments());
  }

  private ThreadFactory threads(String role) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t =
          new Thread(
              r, "ddbstreams-backfill-" + settings.name() + "-" + role + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The checked settings of a backfill. */
  record Settings(
      DynamoDbClient client,
      String tableName,
      StreamRouter router,
      String name,
      int totalSegments,
      int firstSegment,
      int lastSegment,
      int parallelism,
      int pageSize,
      boolean consistentRead,
      double readCapacityPerSecond,
      BackfillCheckpoints checkpoints,
      int segmentAttempts,
      Duration retryBackoff,
      Duration progressInterval,
      Consumer<BackfillProgress> progressListener,
      LongSupplier nanoTime,
      Sleeper sleeper) {}

  /**
   * Builds a {@link TableBackfill}. {@link #build()} checks every setting and reports all problems
   * at once. Not thread-safe.
   */
  public static final class Builder {
    private static final int MAX_SEGMENTS = 1_000_000;

    private @Nullable DynamoDbClient client;
    private @Nullable String tableName;
    private @Nullable StreamRouter router;
    private @Nullable String name;
    private int totalSegments = 1;
    private int firstSegment = -1;
    private int lastSegment = -1;
    private int worker = -1;
    private int workers = -1;
    private int parallelism;
    private int pageSize = 100;
    private boolean consistentRead;
    private double readCapacityPerSecond;
    private BackfillCheckpoints checkpoints = BackfillCheckpoints.inMemory();
    private int segmentAttempts = 3;
    private Duration retryBackoff = Duration.ofSeconds(1);
    private Duration progressInterval = Duration.ofSeconds(30);
    private Consumer<BackfillProgress> progressListener = p -> LOG.info("{}", p);
    private LongSupplier nanoTime = System::nanoTime;
    private Sleeper sleeper = Sleeper.THREAD;
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the client that scans the table.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(DynamoDbClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the table to read.
     *
     * @param tableName the table's name
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = Objects.requireNonNull(tableName, "tableName");
      return this;
    }

    /**
     * Sets the router that receives the snapshot records: the router of the stream consumer, so the
     * same handlers build the view.
     *
     * @param router the router
     * @return this builder
     */
    public Builder router(StreamRouter router) {
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /**
     * Names the backfill. The name keys its checkpoints and is part of every snapshot's event ID:
     * keep it to resume a backfill, and give a new backfill of the same table a new name, or an
     * idempotency store would take its snapshots for ones it already finished.
     *
     * @param name a non-empty name, such as {@code search-v2}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets how many segments the table's parallel scan is split into, 1 to 1,000,000. Default 1.
     * More segments than threads lets work spread evenly; a backfill keeps its number of segments
     * across runs.
     *
     * @param totalSegments the number of segments
     * @return this builder
     */
    public Builder totalSegments(int totalSegments) {
      this.totalSegments = totalSegments;
      return this;
    }

    /**
     * Makes this process scan only segments {@code first} to {@code last} (inclusive) of {@link
     * #totalSegments}, so several processes share one backfill: for example segments 0-7 and 8-15
     * of 16 on two machines, with a shared checkpoint store. Default: every segment.
     *
     * @param first the first segment
     * @param last the last segment
     * @return this builder
     */
    public Builder segments(int first, int last) {
      this.firstSegment = first;
      this.lastSegment = last;
      return this;
    }

    /**
     * Makes this process the {@code index}-th of {@code count} workers sharing the backfill: it
     * scans the {@code index}-th of {@code count} contiguous, near-equal runs of the segments. The
     * same as {@link #segments(int, int)} with the arithmetic done.
     *
     * @param index this worker, 0 to {@code count - 1}
     * @param count how many workers share the backfill, at most {@link #totalSegments}
     * @return this builder
     */
    public Builder worker(int index, int count) {
      this.worker = index;
      this.workers = count;
      return this;
    }

    /**
     * Sets how many segments this process scans at once, 1 to 256. Default: 4, or fewer if it has
     * fewer segments.
     *
     * @param threads the number of threads
     * @return this builder
     */
    public Builder parallelism(int threads) {
      this.parallelism = threads;
      if (threads < 1 || threads > 256) {
        problems.add("parallelism must be between 1 and 256, was " + threads);
      }
      return this;
    }

    /**
     * Sets the most items per scan page, which is one router batch and one checkpoint, 1 to 10,000.
     * Default 100. A page also ends at 1 MB.
     *
     * @param items the page size
     * @return this builder
     */
    public Builder pageSize(int items) {
      this.pageSize = items;
      if (items < 1 || items > 10_000) {
        problems.add("pageSize must be between 1 and 10000, was " + items);
      }
      return this;
    }

    /**
     * Reads with strongly consistent reads, at twice the read capacity. Default: eventually
     * consistent, which the hand-off to the stream does not need more than.
     *
     * @param consistent {@code true} for strongly consistent reads
     * @return this builder
     */
    public Builder consistentRead(boolean consistent) {
      this.consistentRead = consistent;
      return this;
    }

    /**
     * Limits the read capacity units this process's scans consume per second, across all its
     * segments, as DynamoDB reports them ({@code ReturnConsumedCapacity}). Processes sharing a
     * backfill each have their own budget: give each its part. Default: no limit.
     *
     * @param units a positive number of read capacity units per second
     * @return this builder
     */
    public Builder readCapacityPerSecond(double units) {
      this.readCapacityPerSecond = units;
      if (!(units > 0) || Double.isInfinite(units)) {
        problems.add("readCapacityPerSecond must be a positive number, was " + units);
      }
      return this;
    }

    /**
     * Sets where segment checkpoints are kept. Default {@link BackfillCheckpoints#inMemory()}: a
     * crash loses them.
     *
     * @param store the store
     * @return this builder
     */
    public Builder checkpoints(BackfillCheckpoints store) {
      this.checkpoints = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets how often a segment is tried in one run before it is reported failed, 1 to 100. Default
     * 3. Each attempt resumes from the segment's last checkpoint.
     *
     * @param attempts the attempts in all
     * @return this builder
     */
    public Builder segmentAttempts(int attempts) {
      this.segmentAttempts = attempts;
      if (attempts < 1 || attempts > 100) {
        problems.add("segmentAttempts must be between 1 and 100, was " + attempts);
      }
      return this;
    }

    /**
     * Sets the wait before a failed segment's second attempt; it doubles for each later one, to at
     * most a minute. Default 1 second.
     *
     * @param backoff zero or more
     * @return this builder
     */
    public Builder retryBackoff(Duration backoff) {
      this.retryBackoff = Objects.requireNonNull(backoff, "backoff");
      if (backoff.isNegative()) {
        problems.add("retryBackoff must not be negative");
      }
      return this;
    }

    /**
     * Sets how often the progress is reported, and to whom; it is reported once more at the end.
     * Default: every 30 seconds, logged at INFO by {@code dev.ddbstreams.backfill.TableBackfill}.
     *
     * <pre>{@code
     * .progress(Duration.ofSeconds(10), p -> System.out.println(p)) // the progress line
     * }</pre>
     *
     * @param interval a positive interval
     * @param listener receives the progress; called from a thread of the backfill
     * @return this builder
     */
    public Builder progress(Duration interval, Consumer<BackfillProgress> listener) {
      this.progressInterval = Objects.requireNonNull(interval, "interval");
      this.progressListener = Objects.requireNonNull(listener, "listener");
      if (interval.isNegative() || interval.isZero()) {
        problems.add("the progress interval must be positive");
      }
      return this;
    }

    /** For tests: the time source of the budget and the progress. */
    Builder nanoTime(LongSupplier source) {
      this.nanoTime = source;
      return this;
    }

    /** For tests: how waits wait. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * Checks every setting and builds the backfill.
     *
     * @return the backfill
     * @throws BackfillConfigurationException listing every problem found
     */
    public TableBackfill build() {
      List<String> all = new ArrayList<>(problems);
      if (client == null) {
        all.add("client is required");
      }
      if (tableName == null || tableName.isEmpty()) {
        all.add("tableName is required");
      }
      if (router == null) {
        all.add("router is required");
      }
      if (name == null || name.isBlank()) {
        all.add("name is required: it keys the checkpoints and the snapshots' event IDs");
      }
      int first = 0;
      int last = totalSegments - 1;
      if (totalSegments < 1 || totalSegments > MAX_SEGMENTS) {
        all.add("totalSegments must be between 1 and 1000000, was " + totalSegments);
      } else if (workers != -1 && firstSegment != -1) {
        all.add("set either segments(first, last) or worker(index, count), not both");
      } else if (workers != -1) {
        if (workers < 1 || workers > totalSegments || worker < 0 || worker >= workers) {
          all.add(
              "worker("
                  + worker
                  + ", "
                  + workers
                  + ") needs 0 <= index < count <= totalSegments ("
                  + totalSegments
                  + ")");
        } else {
          first = (int) ((long) worker * totalSegments / workers);
          last = (int) ((long) (worker + 1) * totalSegments / workers) - 1;
        }
      } else if (firstSegment != -1 || lastSegment != -1) {
        if (firstSegment < 0 || lastSegment < firstSegment || lastSegment >= totalSegments) {
          all.add(
              "segments("
                  + firstSegment
                  + ", "
                  + lastSegment
                  + ") must lie within 0 to totalSegments - 1 ("
                  + (totalSegments - 1)
                  + "), first <= last");
        } else {
          first = firstSegment;
          last = lastSegment;
        }
      }
      if (!all.isEmpty()) {
        throw new BackfillConfigurationException(all);
      }
      int threads = parallelism > 0 ? parallelism : Math.min(4, last - first + 1);
      return new TableBackfill(
          new Settings(
              client,
              tableName,
              router,
              name,
              totalSegments,
              first,
              last,
              threads,
              pageSize,
              consistentRead,
              readCapacityPerSecond,
              checkpoints,
              segmentAttempts,
              retryBackoff,
              progressInterval,
              progressListener,
              nanoTime,
              sleeper));
    }
  }
}
