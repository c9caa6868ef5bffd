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
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CreateTable, DescribeTable, UpdateTable, DeleteTable and ListTables. Tables are usable at once:
 * CreateTable answers {@code CREATING} as the service does and DescribeTable answers {@code ACTIVE}
 * from then on, so SDK waiters return on their first poll.
 */
final class ControlPlane {

  static final List<String> BILLING = List.of("PROVISIONED", "PAY_PER_REQUEST");
  private final Database db;

  ControlPlane(Database db) {
    this.db = db;
  }

  void register(OperationRegistry r) {
    r.dynamoDb("CreateTable", this::createTable);
    r.dynamoDb("DescribeTable", this::describeTable);
    r.dynamoDb("UpdateTable", new TableUpdates(db)::updateTable);
    r.dynamoDb("DeleteTable", this::deleteTable);
    r.dynamoDb("ListTables", this::listTables);
  }

  private JsonNode createTable(ObjectNode req) {
    String name = Requests.tableName(req);
    TableSpecs.checkTableName(name, "tableName");
    Map<String, String> defs = TableSpecs.attributeDefinitions(req, true);
    KeySchema key = TableSpecs.keySchema(req.get("KeySchema"), defs);
    String billing = Requests.choice(req, "BillingMode", BILLING, "PROVISIONED");
    long[] throughput = TableSpecs.throughput(req);
    checkBilling(billing, throughput);
    String arn = db.tableArn(name);
    Table t = new Table(name, arn, UUID.randomUUID().toString(), db.clock.instant(), key);
    t.billingMode = billing;
    t.billingModeGiven = Requests.has(req, "BillingMode");
    if (billing.equals("PAY_PER_REQUEST")) {
      t.payPerRequestSince = t.created;
    } else {
      t.readCapacity = throughput[0];
      t.writeCapacity = throughput[1];
    }
    Set<String> used = new HashSet<>();
    used.add(key.partitionName());
    if (key.sortName() != null) {
      used.add(key.sortName());
    }
    for (String field : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
      JsonNode list = req.get(field);
      if (list == null || list.isNull()) {
        continue;
      }
      boolean global = field.startsWith("Global");
      for (JsonNode spec : list) {
        Index index = TableSpecs.index(spec, global, key, defs, arn);
        if (t.indexes.containsKey(index.name)) {
          throw AwsException.validation(
              "One or more parameter values were invalid: Duplicate index name: " + index.name);
        }
        if (global) {
          long[] pt = TableSpecs.throughput(spec);
          if (billing.equals("PROVISIONED") && pt == null) {
            throw AwsException.validation(
                "One or more parameter values were invalid: ProvisionedThroughput must be"
                    + " specified for index: "
                    + index.name);
          }
          if (billing.equals("PAY_PER_REQUEST") && pt != null) {
            throw AwsException.validation(
                "One or more parameter values were invalid: ProvisionedThroughput should not be"
                    + " specified for index: "
                    + index.name
                    + " when BillingMode is PAY_PER_REQUEST");
          }
          if (pt != null) {
            index.readCapacity = pt[0];
            index.writeCapacity = pt[1];
          }
        }
        used.add(index.key.partitionName());
        if (index.key.sortName() != null) {
          used.add(index.key.sortName());
        }
        t.indexes.put(index.name, index);
      }
    }
    if (!used.containsAll(defs.keySet()) || used.size() != defs.size()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Number of attributes in KeySchema does not"
              + " exactly match number of attributes defined in AttributeDefinitions");
    }
    t.attributeDefinitions.putAll(defs);
    String view = TableSpecs.streamViewType(req);
    readTags(req.get("Tags"), t.tags);
    applyCommonSettings(req, t);
    return db.write(
        () -> {
          if (db.tables.containsKey(name)) {
            throw AwsException.resourceInUse("Table already exists: " + name);
          }
          if (view != null && !view.isEmpty()) {
            t.streamViewType = view;
            t.latestStream = db.changeLog.enable(name, view, keySchemaModel(key));
          }
          db.tables.put(name, t);
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.set("TableDescription", TableDescriptions.describe(t, "CREATING", "", ""));
          return out;
        });
  }

  static void checkBilling(String billing, long[] throughput) {
    if (billing.equals("PROVISIONED") && throughput == null) {
      throw AwsException.validation(
          "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits"
              + " must both be specified when BillingMode is PROVISIONED");
    }
    if (billing.equals("PAY_PER_REQUEST") && throughput != null) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Neither ReadCapacityUnits nor"
              + " WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
    }
  }

  /** SSESpecification, TableClass, DeletionProtectionEnabled and throughput settings: echoed. */
  static void applyCommonSettings(ObjectNode req, Table t) {
    if (Requests.has(req, "SSESpecification")) {
      t.sseSpecification = req.get("SSESpecification").deepCopy();
    }
    if (Requests.has(req, "TableClass")) {
      t.tableClass =
          Requests.choice(
              req, "TableClass", List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS"), "STANDARD");
    }
    Boolean protection = Requests.optBool(req, "DeletionProtectionEnabled");
    if (protection != null) {
      t.deletionProtection = protection;
    }
    if (Requests.has(req, "OnDemandThroughput")) {
      t.onDemandThroughput = req.get("OnDemandThroughput").deepCopy();
    }
  }

  static void readTags(JsonNode tags, Map<String, String> into) {
    if (tags == null || tags.isNull()) {
      return;
    }
    for (JsonNode tag : tags) {
      into.put(Requests.requiredText(tag, "Key"), Requests.requiredText(tag, "Value"));
    }
  }

  static List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> keySchemaModel(
      KeySchema key) {
    List<software.amazon.awssdk.services.dynamodb.model.KeySchemaElement> out = new ArrayList<>();
    out.add(
        software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
            .attributeName(key.partitionName())
            .keyType("HASH")
            .build());
    if (key.sortName() != null) {
      out.add(
          software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder()
              .attributeName(key.sortName())
              .keyType("RANGE")
              .build());
    }
    return out;
  }

  private JsonNode describeTable(ObjectNode req) {
    String name = Requests.tableName(req);
    return db.read(
        () -> {
          Table t = db.tables.get(name);
          if (t == null) {
            throw AwsException.resourceNotFound(
                "Requested resource not found: Table: " + name + " not found");
          }
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.set("Table", TableDescriptions.describe(t, "ACTIVE", "", ""));
          return out;
        });
  }

  private JsonNode deleteTable(ObjectNode req) {
    String name = Requests.tableName(req);
    return db.write(
        () -> {
          Table t = db.tables.get(name);
          if (t == null) {
            throw AwsException.resourceNotFound(
                "Requested resource not found: Table: " + name + " not found");
          }
          if (t.deletionProtection) {
            throw AwsException.validation(
                "Resource cannot be deleted as it is currently protected against deletion. Disable"
                    + " deletion protection first.");
          }
          if (t.streamViewType != null && t.latestStream != null) {
            db.changeLog.disable(t.latestStream.streamArn());
          }
          db.tables.remove(name);
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.set("TableDescription", TableDescriptions.describe(t, "DELETING", "", ""));
          return out;
        });
  }

  private JsonNode listTables(ObjectNode req) {
    String start = Requests.text(req, "ExclusiveStartTableName");
    Long limit = Requests.number(req, "Limit");
    if (limit != null && (limit < 1 || limit > 100)) {
      throw AwsException.validation(
          "1 validation error detected: Value '"
              + limit
              + "' at 'limit' failed to satisfy constraint: Member must have value "
              + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    int max = limit == null ? 100 : limit.intValue();
    return db.read(
        () -> {
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          ArrayNode names = out.putArray("TableNames");
          var tail =
              start == null
                  ? db.tables.navigableKeySet()
                  : db.tables.tailMap(start, false).navigableKeySet();
          String last = null;
          for (String n : tail) {
            if (names.size() == max) {
              out.put("LastEvaluatedTableName", last);
              break;
            }
            names.add(n);
            last = n;
          }
          return out;
        });
  }
}
