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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * TransactWriteItems and TransactGetItems. A write transaction is checked whole under the write
 * lock (tables, keys, one action per item, size, then every condition) and applied only if every
 * condition holds, its stream records appended in request order; otherwise it is cancelled with one
 * reason per action. Capacity counts twice, as on the service.
 */
final class Transactions {

  static final int MAX_ACTIONS = 100;
  static final long MAX_BYTES = 4L * 1024 * 1024;
  private static final List<String> WRITE_KINDS =
      List.of("Put", "Update", "Delete", "ConditionCheck");

  private final Database db;

  Transactions(Database db) {
    this.db = db;
  }

  void register(OperationRegistry r) {
    r.dynamoDb("TransactWriteItems", this::transactWrite);
    r.dynamoDb("TransactGetItems", this::transactGet);
  }

  private static JsonNode actions(ObjectNode req) {
    JsonNode items = req.get("TransactItems");
    if (items == null || items.isNull()) {
      throw Requests.missing("TransactItems");
    }
    if (!items.isArray() || items.isEmpty() || items.size() > MAX_ACTIONS) {
      throw AwsException.validation(
          "1 validation error detected: Value at 'transactItems' failed to satisfy constraint:"
              + " Member must have length "
              + (items.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    return items;
  }

  private JsonNode transactWrite(ObjectNode req) {
    JsonNode items = actions(req);
    List<WriteAction> actions = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      String kind = null;
      for (String k : WRITE_KINDS) {
        if (Requests.has(item, k)) {
          if (kind != null) {
            throw oneKind();
          }
          kind = k;
        }
      }
      if (kind == null) {
        throw oneKind();
      }
      WriteAction.Kind k =
          switch (kind) {
            case "Put" -> WriteAction.Kind.PUT;
            case "Update" -> WriteAction.Kind.UPDATE;
            case "Delete" -> WriteAction.Kind.DELETE;
            default -> WriteAction.Kind.CHECK;
          };
      actions.add(WriteAction.parse(k, item.get(kind), false));
    }
    String token = Requests.text(req, "ClientRequestToken");
    if (token != null && (token.isEmpty() || token.length() > 36)) {
      throw AwsException.validation(
          "1 validation error detected: Value at 'clientRequestToken' failed to satisfy"
              + " constraint: Member must have length less than or equal to 36");
    }
    Capacity capacity = Capacity.of(req);
    String fingerprint = items.toString();
    return db.write(
        () -> {
          Instant now = db.clock.instant();
          if (token != null) {
            JsonNode earlier = db.tokens.replay(token, fingerprint, now);
            if (earlier != null) {
              return earlier.deepCopy();
            }
          }
          List<WriteAction.Prepared> prepared = prepare(actions);
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          for (int i = 0; i < actions.size(); i++) {
            WriteAction.Prepared p = prepared.get(i);
            if (actions.get(i).kind != WriteAction.Kind.CHECK) {
              db.apply(p.table(), p.key(), p.next(), false);
              capacity.itemWrite(p.table(), p.old(), p.next(), 2);
            } else if (capacity.wanted()) {
              capacity.read(p.table().name, 2 * Capacity.readUnits(size(p.old()), true));
            }
          }
          capacity.putList(out);
          if (token != null) {
            db.tokens.remember(token, fingerprint, now, out);
          }
          return out;
        });
  }

  /** Checks the whole transaction against the tables; cancels it if a condition fails. */
  private List<WriteAction.Prepared> prepare(List<WriteAction> actions) {
    List<WriteAction.Prepared> prepared = new ArrayList<>(actions.size());
    Set<BatchOperations.TableRow> seen = new HashSet<>();
    long bytes = 0;
    boolean failed = false;
    for (WriteAction a : actions) {
      Table t = db.table(a.tableName);
      WriteAction.Prepared p = a.prepare(t);
      if (!seen.add(new BatchOperations.TableRow(t.name, t.rowKey(p.key())))) {
        throw AwsException.validation(
            "Transaction request cannot include multiple operations on one item");
      }
      bytes += size(a.keyOrItem()) + (a.kind == WriteAction.Kind.UPDATE ? size(p.next()) : 0);
      failed |= p.conditionFailed();
      prepared.add(p);
    }
    if (bytes > MAX_BYTES) {
      throw AwsException.validation(
          "Transaction request cannot be larger than 4 MB (items and keys of all actions)");
    }
    if (failed) {
      List<ObjectNode> reasons = new ArrayList<>();
      for (int i = 0; i < actions.size(); i++) {
        WriteAction.Prepared p = prepared.get(i);
        if (!p.conditionFailed()) {
          reasons.add(Cancellations.reason("None"));
          continue;
        }
        ObjectNode r =
            Cancellations.reason("ConditionalCheckFailed", "The conditional request failed");
        if (actions.get(i).oldOnFailure && p.old() != null) {
          r.set("Item", AttributeValueJson.writeItem(p.old()));
        }
        reasons.add(r);
      }
      throw Cancellations.canceled(reasons);
    }
    return prepared;
  }

  private static int size(@Nullable Map<String, AttributeValue> item) {
    return item == null ? 0 : ItemSize.of(item);
  }

  private static AwsException oneKind() {
    return AwsException.validation(
        "TransactItems can only contain one of Check, Put, Update or Delete");
  }

  private record Get(
      String table, Map<String, AttributeValue> key, @Nullable Projection projection) {}

  private JsonNode transactGet(ObjectNode req) {
    JsonNode items = actions(req);
    List<Get> gets = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      JsonNode get = item.get("Get");
      if (get == null || get.isNull()) {
        throw Requests.missing("Get");
      }
      gets.add(
          new Get(
              Requests.tableName(get), Requests.item(get, "Key"), ItemOperations.projection(get)));
    }
    Capacity capacity = Capacity.of(req);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ArrayNode responses = out.putArray("Responses");
    db.read(
        () -> {
          Set<BatchOperations.TableRow> seen = new HashSet<>();
          List<Map<String, AttributeValue>> found = new ArrayList<>();
          for (Get g : gets) {
            Table t = db.table(g.table);
            t.key.checkKey(g.key);
            if (!seen.add(new BatchOperations.TableRow(t.name, t.rowKey(g.key)))) {
              throw AwsException.validation(
                  "Transaction request cannot include multiple operations on one item");
            }
            Map<String, AttributeValue> item = t.get(g.key);
            if (capacity.wanted()) {
              capacity.read(t.name, 2 * Capacity.readUnits(size(item), true));
            }
            found.add(item);
          }
          for (int i = 0; i < gets.size(); i++) {
            ObjectNode r = responses.addObject();
            Map<String, AttributeValue> item = found.get(i);
            if (item != null) {
              Projection p = gets.get(i).projection;
              r.set("Item", AttributeValueJson.writeItem(p == null ? item : p.apply(item)));
            }
          }
          return null;
        });
    capacity.putList(out);
    return out;
  }
}
