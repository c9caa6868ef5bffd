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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The DynamoDB Streams API over a {@link StreamStore}: ListStreams, DescribeStream,
 * GetShardIterator and GetRecords, with the request constraints, answers and errors of the API
 * reference. Reads take no lock.
 */
final class StreamApi {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern STREAM_ARN =
      Pattern.compile(
          "arn:aws[^:]*:dynamodb:[-a-z0-9]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/.+");
  private static final Set<String> ITERATOR_TYPES =
      Set.of("TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER", "AFTER_SEQUENCE_NUMBER");

  /** GetRecords answers at most 1 MB of records. */
  static final long MAX_RESPONSE_BYTES = 1024 * 1024;

  private final StreamStore store;

  StreamApi(StreamStore store) {
    this.store = store;
  }

  void register(OperationRegistry registry) {
    registry.streams("ListStreams", this::listStreams);
    registry.streams("DescribeStream", this::describeStream);
    registry.streams("GetShardIterator", this::getShardIterator);
    registry.streams("GetRecords", this::getRecords);
  }

  JsonNode listStreams(ObjectNode request) {
    RequestFields in = new RequestFields(request);
    String table = in.string("TableName", false, 3, 255);
    int limit = in.integer("Limit", 1, 100, 100);
    String exclusiveStart = in.string("ExclusiveStartStreamArn", false, 37, 1024);
    in.check();
    long now = store.nowMillis();
    Map<String, Stream> candidates =
        exclusiveStart == null ? store.streams() : store.streams().tailMap(exclusiveStart, false);
    ObjectNode out = JSON.objectNode();
    ArrayNode list = out.putArray("Streams");
    String last = null;
    for (Stream stream : candidates.values()) {
      if ((table != null && !table.equals(stream.tableName()))
          || stream.gone(now, store.retentionMillis())) {
        continue;
      }
      if (list.size() == limit) {
        out.put("LastEvaluatedStreamArn", last);
        break;
      }
      ObjectNode s = list.addObject();
      s.put("StreamArn", stream.arn());
      s.put("TableName", stream.tableName());
      s.put("StreamLabel", stream.label());
      last = stream.arn();
    }
    return out;
  }

  JsonNode describeStream(ObjectNode request) {
    RequestFields in = new RequestFields(request);
    String arn = in.string("StreamArn", true, 37, 1024);
    int limit = in.integer("Limit", 1, 100, 100);
    String exclusiveStart = in.string("ExclusiveStartShardId", false, 28, 65);
    RequestFields filter = in.structure("ShardFilter");
    String parent = null;
    if (filter != null) {
      filter.oneOf("Type", true, Set.of("CHILD_SHARDS"));
      parent = filter.string("ShardId", true, 28, 65);
    }
    in.check();
    long now = store.nowMillis();
    Stream stream = stream(arn, now);
    ObjectNode out = JSON.objectNode();
    ObjectNode description = writeStream(out.putObject("StreamDescription"), stream);
    Map<String, Shard> candidates =
        exclusiveStart == null ? stream.shards() : stream.shards().tailMap(exclusiveStart, false);
    ArrayNode shards = description.putArray("Shards");
    String last = null;
    for (Shard shard : candidates.values()) {
      if ((parent != null && !parent.equals(shard.parentId()))
          || shard.expired(now, store.retentionMillis())) {
        continue;
      }
      if (shards.size() == limit) {
        description.put("LastEvaluatedShardId", last);
        break;
      }
      writeShard(shards.addObject(), shard);
      last = shard.id();
    }
    return out;
  }

  /** The stream's own members of a StreamDescription. */
  private static ObjectNode writeStream(ObjectNode description, Stream stream) {
    description.put("StreamArn", stream.arn());
    description.put("StreamLabel", stream.label());
    description.put("StreamStatus", stream.enabled() ? "ENABLED" : "DISABLED");
    description.put("StreamViewType", stream.viewType().name());
    // Epoch seconds with the milliseconds, as the service writes timestamps.
    description.put("CreationRequestDateTime", BigDecimal.valueOf(stream.createdMillis(), 3));
    description.put("TableName", stream.tableName());
    ArrayNode keys = description.putArray("KeySchema");
    for (KeySchemaElement k : stream.keySchema()) {
      keys.addObject().put("AttributeName", k.attributeName()).put("KeyType", k.keyTypeAsString());
    }
    return description;
  }

  private static void writeShard(ObjectNode out, Shard shard) {
    out.put("ShardId", shard.id());
    ObjectNode range = out.putObject("SequenceNumberRange");
    range.put("StartingSequenceNumber", SequenceNumbers.format(shard.startingSequence()));
    long ending = shard.endingSequence();
    if (ending >= 0) {
      range.put("EndingSequenceNumber", SequenceNumbers.format(ending));
    }
    if (shard.parentId() != null) {
      out.put("ParentShardId", shard.parentId());
    }
  }

  JsonNode getShardIterator(ObjectNode request) {
    RequestFields in = new RequestFields(request);
    String arn = in.string("StreamArn", true, 37, 1024);
    String shardId = in.string("ShardId", true, 28, 65);
    String type = in.oneOf("ShardIteratorType", true, ITERATOR_TYPES);
    String sequence = in.string("SequenceNumber", false, 21, 40);
    in.check();
    boolean bySequence = type.endsWith("_SEQUENCE_NUMBER");
    if (bySequence && sequence == null) {
      throw AwsException.validation("SequenceNumber is required for ShardIteratorType " + type);
    }
    if (!bySequence && sequence != null) {
      throw AwsException.validation(
          "SequenceNumber should not be passed for ShardIteratorType " + type);
    }
    long now = store.nowMillis();
    Stream stream = stream(arn, now);
    Shard shard = shard(stream, shardId, now);
    ShardLog.View view = shard.log().view();
    long trimmedBefore = view.firstCreatedAfter(now - store.retentionMillis());
    long position;
    switch (type) {
      case "TRIM_HORIZON":
        position = trimmedBefore;
        break;
      case "LATEST":
        position = view.end();
        break;
      default:
        position = sequencePosition(shard, view, trimmedBefore, sequence, type);
    }
    ObjectNode out = JSON.objectNode();
    out.put("ShardIterator", new ShardIterator(stream.arn(), shard.id(), position, now).encode());
    return out;
  }

  /**
   * The position of AT_ or AFTER_SEQUENCE_NUMBER: the sequence number must be one of the shard's
   * (its start, its end, or one of its records); one at or before the trim point is trimmed.
   */
  private long sequencePosition(
      Shard shard, ShardLog.View view, long trimmedBefore, String sequence, String type) {
    boolean after = type.equals("AFTER_SEQUENCE_NUMBER");
    long n = SequenceNumbers.parse(sequence);
    long ending = shard.endingSequence();
    long highest = ending >= 0 ? ending : store.lastSequence();
    if (n < shard.startingSequence() || n > highest) {
      throw invalidSequence(shard, sequence, type);
    }
    long lastTrimmed = view.sequenceBefore(trimmedBefore);
    if (n < lastTrimmed || (n == lastTrimmed && !after)) {
      throw AwsException.trimmedDataAccess();
    }
    if (n == lastTrimmed) {
      return trimmedBefore;
    }
    long position = view.firstWithSequenceAtLeast(trimmedBefore, n);
    boolean isRecord = position < view.end() && view.get(position).sequence() == n;
    if (!isRecord && n != shard.startingSequence() && n != ending) {
      throw invalidSequence(shard, sequence, type);
    }
    return isRecord && after ? position + 1 : position;
  }

  private static AwsException invalidSequence(Shard shard, String sequence, String type) {
    return AwsException.validation(
        "Invalid SequenceNumber for ShardIteratorType "
            + type
            + ": "
            + sequence
            + " is not a sequence number of shard "
            + shard.id());
  }

  JsonNode getRecords(ObjectNode request) {
    RequestFields in = new RequestFields(request);
    String text = in.string("ShardIterator", true, 1, 2048);
    int limit = in.integer("Limit", 1, 1000, 1000);
    in.check();
    ShardIterator iterator = ShardIterator.decode(text);
    long now = store.nowMillis();
    if (now - iterator.issuedMillis() >= store.settings().iteratorLifetime().toMillis()) {
      throw AwsException.expiredIterator();
    }
    Stream stream = stream(iterator.streamArn(), now);
    Shard shard = shard(stream, iterator.shardId(), now);
    // Closed is read before the records: a shard seen closed has all of its records in the view.
    boolean closed = shard.closed();
    ShardLog.View view = shard.log().view();
    long position = iterator.position();
    if (position > view.end()) {
      throw ShardIterator.invalid();
    }
    if (position < view.firstCreatedAfter(now - store.retentionMillis())) {
      throw AwsException.trimmedDataAccess();
    }
    ObjectNode out = JSON.objectNode();
    ArrayNode records = out.putArray("Records");
    long bytes = 0;
    long next = position;
    while (next < view.end() && next - position < limit) {
      ShardLog.Entry entry = view.get(next);
      if (next > position && bytes + entry.jsonBytes() > MAX_RESPONSE_BYTES) {
        break;
      }
      records.addRawValue(new RawValue(entry.json()));
      bytes += entry.jsonBytes();
      next++;
    }
    if (!(closed && next == view.end())) {
      out.put("NextShardIterator", iterator.at(next, now).encode());
    }
    return out;
  }

  private Stream stream(@Nullable String arn, long now) {
    if (arn == null || !STREAM_ARN.matcher(arn).matches()) {
      throw AwsException.validation("Invalid StreamArn");
    }
    Stream stream = store.stream(arn, now);
    if (stream == null) {
      throw AwsException.resourceNotFound(
          "Requested resource not found: Stream: " + arn + " not found");
    }
    return stream;
  }

  private Shard shard(Stream stream, String shardId, long now) {
    Shard shard = stream.shard(shardId, now, store.retentionMillis());
    if (shard == null) {
      throw AwsException.resourceNotFound(
          "Requested resource not found: Shard: "
              + shardId
              + " in Stream: "
              + stream.arn()
              + " not found");
    }
    return shard;
  }
}
