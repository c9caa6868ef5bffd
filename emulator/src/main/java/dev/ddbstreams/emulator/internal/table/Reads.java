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
import dev.ddbstreams.emulator.internal.expr.Condition;
import dev.ddbstreams.emulator.internal.expr.KeyCondition;
import dev.ddbstreams.emulator.internal.expr.Projection;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Query and Scan on tables and indexes: one page per call, stopping at {@code Limit} items
 * evaluated (before the filter) or after 1 MB read, with {@code LastEvaluatedKey} whenever it
 * stopped early. Scan visits items in partition-hash order, which is stable, and parallel scan
 * splits that order into {@code TotalSegments} contiguous hash ranges.
 */
final class Reads {

  static final int PAGE_BYTES = 1024 * 1024;
  private static final List<String> SELECT =
      List.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");

  private final Database db;

  Reads(Database db) {
    this.db = db;
  }

  void register(OperationRegistry r) {
    r.dynamoDb("Query", req -> read(req, true));
    r.dynamoDb("Scan", req -> read(req, false));
  }

  /** The settings of one Query or Scan, read before taking the lock. */
  private static final class Page {
    String table;
    @Nullable String indexName;
    @Nullable Long limit;
    @Nullable String select;
    boolean consistent;
    boolean forward;
    @Nullable Map<String, AttributeValue> startKey;
    int segment = -1;
    int totalSegments;
    Capacity capacity;
  }

  private JsonNode read(ObjectNode req, boolean query) {
    Page p = new Page();
    p.table = Requests.tableName(req);
    p.indexName = Requests.text(req, "IndexName");
    LegacyParameters.rejectUnsupported(
        req, "KeyConditions", "QueryFilter", "ScanFilter", "ConditionalOperator");
    p.limit = Requests.number(req, "Limit");
    if (p.limit != null && p.limit < 1) {
      throw AwsException.validation(
          "1 validation error detected: Value '"
              + p.limit
              + "' at 'limit' failed to satisfy constraint: Member must have value greater than or"
              + " equal to 1");
    }
    p.select = Requests.has(req, "Select") ? Requests.choice(req, "Select", SELECT, "") : null;
    p.consistent = Requests.bool(req, "ConsistentRead", false);
    p.forward = Requests.bool(req, "ScanIndexForward", true);
    p.startKey = Requests.optItem(req, "ExclusiveStartKey");
    p.capacity = Capacity.of(req);
    if (!query) {
      readSegments(req, p);
    }
    ObjectNode out = db.read(() -> run(req, p, query));
    p.capacity.putSingle(out, p.table);
    return out;
  }

  private static void readSegments(ObjectNode req, Page p) {
    Long segment = Requests.number(req, "Segment");
    Long total = Requests.number(req, "TotalSegments");
    if (segment == null && total == null) {
      return;
    }
    if (segment == null) {
      throw AwsException.validation(
          "The Segment parameter is required but was not present in the request when parameter"
              + " TotalSegments is present");
    }
    if (total == null) {
      throw AwsException.validation(
          "The TotalSegments parameter is required but was not present in the request when"
              + " Segment parameter is present");
    }
    if (total < 1 || total > 1_000_000) {
      throw AwsException.validation(
          "1 validation error detected: Value '"
              + total
              + "' at 'totalSegments' failed to satisfy constraint: Member must have value "
              + (total < 1 ? "greater than or equal to 1" : "less than or equal to 1000000"));
    }
    if (segment < 0 || segment >= total) {
      throw AwsException.validation(
          "The Segment parameter is zero-based and must be less than parameter TotalSegments:"
              + " Segment: "
              + segment
              + " is out of bounds for TotalSegments: "
              + total);
    }
    p.segment = segment.intValue();
    p.totalSegments = total.intValue();
  }

  private ObjectNode run(ObjectNode req, Page p, boolean query) {
    Table t = db.table(p.table);
    Index index = null;
    if (p.indexName != null) {
      index = t.index(p.indexName);
      if (index == null) {
        throw AwsException.validation(
            "The table does not have the specified index: " + p.indexName);
      }
      if (index.global && p.consistent) {
        throw AwsException.validation(
            "Consistent reads are not supported on global secondary indexes");
      }
    }
    KeySchema keys = index == null ? t.key : index.key;
    ExpressionContext ctx = ExpressionContext.of(req);
    KeyCondition keyCondition = null;
    if (query) {
      String text = Requests.text(req, "KeyConditionExpression");
      if (text == null) {
        throw AwsException.validation(
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the"
                + " request.");
      }
      keyCondition = ctx.keyCondition(text, keys.partitionName(), keys.sortName());
      if (!KeySchema.matches(keyCondition.partitionValue(), keys.partitionType())) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Condition parameter type does not match"
                + " schema type");
      }
    }
    String filterText = Requests.text(req, "FilterExpression");
    Condition filter = filterText == null ? null : ctx.condition(filterText, "FilterExpression");
    LegacyParameters.checkNotMixed(
        req, List.of("AttributesToGet"), List.of("ProjectionExpression"));
    String projectionText = Requests.text(req, "ProjectionExpression");
    Projection projection =
        projectionText == null
            ? LegacyParameters.attributesToGet(req)
            : ctx.projection(projectionText);
    ctx.finish();
    String select = select(p, index, projection != null);
    boolean fromTable =
        index != null
            && !index.global
            && !index.projectsAll()
            && !select.equals("ALL_PROJECTED_ATTRIBUTES");

    NavigableMap<RowKey, Map<String, AttributeValue>> rows = index == null ? t.rows : index.rows;
    if (keyCondition != null) {
      AttributeValue pv = keyCondition.partitionValue();
      rows = rows.subMap(RowKey.partitionStart(pv), true, RowKey.partitionEnd(pv), true);
      if (!p.forward) {
        rows = rows.descendingMap();
      }
    } else if (p.segment >= 0) {
      rows = rows.tailMap(RowKey.hashStart(RowKey.segmentStart(p.segment, p.totalSegments)), true);
    }
    if (p.startKey != null) {
      RowKey start = startRow(t, index, p.startKey);
      if (keyCondition != null
          && !ItemEquality.values(start.partition, keyCondition.partitionValue())) {
        throw AwsException.validation("The provided starting key is invalid");
      }
      if (p.segment >= 0 && RowKey.segmentOf(start.hash, p.totalSegments) != p.segment) {
        throw AwsException.validation(
            "The provided Exclusive start key does not map to the provided segment");
      }
      rows = rows.tailMap(start, false);
    }

    KeyCondition.SortKeyCondition sortCondition =
        keyCondition == null ? null : keyCondition.sortKey();
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode items = select.equals("COUNT") ? null : out.putArray("Items");
    int scanned = 0;
    int count = 0;
    long bytes = 0;
    Map<String, AttributeValue> last = null;
    boolean stopped = false;
    for (Map.Entry<RowKey, Map<String, AttributeValue>> e : rows.entrySet()) {
      if (p.segment >= 0 && RowKey.segmentOf(e.getKey().hash, p.totalSegments) != p.segment) {
        break;
      }
      Map<String, AttributeValue> row = e.getValue();
      if (sortCondition != null && !sortCondition.test(row.get(keys.sortName()))) {
        continue;
      }
      Map<String, AttributeValue> item = fromTable ? t.get(row) : row;
      scanned++;
      bytes += ItemSize.of(item);
      last = row;
      if (filter == null || filter.test(item)) {
        count++;
        if (items != null) {
          items.add(
              AttributeValueJson.writeItem(projection == null ? item : projection.apply(item)));
        }
      }
      if ((p.limit != null && scanned >= p.limit) || bytes >= PAGE_BYTES) {
        stopped = true;
        break;
      }
    }
    out.put("Count", count);
    out.put("ScannedCount", scanned);
    if (stopped && last != null) {
      out.set(
          "LastEvaluatedKey",
          AttributeValueJson.writeItem(index == null ? t.key.keyOf(last) : index.keyOf(last)));
    }
    if (p.capacity.wanted()) {
      double units = Capacity.readUnits(bytes, p.consistent);
      if (index == null) {
        p.capacity.read(t.name, units);
      } else {
        p.capacity.indexRead(t.name, index, units);
      }
    }
    return out;
  }

  private static String select(Page p, @Nullable Index index, boolean hasProjection) {
    String select = p.select;
    if (select == null) {
      return hasProjection
          ? "SPECIFIC_ATTRIBUTES"
          : index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
    }
    if (hasProjection && !select.equals("SPECIFIC_ATTRIBUTES")) {
      throw AwsException.validation(
          "Cannot specify the ProjectionExpression or AttributesToGet when choosing to get "
              + select);
    }
    if (select.equals("SPECIFIC_ATTRIBUTES") && !hasProjection) {
      throw AwsException.validation(
          "Select type SPECIFIC_ATTRIBUTES requires ProjectionExpression or AttributesToGet");
    }
    if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
      throw AwsException.validation(
          "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    if (select.equals("ALL_ATTRIBUTES") && index != null && index.global && !index.projectsAll()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported"
              + " for global secondary index "
              + index.name
              + " because its projection type is not ALL");
    }
    return select;
  }

  /** The row an {@code ExclusiveStartKey} names, checked against the table and index keys. */
  private static RowKey startRow(
      Table t, @Nullable Index index, Map<String, AttributeValue> start) {
    KeySchema tk = t.key;
    int expected = (tk.hasSort() ? 2 : 1);
    boolean ok =
        KeySchema.matches(start.get(tk.partitionName()), tk.partitionType())
            && (!tk.hasSort() || KeySchema.matches(start.get(tk.sortName()), tk.sortType()));
    if (index != null) {
      KeySchema ik = index.key;
      ok &=
          KeySchema.matches(start.get(ik.partitionName()), ik.partitionType())
              && (!ik.hasSort() || KeySchema.matches(start.get(ik.sortName()), ik.sortType()));
      expected = index.keyOf(start).size();
    }
    if (!ok || start.size() != expected) {
      throw AwsException.validation(
          "The provided starting key is invalid: The provided key element does not match the"
              + " schema");
    }
    RowKey base = t.rowKey(start);
    if (index == null) {
      return base;
    }
    return RowKey.indexRow(
        start.get(index.key.partitionName()),
        index.key.sortName() == null ? null : start.get(index.key.sortName()),
        base);
  }
}
