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

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A global or local secondary index: its key, its projection ({@code ALL}, {@code KEYS_ONLY} or
 * {@code INCLUDE}) and its rows, the projected items of every table item that carries the index's
 * key attributes (a sparse index). Maintained by {@link Table} on every write; guarded by the
 * database lock.
 */
final class Index {

  final String name;
  final boolean global;
  final KeySchema key;
  final String projectionType;
  final List<String> nonKeyAttributes;
  final String arn;
  long readCapacity;
  long writeCapacity;
  final TreeMap<RowKey, Map<String, AttributeValue>> rows = new TreeMap<>();
  long sizeBytes;
  private final KeySchema tableKey;
  private final Set<String> projected;

  Index(
      String name,
      boolean global,
      KeySchema key,
      KeySchema tableKey,
      String projectionType,
      List<String> nonKeyAttributes,
      String arn) {
    this.name = name;
    this.global = global;
    this.key = key;
    this.tableKey = tableKey;
    this.projectionType = projectionType;
    this.nonKeyAttributes = List.copyOf(nonKeyAttributes);
    this.arn = arn;
    Set<String> names = new LinkedHashSet<>();
    names.add(tableKey.partitionName());
    if (tableKey.sortName() != null) {
      names.add(tableKey.sortName());
    }
    names.add(key.partitionName());
    if (key.sortName() != null) {
      names.add(key.sortName());
    }
    if (projectionType.equals("INCLUDE")) {
      names.addAll(nonKeyAttributes);
    }
    this.projected = Collections.unmodifiableSet(names);
  }

  boolean projectsAll() {
    return projectionType.equals("ALL");
  }

  /** The names an index row holds, or an empty set for ALL. */
  Set<String> projectedNames() {
    return projected;
  }

  /**
   * Rejects an item whose index key attributes have the wrong type or are empty, as the service
   * does on every write to a table with this index.
   */
  void checkItem(Map<String, AttributeValue> item) {
    checkAttribute(item.get(key.partitionName()), key.partitionName(), key.partitionType());
    if (key.sortName() != null) {
      checkAttribute(item.get(key.sortName()), key.sortName(), key.sortType());
    }
  }

  private void checkAttribute(@Nullable AttributeValue v, String attribute, @Nullable String type) {
    if (v == null) {
      return;
    }
    if (!KeySchema.matches(v, type)) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Type mismatch for Index Key "
              + attribute
              + " Expected: "
              + type
              + " Actual: "
              + KeySchema.typeName(v)
              + " IndexName: "
              + name);
    }
    if (KeySchema.isEmptyScalar(v)) {
      throw AwsException.validation(
          "One or more parameter values are not valid. A value specified for a secondary index key"
              + " is not supported. The AttributeValue for a key attribute cannot contain an empty "
              + (v.type() == AttributeValue.Type.S ? "string" : "binary")
              + " value. IndexName: "
              + name
              + ", IndexKey: "
              + attribute);
    }
  }

  /** The row of an item in this index, or {@code null} if the item lacks the index key. */
  @Nullable RowKey rowOf(Map<String, AttributeValue> item, RowKey base) {
    AttributeValue pk = item.get(key.partitionName());
    if (!KeySchema.matches(pk, key.partitionType())) {
      return null;
    }
    AttributeValue sk = null;
    if (key.sortName() != null) {
      sk = item.get(key.sortName());
      if (!KeySchema.matches(sk, key.sortType())) {
        return null;
      }
    }
    return RowKey.indexRow(pk, sk, base);
  }

  /** The part of an item this index holds. */
  Map<String, AttributeValue> project(Map<String, AttributeValue> item) {
    if (projectsAll()) {
      return item;
    }
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (String n : projected) {
      AttributeValue v = item.get(n);
      if (v != null) {
        out.put(n, v);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  void remove(Map<String, AttributeValue> item, RowKey base) {
    RowKey row = rowOf(item, base);
    if (row != null) {
      Map<String, AttributeValue> old = rows.remove(row);
      if (old != null) {
        sizeBytes -= ItemSize.of(old);
      }
    }
  }

  void put(Map<String, AttributeValue> item, RowKey base) {
    RowKey row = rowOf(item, base);
    if (row != null) {
      Map<String, AttributeValue> projectedItem = project(item);
      rows.put(row, projectedItem);
      sizeBytes += ItemSize.of(projectedItem);
    }
  }

  /** The key attributes of an index row: the index key plus the table key. */
  Map<String, AttributeValue> keyOf(Map<String, AttributeValue> row) {
    Map<String, AttributeValue> out = new LinkedHashMap<>(tableKey.keyOf(row));
    out.put(key.partitionName(), row.get(key.partitionName()));
    if (key.sortName() != null) {
      out.put(key.sortName(), row.get(key.sortName()));
    }
    return out;
  }
}
