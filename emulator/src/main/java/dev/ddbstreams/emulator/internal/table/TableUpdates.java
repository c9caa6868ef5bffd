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
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable: streams on and off (enabling an enabled stream, or changing its view type in place,
 * is a ValidationException as on the service), GSI create with immediate backfill, GSI delete and
 * throughput update, billing mode and throughput, and the echoed settings.
 */
final class TableUpdates {

  private final Database db;

  TableUpdates(Database db) {
    this.db = db;
  }

  JsonNode updateTable(ObjectNode req) {
    String name = Requests.tableName(req);
    Map<String, String> newDefs = TableSpecs.attributeDefinitions(req, false);
    String billing =
        Requests.has(req, "BillingMode")
            ? Requests.choice(req, "BillingMode", ControlPlane.BILLING, "")
            : null;
    long[] throughput = TableSpecs.throughput(req);
    String view = TableSpecs.streamViewType(req);
    JsonNode gsiUpdates = req.get("GlobalSecondaryIndexUpdates");
    boolean anything =
        billing != null
            || throughput != null
            || view != null
            || (gsiUpdates != null && !gsiUpdates.isNull())
            || Requests.has(req, "SSESpecification")
            || Requests.has(req, "TableClass")
            || Requests.has(req, "DeletionProtectionEnabled")
            || Requests.has(req, "OnDemandThroughput")
            || Requests.has(req, "WarmThroughput")
            || Requests.has(req, "ReplicaUpdates");
    if (!anything) {
      throw AwsException.validation(
          "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
              + " GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    }
    return db.write(
        () -> {
          Table t = db.tables.get(name);
          if (t == null) {
            throw AwsException.resourceNotFound(
                "Requested resource not found: Table: " + name + " not found");
          }
          String changedIndex = "";
          String indexStatus = "";
          String mode = billing != null ? billing : t.billingMode;
          if (billing != null || throughput != null) {
            ControlPlane.checkBilling(
                mode,
                mode.equals("PROVISIONED")
                        && throughput == null
                        && t.billingMode.equals("PROVISIONED")
                    ? new long[] {t.readCapacity, t.writeCapacity}
                    : throughput);
          }
          if (gsiUpdates != null && !gsiUpdates.isNull()) {
            String[] change = applyIndexUpdates(t, gsiUpdates, newDefs, mode);
            changedIndex = change[0];
            indexStatus = change[1];
          }
          if (view != null) {
            changeStream(t, view);
          }
          if (billing != null && !billing.equals(t.billingMode)) {
            t.billingMode = billing;
            t.billingModeGiven = true;
            if (billing.equals("PAY_PER_REQUEST")) {
              t.payPerRequestSince = db.clock.instant();
              t.readCapacity = 0;
              t.writeCapacity = 0;
            }
          }
          if (throughput != null) {
            t.readCapacity = throughput[0];
            t.writeCapacity = throughput[1];
          }
          ControlPlane.applyCommonSettings(req, t);
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.set(
              "TableDescription",
              TableDescriptions.describe(t, "UPDATING", changedIndex, indexStatus));
          return out;
        });
  }

  private void changeStream(Table t, String view) {
    if (view.isEmpty()) {
      if (t.streamViewType == null) {
        throw AwsException.validation(
            "Table does not have an enabled stream: TableName: " + t.name);
      }
      db.changeLog.disable(t.latestStream.streamArn());
      t.streamViewType = null;
    } else {
      if (t.streamViewType != null) {
        throw AwsException.validation("Table already has an enabled stream: TableName: " + t.name);
      }
      t.latestStream = db.changeLog.enable(t.name, view, ControlPlane.keySchemaModel(t.key));
      t.streamViewType = view;
    }
  }

  /** Applies GSI creates, deletes and throughput updates; returns the changed index and status. */
  private String[] applyIndexUpdates(
      Table t, JsonNode updates, Map<String, String> newDefs, String billing) {
    String[] changed = {"", ""};
    int structural = 0;
    for (JsonNode u : updates) {
      if (Requests.has(u, "Create") || Requests.has(u, "Delete")) {
        structural++;
      }
    }
    if (structural > 1) {
      throw AwsException.dynamo(
          400,
          "LimitExceededException",
          "Subscriber limit exceeded: Only 1 online index can be created or deleted"
              + " simultaneously per table");
    }
    Map<String, String> defs = new LinkedHashMap<>(t.attributeDefinitions);
    for (Map.Entry<String, String> e : newDefs.entrySet()) {
      String old = defs.get(e.getKey());
      if (old != null && !old.equals(e.getValue())) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Attribute "
                + e.getKey()
                + " already exists with a different type");
      }
      defs.put(e.getKey(), e.getValue());
    }
    for (JsonNode u : updates) {
      if (Requests.has(u, "Create")) {
        JsonNode spec = u.get("Create");
        Index index = TableSpecs.index(spec, true, t.key, defs, t.arn);
        if (t.indexes.containsKey(index.name)) {
          throw AwsException.validation(
              "One or more parameter values were invalid: Index with name: "
                  + index.name
                  + " already exists");
        }
        long[] pt = TableSpecs.throughput(spec);
        if (billing.equals("PROVISIONED") && pt == null) {
          throw AwsException.validation(
              "One or more parameter values were invalid: ProvisionedThroughput must be specified"
                  + " for index: "
                  + index.name);
        }
        if (pt != null) {
          index.readCapacity = pt[0];
          index.writeCapacity = pt[1];
        }
        t.backfill(index);
        t.indexes.put(index.name, index);
        t.attributeDefinitions.put(index.key.partitionName(), index.key.partitionType());
        if (index.key.sortName() != null) {
          t.attributeDefinitions.put(index.key.sortName(), index.key.sortType());
        }
        changed[0] = index.name;
        changed[1] = "CREATING";
      } else if (Requests.has(u, "Delete")) {
        String indexName = Requests.requiredText(u.get("Delete"), "IndexName");
        Index index = t.indexes.get(indexName);
        if (index == null || !index.global) {
          throw AwsException.resourceNotFound(
              "Requested resource not found: Index: " + indexName + " not found");
        }
        t.indexes.remove(indexName);
        changed[0] = indexName;
        changed[1] = "DELETING";
      } else if (Requests.has(u, "Update")) {
        String indexName = Requests.requiredText(u.get("Update"), "IndexName");
        Index index = t.indexes.get(indexName);
        if (index == null || !index.global) {
          throw AwsException.resourceNotFound(
              "Requested resource not found: Index: " + indexName + " not found");
        }
        long[] pt = TableSpecs.throughput(u.get("Update"));
        if (pt != null) {
          index.readCapacity = pt[0];
          index.writeCapacity = pt[1];
        }
        if (changed[0].isEmpty()) {
          changed[0] = indexName;
          changed[1] = "UPDATING";
        }
      }
    }
    pruneDefinitions(t);
    return changed;
  }

  /** Drops attribute definitions that no key of the table or its indexes uses any more. */
  private static void pruneDefinitions(Table t) {
    Set<String> used = new HashSet<>();
    used.add(t.key.partitionName());
    used.add(t.key.sortName());
    for (Index i : t.indexes.values()) {
      used.add(i.key.partitionName());
      used.add(i.key.sortName());
    }
    t.attributeDefinitions.keySet().retainAll(used);
  }
}
