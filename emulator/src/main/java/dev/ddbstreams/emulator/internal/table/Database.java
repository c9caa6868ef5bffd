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
package dev.ddbstreams.emulator.internal.table;

import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.streams.ChangeLog;
import dev.ddbstreams.emulator.internal.streams.ChangeRecord;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tables of one emulator and the DynamoDB operations on them.
 *
 * <p>Concurrency: one database-wide read/write lock. Every write, batch write, transaction, table
 * change and TTL sweep holds the write lock while it checks conditions, applies its changes and
 * appends their stream records, so writes are serialized, stream records are appended in commit
 * order, and a transaction is applied whole before anyone else runs. Reads (GetItem, Query, Scan,
 * batch and transactional gets, DescribeTable, ListTables) hold the read lock, so they run in
 * parallel with each other and never see a half-applied write. Request parsing, expression parsing
 * and response writing happen outside the lock.
 */
public final class Database {

  final Clock clock;
  final String region;
  final String accountId;
  final ChangeLog changeLog;
  final TreeMap<String, Table> tables = new TreeMap<>();
  final TransactionTokens tokens = new TransactionTokens();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  public Database(Clock clock, String region, String accountId, ChangeLog changeLog) {
    this.clock = clock;
    this.region = region;
    this.accountId = accountId;
    this.changeLog = changeLog;
  }

  /** Registers the DynamoDB operations. */
  public void register(OperationRegistry registry) {
    new ControlPlane(this).register(registry);
    new TableSettings(this).register(registry);
    new ItemOperations(this).register(registry);
    new Reads(this).register(registry);
    new BatchOperations(this).register(registry);
    new Transactions(this).register(registry);
  }

  /**
   * Deletes the items whose TTL attribute (a Number of epoch seconds) lies before the clock's now,
   * ignoring values more than five years in the past, as the service does; each delete writes a
   * REMOVE stream record marked as a TTL delete.
   *
   * @return how many items were deleted
   */
  public int sweepTimeToLive() {
    return write(() -> TimeToLiveSweeper.sweep(this));
  }

  <T> T read(Supplier<T> work) {
    return locked(lock.readLock(), work);
  }

  <T> T write(Supplier<T> work) {
    return locked(lock.writeLock(), work);
  }

  private static <T> T locked(Lock l, Supplier<T> work) {
    l.lock();
    try {
      return work.get();
    } finally {
      l.unlock();
    }
  }

  /** The table of that name; the caller holds the lock. */
  Table table(String name) {
    Table t = tables.get(name);
    if (t == null) {
      throw Requests.tableNotFound();
    }
    return t;
  }

  String tableArn(String name) {
    return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + name;
  }

  /**
   * Applies a committed write (a new item, or {@code null} to delete the item with {@code key}) and
   * appends its stream record if the item changed; the caller holds the write lock.
   *
   * @return the item as it was, or {@code null}
   */
  @Nullable Map<String, AttributeValue> apply(
      Table table,
      Map<String, AttributeValue> key,
      @Nullable Map<String, AttributeValue> item,
      boolean timeToLiveDelete) {
    Map<String, AttributeValue> old = item == null ? table.delete(key) : table.put(item);
    if (table.latestStream != null && table.streamEnabled() && !ItemEquality.items(old, item)) {
      String event = old == null ? "INSERT" : item == null ? "REMOVE" : "MODIFY";
      changeLog.append(
          table.latestStream.streamArn(),
          new ChangeRecord(
              event, table.key.keyOf(item != null ? item : old), old, item, timeToLiveDelete));
    }
    return old;
  }
}
