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
package dev.ddbstreams.internal.router;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.internal.record.LazyImages;
import java.time.Duration;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Runs a batch on a pool: records are grouped by item key, groups run concurrently and each group
 * runs in order. Under {@link FailurePolicy#STOP_AT_FIRST_FAILURE} a group does not start a record
 * whose sequence number is above the lowest failure seen so far, so every record below the final
 * checkpoint has run, and the checkpoint is the one a sequential run would report.
 *
 * <p>{@link #run} returns only when every group task has ended: a fatal error in one group, or an
 * interrupt of the caller, stops the groups from starting records and interrupts the running ones,
 * and is passed on only after all of them ended. Thread-safe.
 */
final class ParallelBatch implements AutoCloseable {
  /** Runs one record; never throws but a fatal error. */
  @FunctionalInterface
  interface RecordRunner {
    RecordOutcome run(
        int index,
        Record raw,
        @Nullable LazyImages images,
        BatchContext context,
        @Nullable String streamArn);
  }

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int threads;
  private final FailurePolicy policy;
  private final Duration deadlineMargin;
  private final RecordRunner runner;
  private volatile @Nullable ExecutorService pool;

  ParallelBatch(int threads, FailurePolicy policy, Duration deadlineMargin, RecordRunner runner) {
    this.threads = threads;
    this.policy = policy;
    this.deadlineMargin = deadlineMargin;
    this.runner = runner;
  }

  List<RecordOutcome> run(List<Record> batch, BatchContext context) {
    Map<Object, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      groups
          .computeIfAbsent(
              BatchProcessor.itemKey(LazyBatch.routing(batch, i), i), k -> new ArrayList<>())
          .add(i);
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
        outcomes[i] = Outcomes.notRun(i, LazyBatch.routing(batch, i));
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
    final AtomicReference<@Nullable SequenceNumber> lowestFailure = new AtomicReference<>();
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
    long cutoff = BatchProcessor.cutoff(context, deadlineMargin);
    String streamArn = context.streamArn().orElse(null);
    for (int i : group) {
      Record raw = LazyBatch.routing(batch, i);
      if (stopped
          || shared.stopAll
          || aboveFailure(raw, shared)
          || BatchProcessor.pastDeadline(context, cutoff)) {
        stopped = true;
        outcomes[i] = Outcomes.notRun(i, raw);
        continue;
      }
      RecordOutcome outcome = runner.run(i, raw, LazyBatch.images(batch, i), context, streamArn);
      outcomes[i] = outcome;
      if (outcome.status() == RecordStatus.FAILED && policy != FailurePolicy.CONTINUE) {
        stopped = true;
        if (policy == FailurePolicy.STOP_AT_FIRST_FAILURE) {
          SequenceNumber seq = outcome.sequenceNumber();
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

  private boolean aboveFailure(Record raw, Shared shared) {
    if (policy != FailurePolicy.STOP_AT_FIRST_FAILURE) {
      return false;
    }
    SequenceNumber lowest = shared.lowestFailure.get();
    if (lowest == null) {
      return false;
    }
    SequenceNumber seq =
        raw.dynamodb() == null ? null : Outcomes.sequenceOrNull(raw.dynamodb().sequenceNumber());
    return seq == null || seq.compareTo(lowest) > 0;
  }

  private ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          int id = POOLS.incrementAndGet();
          AtomicInteger started = new AtomicInteger();
          p =
              Executors.newFixedThreadPool(
                  threads,
                  r -> {
                    Thread t =
                        new Thread(r, "ddbstreams-router-" + id + "-" + started.incrementAndGet());
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
