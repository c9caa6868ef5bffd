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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Consumed capacity as {@code ReturnConsumedCapacity} reports it, approximated by the service's
 * published unit rules: a write is one unit per started KB of the larger of the old and new item
 * (at least one); a read one unit per started 4 KB read (at least one), half that when eventually
 * consistent; transactions cost twice. Index writes are counted per index whose row changed.
 */
final class Capacity {

  static final List<String> MODES = List.of("INDEXES", "TOTAL", "NONE");

  private final String mode;
  private final Map<String, Use> tables = new LinkedHashMap<>();

  Capacity(String mode) {
    this.mode = mode;
  }

  static Capacity of(JsonNode request) {
    return new Capacity(Requests.choice(request, "ReturnConsumedCapacity", MODES, "NONE"));
  }

  boolean wanted() {
    return !mode.equals("NONE");
  }

  static double readUnits(long bytes, boolean consistent) {
    double units = Math.max(1, (bytes + 4095) / 4096);
    return consistent ? units : units / 2;
  }

  static double writeUnits(long bytes) {
    return Math.max(1, (bytes + 1023) / 1024);
  }

  void read(String table, double units) {
    tables.computeIfAbsent(table, t -> new Use()).add(units, true);
  }

  void write(String table, double units) {
    tables.computeIfAbsent(table, t -> new Use()).add(units, false);
  }

  void indexRead(String table, Index index, double units) {
    Use use = tables.computeIfAbsent(table, t -> new Use());
    use.read += units;
    (index.global ? use.gsi : use.lsi).merge(index.name, units, Double::sum);
  }

  void indexWrite(String table, Index index, double units) {
    Use use = tables.computeIfAbsent(table, t -> new Use());
    use.write += units;
    (index.global ? use.gsi : use.lsi).merge(index.name, units, Double::sum);
  }

  /** Adds the write cost of replacing {@code before} by {@code after} in a table. */
  void itemWrite(
      Table table,
      @Nullable Map<String, AttributeValue> before,
      @Nullable Map<String, AttributeValue> after,
      double factor) {
    if (!wanted()) {
      return;
    }
    long size =
        Math.max(before == null ? 0 : ItemSize.of(before), after == null ? 0 : ItemSize.of(after));
    write(table.name, writeUnits(size) * factor);
    for (Index index : table.indexes.values()) {
      RowKey base = table.rowKey(before != null ? before : after);
      boolean had = before != null && index.rowOf(before, base) != null;
      boolean has = after != null && index.rowOf(after, base) != null;
      if (had || has) {
        long s =
            Math.max(
                had ? ItemSize.of(index.project(before)) : 0,
                has ? ItemSize.of(index.project(after)) : 0);
        indexWrite(table.name, index, writeUnits(s) * factor);
      }
    }
  }

  /** The single {@code ConsumedCapacity} object of a one-table operation, or null. */
  @Nullable ObjectNode single() {
    if (!wanted()) {
      return null;
    }
    Map.Entry<String, Use> e = tables.entrySet().iterator().next();
    return e.getValue().toJson(e.getKey(), mode.equals("INDEXES"));
  }

  /** The {@code ConsumedCapacity} array of a batch or transaction, or null. */
  @Nullable ArrayNode list() {
    if (!wanted()) {
      return null;
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    tables.forEach((name, use) -> out.add(use.toJson(name, mode.equals("INDEXES"))));
    return out;
  }

  /** Sets {@code ConsumedCapacity} on a response if it was asked for. */
  void putSingle(ObjectNode response, String table) {
    if (wanted()) {
      tables.computeIfAbsent(table, t -> new Use());
      response.set("ConsumedCapacity", single());
    }
  }

  void putList(ObjectNode response) {
    if (wanted()) {
      response.set("ConsumedCapacity", list());
    }
  }

  private static final class Use {
    double read;
    double write;
    double tableOnly;
    final Map<String, Double> gsi = new LinkedHashMap<>();
    final Map<String, Double> lsi = new LinkedHashMap<>();

    void add(double units, boolean isRead) {
      tableOnly += units;
      if (isRead) {
        read += units;
      } else {
        write += units;
      }
    }

    ObjectNode toJson(String table, boolean indexes) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("TableName", table);
      double all =
          tableOnly
              + gsi.values().stream().mapToDouble(Double::doubleValue).sum()
              + lsi.values().stream().mapToDouble(Double::doubleValue).sum();
      o.put("CapacityUnits", all);
      if (read > 0) {
        o.put("ReadCapacityUnits", read);
      }
      if (write > 0) {
        o.put("WriteCapacityUnits", write);
      }
      if (indexes) {
        o.putObject("Table").put("CapacityUnits", tableOnly);
        if (!gsi.isEmpty()) {
          ObjectNode g = o.putObject("GlobalSecondaryIndexes");
          gsi.forEach((n, u) -> g.putObject(n).put("CapacityUnits", u));
        }
        if (!lsi.isEmpty()) {
          ObjectNode l = o.putObject("LocalSecondaryIndexes");
          lsi.forEach((n, u) -> l.putObject(n).put("CapacityUnits", u));
        }
      }
      return o;
    }
  }
}
