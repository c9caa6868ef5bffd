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
import dev.ddbstreams.emulator.internal.expr.Condition;
import dev.ddbstreams.emulator.internal.expr.Update;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One single-item write as parsed from PutItem, UpdateItem, DeleteItem or a TransactWriteItems
 * action: parsed (expressions included) outside the database lock, then {@link #prepare prepared}
 * under it against the item as it is.
 */
final class WriteAction {

  enum Kind {
    PUT,
    UPDATE,
    DELETE,
    CHECK
  }

  /** The result of preparing a write: the item before and after, or a failed condition. */
  record Prepared(
      Table table,
      Map<String, AttributeValue> key,
      @Nullable Map<String, AttributeValue> old,
      @Nullable Map<String, AttributeValue> next,
      boolean conditionFailed) {}

  private static final List<String> ON_FAILURE = List.of("ALL_OLD", "NONE");

  final Kind kind;
  final String tableName;
  private final Map<String, AttributeValue> keyOrItem;
  private final @Nullable Update update;
  private final @Nullable Condition condition;
  final boolean oldOnFailure;

  private WriteAction(
      Kind kind,
      String tableName,
      Map<String, AttributeValue> keyOrItem,
      @Nullable Update update,
      @Nullable Condition condition,
      boolean oldOnFailure) {
    this.kind = kind;
    this.tableName = tableName;
    this.keyOrItem = keyOrItem;
    this.update = update;
    this.condition = condition;
    this.oldOnFailure = oldOnFailure;
  }

  static WriteAction parse(Kind kind, JsonNode req, boolean legacyAllowed) {
    String table = Requests.tableName(req);
    Map<String, AttributeValue> keyOrItem = Requests.item(req, kind == Kind.PUT ? "Item" : "Key");
    ExpressionContext ctx = ExpressionContext.of(req);
    Condition condition = null;
    Update update = null;
    String conditionText = Requests.text(req, "ConditionExpression");
    if (legacyAllowed) {
      LegacyParameters.checkNotMixed(
          req,
          List.of("Expected", "ConditionalOperator", "AttributeUpdates"),
          List.of("ConditionExpression", "UpdateExpression"));
      condition = LegacyParameters.expected(req);
      if (kind == Kind.UPDATE) {
        update = LegacyParameters.attributeUpdates(req);
      }
    }
    if (conditionText != null) {
      condition = ctx.condition(conditionText, "ConditionExpression");
    } else if (kind == Kind.CHECK) {
      throw Requests.missing("ConditionExpression");
    }
    if (kind == Kind.UPDATE) {
      String updateText = Requests.text(req, "UpdateExpression");
      if (updateText != null) {
        update = ctx.update(updateText);
      } else if (!legacyAllowed) {
        throw Requests.missing("UpdateExpression");
      }
    }
    ctx.finish();
    boolean oldOnFailure =
        Requests.choice(req, "ReturnValuesOnConditionCheckFailure", ON_FAILURE, "NONE")
            .equals("ALL_OLD");
    return new WriteAction(kind, table, keyOrItem, update, condition, oldOnFailure);
  }

  /** The item's key as given, for duplicate checks before the table is known. */
  Map<String, AttributeValue> keyOrItem() {
    return keyOrItem;
  }

  /** Checks the write against the table and the item as it is; the caller holds the write lock. */
  Prepared prepare(Table t) {
    Map<String, AttributeValue> key;
    if (kind == Kind.PUT) {
      t.checkItem(keyOrItem);
      ItemRules.checkSize(keyOrItem, "Item size has exceeded the maximum allowed size");
      key = t.key.keyOf(keyOrItem);
    } else {
      t.key.checkKey(keyOrItem);
      key = keyOrItem;
    }
    Map<String, AttributeValue> old = t.get(key);
    if (condition != null && !condition.test(old == null ? Collections.emptyMap() : old)) {
      return new Prepared(t, key, old, old, true);
    }
    Map<String, AttributeValue> next =
        switch (kind) {
          case PUT -> keyOrItem;
          case DELETE -> null;
          case CHECK -> old;
          case UPDATE -> updated(t, key, old);
        };
    return new Prepared(t, key, old, next, false);
  }

  private Map<String, AttributeValue> updated(
      Table t, Map<String, AttributeValue> key, @Nullable Map<String, AttributeValue> old) {
    Map<String, AttributeValue> base = old != null ? old : key;
    if (update == null) {
      return base;
    }
    for (String name : update.topLevelNames()) {
      if (t.key.isKeyAttribute(name)) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Cannot update attribute "
                + name
                + ". This attribute is part of the key");
      }
    }
    Map<String, AttributeValue> next = Collections.unmodifiableMap(update.apply(base));
    for (Index index : t.indexes.values()) {
      index.checkItem(next);
    }
    ItemRules.checkSize(next, "Item size to update has exceeded the maximum allowed size");
    return next;
  }

  @Nullable Update update() {
    return update;
  }

  /** The ConditionalCheckFailedException of a failed condition, with the item if asked for. */
  static AwsException conditionFailed(Prepared p, boolean oldOnFailure) {
    ObjectNode extra = null;
    if (oldOnFailure && p.old() != null) {
      extra = JsonNodeFactory.instance.objectNode();
      extra.set("Item", AttributeValueJson.writeItem(p.old()));
    }
    return AwsException.conditionalCheckFailed(extra);
  }
}
