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

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * One stream of one table: what DescribeStream reports of it, its shards (all of them, by id, which
 * is creation order), and the open shards that take its records.
 *
 * <p>Changed only under the stream store's lock; the status and the shard map may be read from any
 * thread.
 */
final class Stream {

  private final String arn;
  private final String label;
  private final String tableName;
  private final ViewType viewType;
  private final List<KeySchemaElement> keySchema;
  private final String partitionKey;
  private final long createdMillis;
  private final NavigableMap<String, Shard> shards = new ConcurrentSkipListMap<>();
  private volatile boolean enabled = true;

  /** The open shards, one per slot; a partition key always maps to the same slot. Lock only. */
  private final Shard[] open;

  Stream(
      String arn,
      String label,
      String tableName,
      ViewType viewType,
      List<KeySchemaElement> keySchema,
      long createdMillis,
      int slots) {
    this.arn = arn;
    this.label = label;
    this.tableName = tableName;
    this.viewType = viewType;
    this.keySchema = List.copyOf(keySchema);
    this.partitionKey = partitionKeyOf(keySchema);
    this.createdMillis = createdMillis;
    this.open = new Shard[slots];
  }

  private static String partitionKeyOf(List<KeySchemaElement> keySchema) {
    for (KeySchemaElement k : keySchema) {
      if (k.keyType() == KeyType.HASH) {
        return k.attributeName();
      }
    }
    throw new IllegalArgumentException("A key schema needs a HASH key");
  }

  String arn() {
    return arn;
  }

  String label() {
    return label;
  }

  String tableName() {
    return tableName;
  }

  ViewType viewType() {
    return viewType;
  }

  List<KeySchemaElement> keySchema() {
    return keySchema;
  }

  long createdMillis() {
    return createdMillis;
  }

  boolean enabled() {
    return enabled;
  }

  /** All shards not yet removed, ordered by id (creation order). */
  NavigableMap<String, Shard> shards() {
    return shards;
  }

  /** The shard with that id, or null if the stream has none or it is past retention. */
  @Nullable Shard shard(String shardId, long nowMillis, long retentionMillis) {
    Shard s = shards.get(shardId);
    return s == null || s.expired(nowMillis, retentionMillis) ? null : s;
  }

  /**
   * True once a disabled stream has no shard left within retention: the service no longer lists it.
   */
  boolean gone(long nowMillis, long retentionMillis) {
    if (enabled) {
      return false;
    }
    for (Shard s : shards.values()) {
      if (!s.expired(nowMillis, retentionMillis)) {
        return false;
      }
    }
    return true;
  }

  int slots() {
    return open.length;
  }

  /** The open shard of a slot. Lock only. */
  Shard open(int slot) {
    return open[slot];
  }

  /** Adds a new open shard for a slot. Lock only. */
  void openShard(int slot, Shard shard) {
    open[slot] = shard;
    shards.put(shard.id(), shard);
  }

  /** Marks the stream disabled; its shards must be closed by the caller. Lock only. */
  void disable() {
    enabled = false;
  }

  /**
   * The slot of an item: a stable hash (FNV-1a) of its partition key value, so all records of one
   * item go to one shard and its children, in order.
   *
   * @throws IllegalArgumentException if the keys lack the partition key
   */
  int slotOf(Map<String, AttributeValue> keys) {
    AttributeValue value = keys.get(partitionKey);
    if (value == null) {
      throw new IllegalArgumentException(
          "Keys of a change to " + tableName + " lack the partition key " + partitionKey);
    }
    long hash = 0xcbf29ce484222325L;
    switch (value.type()) {
      case S:
        hash = fnv(hash, value.s());
        break;
      case N:
        hash = fnv(hash, value.n());
        break;
      case B:
        for (byte b : value.b().asByteArrayUnsafe()) {
          hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        break;
      default:
        throw new IllegalArgumentException(
            "Partition key " + partitionKey + " is not S, N or B: " + value.type());
    }
    return open.length == 1 ? 0 : (int) Math.floorMod(hash, (long) open.length);
  }

  private static long fnv(long hash, String s) {
    for (int i = 0; i < s.length(); i++) {
      hash = (hash ^ s.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }
}
