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

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fault the emulator injects into matching requests: a throttling error, an internal server
 * error, added latency, a dropped connection, a partly unprocessed batch, or a transaction
 * cancelled by a conflict. Faults are added to a running emulator with {@link Faults#add(Fault)}
 * and apply until removed or until they have fired {@link #times(long)} times.
 *
 * <pre>{@code
 * emulator.faults().add(Fault.throttling().onOperations("PutItem").onTables("Leaderboard").times(3));
 * emulator.faults().add(Fault.internalServerError().onOperations("TransactWriteItems").everyNth(10));
 * emulator.faults().add(Fault.latency(Duration.ofMillis(50)).onOperations("GetRecords"));
 * emulator.faults().add(Fault.unprocessed().times(1));
 * emulator.faults().add(Fault.transactionConflict().onTables("Orders").times(2));
 * }</pre>
 *
 * <p>A fault is immutable: every {@code on...}/{@code times}/{@code everyNth} call returns a new
 * fault. Throttling answers {@code ProvisionedThroughputExceededException} (HTTP 400), which the
 * SDK retries with back-off; an internal server error answers {@code InternalServerError} (HTTP
 * 500); a dropped connection closes the connection before any response byte is written. Faults are
 * checked before the operation runs, so a faulted write is never applied. An {@link #unprocessed()}
 * fault runs a BatchWriteItem or BatchGetItem on the first half of its requests only and answers
 * the rest as {@code UnprocessedItems}/{@code UnprocessedKeys}, as the service does under load; a
 * {@link #transactionConflict()} fault cancels a TransactWriteItems or TransactGetItems call with a
 * {@code TransactionConflict} reason on its first action, applying nothing. Those two kinds match
 * only their operations.
 */
public final class Fault {

  /** What a fault does to a request it matches. */
  public enum Kind {
    /**
     * Answer {@code ProvisionedThroughputExceededException}; DynamoDB Streams operations answer
     * {@code LimitExceededException}, as the service does.
     */
    THROTTLING,
    /** Answer {@code InternalServerError} (HTTP 500). */
    INTERNAL_SERVER_ERROR,
    /** Delay the request, then run it. */
    LATENCY,
    /** Close the connection without an answer. */
    DROPPED_CONNECTION,
    /**
     * Run a BatchWriteItem or BatchGetItem on part of its requests and answer the rest as
     * unprocessed.
     */
    UNPROCESSED,
    /** Cancel a TransactWriteItems or TransactGetItems call with a TransactionConflict reason. */
    TRANSACTION_CONFLICT
  }

  private final Kind kind;
  private final Duration latency;
  private final Set<String> operations;
  private final Set<String> tables;
  private final long times;
  private final long everyNth;

  private Fault(
      Kind kind,
      Duration latency,
      Set<String> operations,
      Set<String> tables,
      long times,
      long everyNth) {
    this.kind = kind;
    this.latency = latency;
    this.operations = operations;
    this.tables = tables;
    this.times = times;
    this.everyNth = everyNth;
  }

  /**
   * Answers matching requests with {@code ProvisionedThroughputExceededException} (DynamoDB Streams
   * operations: {@code LimitExceededException}).
   *
   * @return a fault on every operation and table, until limited
   */
  public static Fault throttling() {
    return new Fault(Kind.THROTTLING, Duration.ZERO, Set.of(), Set.of(), Long.MAX_VALUE, 1);
  }

  /**
   * Answers matching requests with {@code InternalServerError} (HTTP 500).
   *
   * @return a fault on every operation and table, until limited
   */
  public static Fault internalServerError() {
    return new Fault(
        Kind.INTERNAL_SERVER_ERROR, Duration.ZERO, Set.of(), Set.of(), Long.MAX_VALUE, 1);
  }

  /**
   * Delays matching requests by {@code delay}, then runs them.
   *
   * @param delay how long to wait before running the request; not negative
   * @return a fault on every operation and table, until limited
   */
  public static Fault latency(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + delay);
    }
    return new Fault(Kind.LATENCY, delay, Set.of(), Set.of(), Long.MAX_VALUE, 1);
  }

  /**
   * Closes the connection of matching requests without answering, as a network failure would.
   *
   * @return a fault on every operation and table, until limited
   */
  public static Fault droppedConnection() {
    return new Fault(Kind.DROPPED_CONNECTION, Duration.ZERO, Set.of(), Set.of(), Long.MAX_VALUE, 1);
  }

  /**
   * Answers part of each matching BatchWriteItem or BatchGetItem as {@code UnprocessedItems} or
   * {@code UnprocessedKeys}: the second half of its requests (all of a single request) is left out
   * and returned unprocessed, the first half is applied. Matches only those two operations.
   *
   * @return a fault on every batch operation and table, until limited
   */
  public static Fault unprocessed() {
    return new Fault(Kind.UNPROCESSED, Duration.ZERO, Set.of(), Set.of(), Long.MAX_VALUE, 1);
  }

  /**
   * Cancels matching TransactWriteItems and TransactGetItems calls with {@code
   * TransactionCanceledException}: reason {@code TransactionConflict} for the first action and
   * {@code None} for the others, nothing applied. Matches only those two operations.
   *
   * @return a fault on every transaction and table, until limited
   */
  public static Fault transactionConflict() {
    return new Fault(
        Kind.TRANSACTION_CONFLICT, Duration.ZERO, Set.of(), Set.of(), Long.MAX_VALUE, 1);
  }

  /**
   * Limits the fault to these operations, by API name ({@code PutItem}, {@code GetRecords}, ...).
   *
   * @param names operation names of the DynamoDB or DynamoDB Streams API
   * @return a copy limited to these operations
   */
  public Fault onOperations(String... names) {
    return new Fault(kind, latency, copy(names), tables, times, everyNth);
  }

  /**
   * Limits the fault to requests that touch one of these tables (for streams operations, the
   * stream's table).
   *
   * @param names table names
   * @return a copy limited to these tables
   */
  public Fault onTables(String... names) {
    return new Fault(kind, latency, operations, copy(names), times, everyNth);
  }

  /**
   * Lets the fault fire at most {@code count} times; it is removed afterwards.
   *
   * @param count a positive number
   * @return a copy that fires at most {@code count} times
   */
  public Fault times(long count) {
    if (count <= 0) {
      throw new IllegalArgumentException("times must be positive: " + count);
    }
    return new Fault(kind, latency, operations, tables, count, everyNth);
  }

  /**
   * Lets the fault fire on every {@code n}th matching request only (the {@code n}th, {@code 2n}th,
   * ...), so a test can fail a steady fraction of requests deterministically.
   *
   * @param n a positive number; 1 fires on every matching request
   * @return a copy that fires on every {@code n}th match
   */
  public Fault everyNth(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("everyNth must be positive: " + n);
    }
    return new Fault(kind, latency, operations, tables, times, n);
  }

  /**
   * Returns what this fault does.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the added latency of a {@link Kind#LATENCY} fault, zero for the others.
   *
   * @return the delay
   */
  public Duration delay() {
    return latency;
  }

  boolean matches(String operation, Set<String> requestTables) {
    if (kind == Kind.UNPROCESSED
        && !operation.equals("BatchWriteItem")
        && !operation.equals("BatchGetItem")) {
      return false;
    }
    if (kind == Kind.TRANSACTION_CONFLICT
        && !operation.equals("TransactWriteItems")
        && !operation.equals("TransactGetItems")) {
      return false;
    }
    if (!operations.isEmpty() && !operations.contains(operation)) {
      return false;
    }
    if (tables.isEmpty()) {
      return true;
    }
    for (String t : requestTables) {
      if (tables.contains(t)) {
        return true;
      }
    }
    return false;
  }

  long maxTimes() {
    return times;
  }

  long period() {
    return everyNth;
  }

  /** A fault as added to an emulator, with its counters. */
  static final class Armed {
    final Fault fault;
    final AtomicLong matched = new AtomicLong();
    final AtomicLong fired = new AtomicLong();

    Armed(Fault fault) {
      this.fault = fault;
    }
  }

  private static Set<String> copy(String... names) {
    Set<String> set = new TreeSet<>(Arrays.asList(names));
    if (set.isEmpty()) {
      throw new IllegalArgumentException("give at least one name");
    }
    return Set.copyOf(set);
  }

  /** Describes the fault without any request data. */
  @Override
  public String toString() {
    return "Fault["
        + kind
        + (kind == Kind.LATENCY ? " " + latency : "")
        + (operations.isEmpty() ? "" : " operations=" + new TreeSet<>(operations))
        + (tables.isEmpty() ? "" : " tables=" + new TreeSet<>(tables))
        + (times == Long.MAX_VALUE ? "" : " times=" + times)
        + (everyNth == 1 ? "" : " everyNth=" + everyNth)
        + "]";
  }
}
