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

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbstreams.emulator.internal.streams.StreamInfo;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table: its settings as CreateTable and UpdateTable left them, its items in key order, and its
 * secondary indexes, which every write here keeps in step. Not thread-safe: the {@link Database}
 * lock guards every access.
 */
final class Table {

  final String name;
  final String arn;
  final String id;
  final Instant created;
  final KeySchema key;
  final Map<String, String> attributeDefinitions = new LinkedHashMap<>();
  final Map<String, Index> indexes = new LinkedHashMap<>();
  final TreeMap<RowKey, Map<String, AttributeValue>> rows = new TreeMap<>();
  long sizeBytes;

  String billingMode = "PROVISIONED";
  boolean billingModeGiven;
  @Nullable Instant payPerRequestSince;
  long readCapacity;
  long writeCapacity;
  @Nullable String streamViewType;
  @Nullable StreamInfo latestStream;
  @Nullable String ttlAttribute;
  final Map<String, String> tags = new LinkedHashMap<>();
  @Nullable JsonNode sseSpecification;
  String tableClass = "STANDARD";
  boolean deletionProtection;
  boolean pointInTimeRecovery;
  @Nullable JsonNode warmThroughput;
  @Nullable JsonNode onDemandThroughput;

  Table(String name, String arn, String id, Instant created, KeySchema key) {
    this.name = name;
    this.arn = arn;
    this.id = id;
    this.created = created;
    this.key = key;
  }

  boolean streamEnabled() {
    return streamViewType != null;
  }

  RowKey rowKey(Map<String, AttributeValue> keyOrItem) {
    AttributeValue sk = key.sortName() == null ? null : keyOrItem.get(key.sortName());
    return RowKey.of(keyOrItem.get(key.partitionName()), sk);
  }

  @Nullable Map<String, AttributeValue> get(Map<String, AttributeValue> keyOrItem) {
    return rows.get(rowKey(keyOrItem));
  }

  /** Rejects an item that breaks the key rules of the table or of one of its indexes. */
  void checkItem(Map<String, AttributeValue> item) {
    key.checkItem(item);
    for (Index index : indexes.values()) {
      index.checkItem(item);
    }
  }

  /** Stores an item, replacing the one with its key; returns the old one. */
  @Nullable Map<String, AttributeValue> put(Map<String, AttributeValue> item) {
    RowKey row = rowKey(item);
    Map<String, AttributeValue> old = rows.put(row, item);
    if (old != null) {
      sizeBytes -= ItemSize.of(old);
    }
    sizeBytes += ItemSize.of(item);
    for (Index index : indexes.values()) {
      if (old != null) {
        index.remove(old, row);
      }
      index.put(item, row);
    }
    return old;
  }

  /** Deletes the item with this key; returns it, or {@code null} if there was none. */
  @Nullable Map<String, AttributeValue> delete(Map<String, AttributeValue> keyOrItem) {
    RowKey row = rowKey(keyOrItem);
    Map<String, AttributeValue> old = rows.remove(row);
    if (old != null) {
      sizeBytes -= ItemSize.of(old);
      for (Index index : indexes.values()) {
        index.remove(old, row);
      }
    }
    return old;
  }

  /** Fills a new index from the items already stored (UpdateTable's backfill). */
  void backfill(Index index) {
    for (Map.Entry<RowKey, Map<String, AttributeValue>> e : rows.entrySet()) {
      index.put(e.getValue(), e.getKey());
    }
  }

  @Nullable Index index(String indexName) {
    return indexes.get(indexName);
  }
}
