package dev.ddbstreams.internal.router;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Runs a batch under the failure policy, in order or in parallel across items.
 *
 * <p>In parallel, records are grouped by item key; groups run concurrently and each group runs in
 * order. Under {@link FailurePolicy#STOP_AT_FIRST_FAILURE} a group does not start a record whose
 * sequence number is above the lowest failure seen so far, so every record below the final
 * checkpoint has run, and the checkpoint is the one a sequential run would report.
 */
public final class BatchProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final RouterSettings settings;
  private final RecordProcessor records;
  private volatile @Nullable ExecutorService pool;

  /**
   * Creates the processor.
   *
   * @param settings the router's settings
   * @param handlers the handlers, in dispatch order
   */
  BatchProcessor(RouterSettings settings, List<HandlerMethod> handlers) {
    this(settings, handlers, Sleeper.THREAD);
  }

  BatchProcessor(RouterSettings settings, List<HandlerMethod> handlers, Sleeper sleeper) {
    this.settings = settings;
    boolean logMessages = settings.logExceptionMessages();
    IdempotencyGuard guard =
        settings.idempotencyStore() == null
            ? IdempotencyGuard.NONE
            : new StoreGuard(
                settings.idempotencyStore(),
                new IdempotencyKeys(
                    settings.idempotencyNamespace(), settings.idempotencyKeyStrategy()),
                settings.idempotencyLease(),
                logMessages);
    this.records =
        new RecordProcessor(
            new Dispatcher(settings, handlers),
            guard,
            new Attempts(settings.retryPolicy(), settings.deadlineMargin(), sleeper, logMessages),
            DeadLetters.of(settings.deadLetterSink(), logMessages),
            logMessages);
  }

  /** Runs a batch. */
  public BatchResult process(List<Record> batch, BatchContext context) {
    if (settings.parallelism() <= 1 || batch.size() <= 1) {
      return new BatchResult(sequential(batch, context));
    }
    return new BatchResult(parallel(batch, context));
  }

  private List<RecordOutcome> sequential(List<Record> batch, BatchContext context) {
    List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
    Set<Object> failedItems = new HashSet<>();
    boolean stopped = false;
    long cutoff = cutoff(context);
    String streamArn = context.streamArn().orElse(null);
    for (int i = 0; i < batch.size(); i++) {
      Record raw = batch.get(i);
      Object item = itemKey(raw, i);
      // Hashing a key map is not free: only look when an item has failed.
      if (stopped || (!failedItems.isEmpty() && failedItems.contains(item))) {
        outcomes.add(notRun(i, raw));
        continue;
      }
      if (pastDeadline(context, cutoff)) {
        stopped = true;
        outcomes.add(notRun(i, raw));
        continue;
      }
      RecordOutcome outcome = processSafely(i, raw, context, streamArn);
      outcomes.add(outcome);
      if (outcome.status() == RecordStatus.FAILED) {
        switch (settings.failurePolicy()) {
          case STOP_AT_FIRST_FAILURE -> stopped = true;
          case SKIP_FAILED_ITEM -> failedItems.add(item);
          case CONTINUE -> {}
        }
      }
    }
    return outcomes;
  }

  private List<RecordOutcome> parallel(List<Record> batch, BatchContext context) {
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      groups.computeIfAbsent(itemKey(batch.get(i), i), k -> new ArrayList<>()).add(i);
    }
    RecordOutcome[] outcomes = new RecordOutcome[batch.size()];
    Shared shared = new Shared();
    CountDownLatch ended = new CountDownLatch(groups.size());
    ExecutorService executor = pool();
    int submitted = 0;
    try {
      for (List<Integer> group : groups.values()) {
        executor.execute(() -> runGroupTask(batch, group, context, outcomes, shared, ended));
        submitted++;
      }
    } catch (RejectedExecutionException closed) {
      shared.stopAll = true;
      awaitEnd(ended, groups.size() - submitted, shared);
      throw new IllegalStateException("The router is closed", closed);
    }
    awaitEnd(ended, 0, shared);
    Throwable fatal = shared.fatal.get();
    if (fatal != null) {
      throw (VirtualMachineError) fatal;
    }
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        outcomes[i] = notRun(i, batch.get(i));
      }
    }
    return List.of(outcomes);
  }

  /**
   * Waits until every task has ended. An interrupt does not cut the wait short: it stops the tasks
   * from starting records and interrupts the ones running, and is kept for the caller.
   */
  private static void awaitEnd(CountDownLatch ended, int neverStarted, Shared shared) {
    for (int i = 0; i < neverStarted; i++) {
      ended.countDown();
    }
    boolean interrupted = false;
    while (true) {
      try {
        ended.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        shared.stopAll = true;
        shared.interruptRunning();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** What groups share: the lowest failed sequence number so far, and whether all must stop. */
  private static final class Shared {
    final AtomicReference<@Nullable BigInteger> lowestFailure = new AtomicReference<>();
    final AtomicReference<@Nullable Throwable> fatal = new AtomicReference<>();
    final Set<RunningTask> running = ConcurrentHashMap.newKeySet();
    volatile boolean stopAll;

    void interruptRunning() {
      for (RunningTask t : running) {
        t.interrupt();
      }
    }
  }

  /** A group task on its pool thread; interrupted only while it still runs this batch's work. */
  private static final class RunningTask {
    private final Thread thread = Thread.currentThread();
    private boolean finished;

    synchronized void interrupt() {
      if (!finished) {
        thread.interrupt();
      }
    }

    synchronized void finish() {
      finished = true;
    }
  }

  private void runGroupTask(
      List<Record> batch,
      List<Integer> group,
      BatchContext context,
      RecordOutcome[] outcomes,
      Shared shared,
      CountDownLatch ended) {
    RunningTask self = new RunningTask();
    shared.running.add(self);
    try {
      runGroup(batch, group, context, outcomes, shared);
    } catch (VirtualMachineError fatal) {
      shared.fatal.compareAndSet(null, fatal);
      shared.stopAll = true;
    } finally {
      self.finish();
      shared.running.remove(self);
      // A pool thread must not carry an interrupt meant for this batch into the next one.
      Thread.interrupted();
      ended.countDown();
    }
  }

  private void runGroup(
      List<Record> batch,
      List<Integer> group,
      BatchContext context,
      RecordOutcome[] outcomes,
      Shared shared) {
    boolean stopped = false;
    long cutoff = cutoff(context);
    String streamArn = context.streamArn().orElse(null);
    for (int i : group) {
      Record raw = batch.get(i);
      if (stopped || shared.stopAll || aboveFailure(raw, shared) || pastDeadline(context, cutoff)) {
        stopped = true;
        outcomes[i] = notRun(i, raw);
        continue;
      }
      RecordOutcome outcome = processSafely(i, raw, context, streamArn);
      outcomes[i] = outcome;
      if (outcome.status() == RecordStatus.FAILED
          && settings.failurePolicy() != FailurePolicy.CONTINUE) {
        stopped = true;
        if (settings.failurePolicy() == FailurePolicy.STOP_AT_FIRST_FAILURE) {
          BigInteger seq = outcome.sequence().orElse(null);
          if (seq == null) {
            shared.stopAll = true;
          } else {
            shared.lowestFailure.accumulateAndGet(
                seq, (a, b) -> a == null || b.compareTo(a) < 0 ? b : a);
          }
        }
      }
    }
  }

  /**
   * Runs one record. The stages report every handler, store and sink failure as the outcome; an
   * exception that still gets here is a fault of the router itself, and fails the record rather
   * than the batch. Only a fatal error passes.
   */
  private RecordOutcome processSafely(
      int index, Record raw, BatchContext context, @Nullable String streamArn) {
    try {
      return records.process(index, raw, context, streamArn);
    } catch (Throwable e) {
      Fatal.rethrowIfFatal(e);
      LOG.error(
          "Router fault on record eventID={} sequenceNumber={}; the record fails",
          raw.eventID(),
          raw.dynamodb() == null ? null : raw.dynamodb().sequenceNumber(),
          Redacted.forLog(e, settings.logExceptionMessages()));
      return Outcomes.of(index, raw, RecordStatus.FAILED, RecordProcessor.ROUTER_ID, e);
    }
  }

  private boolean aboveFailure(Record raw, Shared shared) {
    if (settings.failurePolicy() != FailurePolicy.STOP_AT_FIRST_FAILURE) {
      return false;
    }
    BigInteger lowest = shared.lowestFailure.get();
    if (lowest == null) {
      return false;
    }
    BigInteger seq = sequence(raw);
    return seq == null || seq.compareTo(lowest) > 0;
  }

  /** Epoch millis after which no record starts, or MAX_VALUE without a deadline; once a batch. */
  private long cutoff(BatchContext context) {
    return context
        .deadline()
        .map(d -> d.minus(settings.deadlineMargin()).toEpochMilli())
        .orElse(Long.MAX_VALUE);
  }

  private static boolean pastDeadline(BatchContext context, long cutoff) {
    // The clock's millis() needs no Instant: this runs before every record.
    return cutoff != Long.MAX_VALUE && context.clock().millis() > cutoff;
  }

  private static RecordOutcome notRun(int index, Record raw) {
    return Outcomes.notRun(index, raw);
  }

  private static @Nullable BigInteger sequence(Record raw) {
    String seq = raw.dynamodb() == null ? null : raw.dynamodb().sequenceNumber();
    if (seq == null || seq.isEmpty() || !seq.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return new BigInteger(seq);
  }

  /** The item a record belongs to: its key attributes; a record without keys is its own item. */
  private static Object itemKey(Record raw, int index) {
    if (raw.dynamodb() == null || !raw.dynamodb().hasKeys() || raw.dynamodb().keys().isEmpty()) {
      return index;
    }
    return raw.dynamodb().keys();
  }

  private ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          int id = POOLS.incrementAndGet();
          AtomicInteger threads = new AtomicInteger();
          p =
              Executors.newFixedThreadPool(
                  settings.parallelism(),
                  r -> {
                    Thread t =
                        new Thread(r, "ddbstreams-router-" + id + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                  });
          pool = p;
        }
      }
    }
    return p;
  }

  /** Stops the worker threads, if any were started. */
  @Override
  public void close() {
    ExecutorService p = pool;
    if (p != null) {
      p.shutdown();
    }
  }
}
