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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.internal.expr.Projection;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {

  static final List<String> RETURN_VALUES =
      List.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

  private final Database db;

  ItemOperations(Database db) {
    this.db = db;
  }

  void register(OperationRegistry r) {
    r.dynamoDb("PutItem", req -> write(req, WriteAction.Kind.PUT));
    r.dynamoDb("UpdateItem", req -> write(req, WriteAction.Kind.UPDATE));
    r.dynamoDb("DeleteItem", req -> write(req, WriteAction.Kind.DELETE));
    r.dynamoDb("GetItem", this::getItem);
  }

  private JsonNode write(ObjectNode req, WriteAction.Kind kind) {
    String returnValues = Requests.choice(req, "ReturnValues", RETURN_VALUES, "NONE");
    if (kind != WriteAction.Kind.UPDATE
        && !returnValues.equals("NONE")
        && !returnValues.equals("ALL_OLD")) {
      throw AwsException.validation("ReturnValues can only be ALL_OLD or NONE");
    }
    Requests.choice(req, "ReturnItemCollectionMetrics", List.of("SIZE", "NONE"), "NONE");
    WriteAction action = WriteAction.parse(kind, req, true);
    Capacity capacity = Capacity.of(req);
    WriteAction.Prepared done =
        db.write(
            () -> {
              Table t = db.table(action.tableName);
              WriteAction.Prepared p = action.prepare(t);
              if (p.conditionFailed()) {
                capacity.itemWrite(t, p.old(), p.old(), 1);
                throw WriteAction.conditionFailed(p, action.oldOnFailure);
              }
              db.apply(t, p.key(), p.next(), false);
              capacity.itemWrite(t, p.old(), p.next(), 1);
              return p;
            });
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Map<String, AttributeValue> returned = returned(returnValues, done, action);
    if (returned != null && !returned.isEmpty()) {
      out.set("Attributes", AttributeValueJson.writeItem(returned));
    }
    capacity.putSingle(out, action.tableName);
    return out;
  }

  private static @Nullable Map<String, AttributeValue> returned(
      String returnValues, WriteAction.Prepared p, WriteAction action) {
    switch (returnValues) {
      case "ALL_OLD":
        return p.old();
      case "ALL_NEW":
        return p.next();
      case "UPDATED_OLD":
        return updatedPart(p.old(), action);
      case "UPDATED_NEW":
        return updatedPart(p.next(), action);
      default:
        return null;
    }
  }

  /** The top-level attributes an update names, as they are in {@code item}. */
  private static @Nullable Map<String, AttributeValue> updatedPart(
      @Nullable Map<String, AttributeValue> item, WriteAction action) {
    if (item == null || action.update() == null) {
      return null;
    }
    Set<String> names = action.update().topLevelNames();
    Map<String, AttributeValue> out = new LinkedHashMap<>();
    for (String n : names) {
      AttributeValue v = item.get(n);
      if (v != null) {
        out.put(n, v);
      }
    }
    return out;
  }

  private JsonNode getItem(ObjectNode req) {
    String name = Requests.tableName(req);
    Map<String, AttributeValue> key = Requests.item(req, "Key");
    boolean consistent = Requests.bool(req, "ConsistentRead", false);
    Projection projection = projection(req);
    Capacity capacity = Capacity.of(req);
    Map<String, AttributeValue> item =
        db.read(
            () -> {
              Table t = db.table(name);
              t.key.checkKey(key);
              Map<String, AttributeValue> found = t.get(key);
              if (capacity.wanted()) {
                capacity.read(
                    name, Capacity.readUnits(found == null ? 0 : ItemSize.of(found), consistent));
              }
              return found;
            });
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    if (item != null) {
      out.set(
          "Item", AttributeValueJson.writeItem(projection == null ? item : projection.apply(item)));
    }
    capacity.putSingle(out, name);
    return out;
  }

  /**
   * The projection of a read ({@code ProjectionExpression} or legacy {@code AttributesToGet}),
   * checking the request's expression names; null for the whole item.
   */
  static @Nullable Projection projection(JsonNode req) {
    LegacyParameters.checkNotMixed(
        req, List.of("AttributesToGet"), List.of("ProjectionExpression"));
    ExpressionContext ctx = ExpressionContext.of(req);
    String text = Requests.text(req, "ProjectionExpression");
    Projection p = text == null ? LegacyParameters.attributesToGet(req) : ctx.projection(text);
    ctx.finish();
    return p;
  }
}
