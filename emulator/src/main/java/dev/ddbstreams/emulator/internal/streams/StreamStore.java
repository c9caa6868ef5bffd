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
package dev.ddbstreams.emulator.internal.streams;

import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The streams of one emulator: what the table layer writes ({@link ChangeLog}) and what the
 * DynamoDB Streams API reads ({@link #register}).
 *
 * <p>Shards: each stream has {@link StreamSettings#shardsPerStream()} open shards; a record goes to
 * one of them by a stable hash of its partition key. Rolling over closes an open shard (it gets its
 * ending sequence number) and opens a child in its place, so an item's records stay in one line of
 * shards, in order. Sequence numbers come from one counter per store: they increase within a shard,
 * from a parent to its children, and across streams.
 *
 * <p>Retention: records older than {@link StreamSettings#retention()} are trimmed, and a closed
 * shard disappears once it has been closed that long; reads apply both by the clock at once, and
 * the memory is freed on later writes and rollover checks.
 *
 * <p>Thread safety: the writing methods take the store's lock (appends already arrive one at a time
 * under the database's write lock, the lock orders them with the rollover thread); the read
 * operations take no lock (see {@link ShardLog}).
 */
public final class StreamStore implements ChangeLog {

  private static final Logger LOG = LoggerFactory.getLogger(StreamStore.class);
  private static final DateTimeFormatter LABEL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
  private static final Set<String> EVENT_NAMES = Set.of("INSERT", "MODIFY", "REMOVE");
  private static final long MAINTENANCE_PERIOD_MILLIS = 1_000;

  private final Clock clock;
  private final String region;
  private final String accountId;
  private final StreamSettings settings;
  private final long retentionMillis;
  private final RecordEncoder encoder;
  private final ReentrantLock lock = new ReentrantLock();
  private final NavigableMap<String, Stream> streams = new ConcurrentSkipListMap<>();

  /** The last sequence number handed out; written under the lock. */
  private volatile long lastSequence;

  private long shardCounter; // lock
  private long lastMillis; // lock
  private long nextMaintenanceMillis; // lock

  /**
   * Creates an empty store.
   *
   * @param clock the clock behind timestamps, rollover, iterator expiry and retention
   * @param region the region in stream ARNs and records
   * @param accountId the account in stream ARNs
   * @param settings shards per stream, rollover, retention and iterator lifetime
   */
  public StreamStore(Clock clock, String region, String accountId, StreamSettings settings) {
    this.clock = clock;
    this.region = region;
    this.accountId = accountId;
    this.settings = settings;
    this.retentionMillis = settings.retention().toMillis();
    this.encoder = new RecordEncoder(region);
  }

  /** Registers ListStreams, DescribeStream, GetShardIterator and GetRecords. */
  public void register(OperationRegistry registry) {
    new StreamApi(this).register(registry);
  }

  @Override
  public StreamInfo enable(String tableName, String viewType, List<KeySchemaElement> keySchema) {
    ViewType view = ViewType.of(viewType);
    lock.lock();
    try {
      long now = tick();
      // The label is the creation time; a second stream of the table in the same millisecond
      // takes the next one, so labels (and ARNs) stay unique.
      long labelMillis = now;
      String label;
      String arn;
      do {
        label = LABEL.format(Instant.ofEpochMilli(labelMillis));
        arn = "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
        arn += "/stream/" + label;
        labelMillis++;
      } while (streams.containsKey(arn));
      Stream stream =
          new Stream(
              arn, label, tableName, view, keySchema, labelMillis - 1, settings.shardsPerStream());
      for (int slot = 0; slot < stream.slots(); slot++) {
        stream.openShard(slot, newShard(null, now));
      }
      streams.put(arn, stream);
      LOG.debug("Stream {} enabled ({}, {} shards)", arn, view, stream.slots());
      return new StreamInfo(arn, label);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void disable(String streamArn) {
    lock.lock();
    try {
      Stream stream = existing(streamArn);
      if (!stream.enabled()) {
        return;
      }
      long now = tick();
      stream.disable();
      for (int slot = 0; slot < stream.slots(); slot++) {
        stream.open(slot).close(++lastSequence, now);
      }
      LOG.debug("Stream {} disabled", streamArn);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void append(String streamArn, ChangeRecord change) {
    if (!change.timeToLiveDelete() && !EVENT_NAMES.contains(change.eventName())) {
      throw new IllegalArgumentException("Not a stream event name: " + change.eventName());
    }
    lock.lock();
    try {
      Stream stream = existing(streamArn);
      if (!stream.enabled()) {
        // A disabled stream takes no more records; the write itself stands.
        LOG.debug(
            "Change to {} not recorded: its stream {} is disabled", stream.tableName(), streamArn);
        return;
      }
      long now = tick();
      Shard shard = stream.open(stream.slotOf(change.keys()));
      long sequence = lastSequence + 1;
      shard.log().append(encoder.encode(change, stream.viewType(), sequence, now));
      lastSequence = sequence;
      if (now >= nextMaintenanceMillis) {
        maintain(now);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Rolls every open shard of every enabled stream over now. */
  public void rollOverShards() {
    lock.lock();
    try {
      long now = tick();
      for (Stream stream : streams.values()) {
        if (stream.enabled()) {
          for (int slot = 0; slot < stream.slots(); slot++) {
            rollOver(stream, slot, now);
          }
        }
      }
      maintain(now);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Rolls over the shards that have been open longer than the rollover interval (none if it is
   * zero), and frees what retention has trimmed.
   */
  public void rollOverDueShards() {
    long interval = settings.rolloverInterval().toMillis();
    lock.lock();
    try {
      long now = tick();
      if (interval > 0) {
        for (Stream stream : streams.values()) {
          if (stream.enabled()) {
            for (int slot = 0; slot < stream.slots(); slot++) {
              if (now - stream.open(slot).createdMillis() >= interval) {
                rollOver(stream, slot, now);
              }
            }
          }
        }
      }
      maintain(now);
    } finally {
      lock.unlock();
    }
  }

  private void rollOver(Stream stream, int slot, long now) {
    Shard parent = stream.open(slot);
    parent.close(++lastSequence, now);
    stream.openShard(slot, newShard(parent.id(), now));
    LOG.debug("Shard {} of {} rolled over", parent.id(), stream.arn());
  }

  /**
   * A new open shard. Its id is the service's shape, {@code shardId-} + creation time in epoch
   * milliseconds (20 digits; the Kinesis adapter reads the creation time from it) + {@code -} + 8
   * hex digits (a store counter), so ids sort in creation order. Its starting sequence number is
   * taken from the counter, above everything before it, its parent's end included.
   */
  private Shard newShard(@Nullable String parentId, long now) {
    String id = String.format("shardId-%020d-%08x", now, ++shardCounter & 0xffffffffL);
    return new Shard(id, parentId, ++lastSequence, now);
  }

  /** Drops shards closed longer than retention, trimmed records, and streams with nothing left. */
  private void maintain(long now) {
    long cutoff = now - retentionMillis;
    for (Stream stream : streams.values()) {
      stream.shards().values().removeIf(s -> s.expired(now, retentionMillis));
      for (Shard shard : stream.shards().values()) {
        shard.log().dropBefore(shard.log().view().firstCreatedAfter(cutoff));
      }
      if (!stream.enabled() && stream.shards().isEmpty()) {
        streams.remove(stream.arn());
        LOG.debug("Stream {} removed: disabled and past retention", stream.arn());
      }
    }
    nextMaintenanceMillis = now + MAINTENANCE_PERIOD_MILLIS;
  }

  /** The clock, never going back, so records of a shard have non-decreasing creation times. */
  private long tick() {
    lastMillis = Math.max(lastMillis, clock.millis());
    return lastMillis;
  }

  private Stream existing(String streamArn) {
    Stream stream = streams.get(streamArn);
    if (stream == null) {
      throw new IllegalArgumentException("No stream " + streamArn);
    }
    return stream;
  }

  // Read side, for StreamApi: no lock.

  /** The stream with that ARN, or null if there is none (or none any more). */
  @Nullable Stream stream(String arn, long nowMillis) {
    Stream s = streams.get(arn);
    return s == null || s.gone(nowMillis, retentionMillis) ? null : s;
  }

  /** All streams by ARN, removed ones included until maintenance drops them. */
  NavigableMap<String, Stream> streams() {
    return streams;
  }

  /** The last sequence number handed out by this store. */
  long lastSequence() {
    return lastSequence;
  }

  long nowMillis() {
    return clock.millis();
  }

  StreamSettings settings() {
    return settings;
  }

  long retentionMillis() {
    return retentionMillis;
  }
}
