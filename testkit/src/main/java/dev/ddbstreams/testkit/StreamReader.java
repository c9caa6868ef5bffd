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
package dev.ddbstreams.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Reads one stream through the real DynamoDB Streams API (DescribeStream, GetShardIterator,
 * GetRecords), the way a consumer does, and returns its records in order.
 *
 * <pre>{@code
 * StreamReader reader = table.reader(local.streamsClient());
 * client.putItem(...);
 * List<Record> records = reader.awaitRecords(1, Duration.ofSeconds(5));
 * }</pre>
 *
 * <p><b>Order.</b> Shards are read parents first; within a shard, in sequence-number order. So
 * every item's changes come in the order they were made, across shard rollovers.
 *
 * <p><b>Position.</b> The reader remembers, per shard, how far it has read: {@link #readNew()} and
 * {@link #awaitRecords} return each record once. {@link #readAll()} starts over from the trim
 * horizon. An expired shard iterator is replaced by one after the last record read.
 *
 * <p><b>Caught up.</b> A closed shard is done when GetRecords returns no next iterator. An open
 * shard is caught up when GetRecords returns no records: the emulator answers from memory, so
 * (unlike AWS, whose empty pages can hide later records) an empty page means there is nothing more
 * yet.
 *
 * <p>Thread-safe: calls are serialised.
 */
public final class StreamReader {

  private static final int PAGE_SIZE = 1000;
  private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
  private static final int RECORDS_SHOWN_ON_TIMEOUT = 20;

  private final DynamoDbStreamsClient streams;
  private final String streamArn;
  private final Map<String, ShardCursor> cursors = new HashMap<>();

  private StreamReader(DynamoDbStreamsClient streams, String streamArn) {
    this.streams = streams;
    this.streamArn = streamArn;
  }

  /**
   * Returns a reader of a stream.
   *
   * @param streams a streams client of the emulator (or DynamoDB) that holds the table
   * @param streamArn the stream's ARN
   * @return a reader positioned at the trim horizon
   */
  public static StreamReader of(DynamoDbStreamsClient streams, String streamArn) {
    return new StreamReader(streams, streamArn);
  }

  /**
   * Returns the ARN of the stream this reader reads.
   *
   * @return the stream ARN
   */
  public String streamArn() {
    return streamArn;
  }

  /**
   * Reads the whole stream from the trim horizon: every record so far, in order. Afterwards {@link
   * #readNew()} returns only records written later.
   *
   * @return all records of the stream, possibly none
   */
  public synchronized List<Record> readAll() {
    cursors.clear();
    return readNew();
  }

  /**
   * Reads the records that this reader has not returned before, in order, without waiting.
   *
   * @return the new records, possibly none
   */
  public synchronized List<Record> readNew() {
    List<Record> records = new ArrayList<>();
    for (Shard shard : ShardOrder.parentsFirst(describeShards())) {
      ShardCursor cursor = cursors.computeIfAbsent(shard.shardId(), ShardCursor::new);
      if (!cursor.finished) {
        drain(cursor, records);
      }
    }
    return records;
  }

  /**
   * Waits until at least {@code count} new records have arrived, polling every 25 ms, and returns
   * all new records (possibly more than {@code count}).
   *
   * @param count how many new records to wait for, at least 0
   * @param timeout how long to wait at most
   * @return at least {@code count} new records, in order
   * @throws AssertionError on timeout, saying how many records arrived and which
   */
  public synchronized List<Record> awaitRecords(int count, Duration timeout) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Record> records = new ArrayList<>(readNew());
    while (records.size() < count) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(timeoutMessage(count, timeout, records));
      }
      Sleeper.sleep(POLL_INTERVAL, count + " records on " + streamArn);
      records.addAll(readNew());
    }
    return records;
  }

  private List<Shard> describeShards() {
    List<Shard> shards = new ArrayList<>();
    @Nullable String startAfter = null;
    do {
      String exclusiveStart = startAfter;
      DescribeStreamResponse page =
          streams.describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart));
      shards.addAll(page.streamDescription().shards());
      startAfter = page.streamDescription().lastEvaluatedShardId();
    } while (startAfter != null);
    return shards;
  }

  private void drain(ShardCursor cursor, List<Record> out) {
    while (true) {
      String iterator = cursor.iterator != null ? cursor.iterator : newIterator(cursor);
      GetRecordsResponse page;
      try {
        page = streams.getRecords(b -> b.shardIterator(iterator).limit(PAGE_SIZE));
      } catch (ExpiredIteratorException e) {
        cursor.iterator = null;
        continue;
      }
      for (Record record : page.records()) {
        out.add(record);
        cursor.lastSequenceNumber = record.dynamodb().sequenceNumber();
      }
      cursor.iterator = page.nextShardIterator();
      if (cursor.iterator == null) {
        cursor.finished = true;
        return;
      }
      if (page.records().isEmpty()) {
        return;
      }
    }
  }

  private String newIterator(ShardCursor cursor) {
    String after = cursor.lastSequenceNumber;
    return streams
        .getShardIterator(
            b -> {
              b.streamArn(streamArn).shardId(cursor.shardId);
              if (after == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
              } else {
                b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(after);
              }
            })
        .shardIterator();
  }

  private String timeoutMessage(int count, Duration timeout, List<Record> records) {
    String shown =
        records.stream()
            .limit(RECORDS_SHOWN_ON_TIMEOUT)
            .map(StreamReader::summary)
            .collect(Collectors.joining(", ", "[", "]"));
    return "Expected at least "
        + count
        + " new records on "
        + streamArn
        + " within "
        + timeout
        + " but got "
        + records.size()
        + ": "
        + shown;
  }

  private static String summary(Record record) {
    return record.eventNameAsString()
        + " "
        + record.dynamodb().keys()
        + " #"
        + record.dynamodb().sequenceNumber();
  }

  /** How far one shard has been read. */
  private static final class ShardCursor {
    final String shardId;
    @Nullable String iterator;
    @Nullable String lastSequenceNumber;
    boolean finished;

    ShardCursor(String shardId) {
      this.shardId = shardId;
    }
  }
}
