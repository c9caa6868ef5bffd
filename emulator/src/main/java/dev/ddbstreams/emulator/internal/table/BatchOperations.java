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
import dev.ddbstreams.emulator.internal.expr.Projection;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * BatchWriteItem (up to 25 puts and deletes, no conditions) and BatchGetItem (up to 100 keys, 16 MB
 * per answer, the rest as {@code UnprocessedKeys}). A batch write is validated whole before any of
 * it is applied, then applied under one lock: its items are never unprocessed unless a fault says
 * so.
 */
final class BatchOperations {

  static final int MAX_WRITES = 25;
  static final int MAX_GETS = 100;
  static final int MAX_GET_BYTES = 16 * 1024 * 1024;

  private final Database db;

  BatchOperations(Database db) {
    this.db = db;
  }

  void register(OperationRegistry r) {
    r.dynamoDb("BatchWriteItem", this::batchWrite);
    r.dynamoDb("BatchGetItem", this::batchGet);
  }

  /** One item of one table, for duplicate checks. */
  record TableRow(String table, RowKey row) {}

  private record Write(String table, Map<String, AttributeValue> keyOrItem, boolean put) {}

  private JsonNode batchWrite(ObjectNode req) {
    JsonNode requestItems = req.get("RequestItems");
    if (requestItems == null || requestItems.isNull()) {
      throw Requests.missing("RequestItems");
    }
    List<Write> writes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : requestItems.properties()) {
      if (e.getValue().isEmpty()) {
        throw tooMany("requestItems", MAX_WRITES);
      }
      for (JsonNode w : e.getValue()) {
        boolean put = Requests.has(w, "PutRequest");
        boolean delete = Requests.has(w, "DeleteRequest");
        if (put == delete) {
          throw AwsException.validation(
              "Supplied AttributeValue has more than one datatypes set, must contain exactly one of"
                  + " the supported datatypes (a WriteRequest needs exactly one of PutRequest and"
                  + " DeleteRequest)");
        }
        Map<String, AttributeValue> v =
            put
                ? Requests.item(w.get("PutRequest"), "Item")
                : Requests.item(w.get("DeleteRequest"), "Key");
        writes.add(new Write(e.getKey(), v, put));
      }
    }
    if (writes.isEmpty() || writes.size() > MAX_WRITES) {
      throw tooMany("requestItems", MAX_WRITES);
    }
    Capacity capacity = Capacity.of(req);
    db.write(
        () -> {
          Set<TableRow> seen = new HashSet<>();
          for (Write w : writes) {
            Table t = db.table(w.table);
            if (w.put) {
              t.checkItem(w.keyOrItem);
              ItemRules.checkSize(w.keyOrItem, "Item size has exceeded the maximum allowed size");
            } else {
              t.key.checkKey(w.keyOrItem);
            }
            if (!seen.add(new TableRow(w.table, t.rowKey(w.keyOrItem)))) {
              throw AwsException.validation("Provided list of item keys contains duplicates");
            }
          }
          for (Write w : writes) {
            Table t = db.table(w.table);
            Map<String, AttributeValue> key = w.put ? t.key.keyOf(w.keyOrItem) : w.keyOrItem;
            Map<String, AttributeValue> old = db.apply(t, key, w.put ? w.keyOrItem : null, false);
            capacity.itemWrite(t, old, w.put ? w.keyOrItem : null, 1);
          }
          return null;
        });
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.putObject("UnprocessedItems");
    capacity.putList(out);
    return out;
  }

  private record Get(
      String table,
      JsonNode spec,
      List<Map<String, AttributeValue>> keys,
      @Nullable Projection projection,
      boolean consistent) {}

  private JsonNode batchGet(ObjectNode req) {
    JsonNode requestItems = req.get("RequestItems");
    if (requestItems == null || requestItems.isNull()) {
      throw Requests.missing("RequestItems");
    }
    List<Get> gets = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, JsonNode> e : requestItems.properties()) {
      JsonNode spec = e.getValue();
      JsonNode keysNode = spec.get("Keys");
      if (keysNode == null || keysNode.isEmpty()) {
        throw tooMany("requestItems.member.keys", MAX_GETS);
      }
      List<Map<String, AttributeValue>> keys = new ArrayList<>();
      for (JsonNode k : keysNode) {
        keys.add(ItemRules.normalize(AttributeValueJson.readItem(k, "Keys")));
      }
      total += keys.size();
      gets.add(
          new Get(
              e.getKey(),
              spec,
              keys,
              ItemOperations.projection(spec),
              Requests.bool(spec, "ConsistentRead", false)));
    }
    if (total > MAX_GETS) {
      throw AwsException.validation("Too many items requested for the BatchGetItem call");
    }
    if (gets.isEmpty()) {
      throw tooMany("requestItems", MAX_GETS);
    }
    Capacity capacity = Capacity.of(req);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode responses = out.putObject("Responses");
    ObjectNode unprocessed = out.putObject("UnprocessedKeys");
    db.read(
        () -> {
          for (Get g : gets) {
            Table t = db.table(g.table);
            Set<RowKey> seen = new HashSet<>();
            for (Map<String, AttributeValue> key : g.keys) {
              t.key.checkKey(key);
              if (!seen.add(t.rowKey(key))) {
                throw AwsException.validation("Provided list of item keys contains duplicates");
              }
            }
          }
          long bytes = 0;
          for (Get g : gets) {
            Table t = db.table(g.table);
            ArrayNode items = responses.putArray(g.table);
            ArrayNode left = null;
            for (Map<String, AttributeValue> key : g.keys) {
              if (bytes >= MAX_GET_BYTES) {
                if (left == null) {
                  ObjectNode rest = g.spec.deepCopy();
                  left = rest.putArray("Keys");
                  unprocessed.set(g.table, rest);
                }
                left.add(AttributeValueJson.writeItem(key));
                continue;
              }
              Map<String, AttributeValue> item = t.get(key);
              int size = item == null ? 0 : ItemSize.of(item);
              bytes += size;
              if (capacity.wanted()) {
                capacity.read(t.name, Capacity.readUnits(size, g.consistent));
              }
              if (item != null) {
                items.add(
                    AttributeValueJson.writeItem(
                        g.projection == null ? item : g.projection.apply(item)));
              }
            }
          }
          return null;
        });
    capacity.putList(out);
    return out;
  }

  private static AwsException tooMany(String field, int max) {
    return AwsException.validation(
        "1 validation error detected: Value at '"
            + field
            + "' failed to satisfy constraint: Map value must satisfy constraint: [Member must have"
            + " length less than or equal to "
            + max
            + ", Member must have length greater than or equal to 1]");
  }
}
