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

/**
 * Table settings apart from the schema: Time to Live, tags, continuous backups (accepted and
 * echoed; no backups are taken), and the account limits.
 */
final class TableSettings {

  private final Database db;

  TableSettings(Database db) {
    this.db = db;
  }

  void register(OperationRegistry r) {
    r.dynamoDb("UpdateTimeToLive", this::updateTimeToLive);
    r.dynamoDb("DescribeTimeToLive", this::describeTimeToLive);
    r.dynamoDb("TagResource", this::tagResource);
    r.dynamoDb("UntagResource", this::untagResource);
    r.dynamoDb("ListTagsOfResource", this::listTags);
    r.dynamoDb("DescribeContinuousBackups", this::describeBackups);
    r.dynamoDb("UpdateContinuousBackups", this::updateBackups);
    r.dynamoDb("DescribeLimits", req -> limits());
  }

  private JsonNode updateTimeToLive(ObjectNode req) {
    String name = Requests.tableName(req);
    JsonNode spec = req.get("TimeToLiveSpecification");
    if (spec == null || spec.isNull()) {
      throw Requests.missing("TimeToLiveSpecification");
    }
    Boolean enabled = Requests.optBool(spec, "Enabled");
    if (enabled == null) {
      throw Requests.missing("Enabled");
    }
    String attribute = Requests.requiredText(spec, "AttributeName");
    return db.write(
        () -> {
          Table t = db.table(name);
          if (enabled) {
            if (t.ttlAttribute != null) {
              throw AwsException.validation("TimeToLive is already enabled");
            }
            t.ttlAttribute = attribute;
          } else {
            if (t.ttlAttribute == null) {
              throw AwsException.validation("TimeToLive is already disabled");
            }
            if (!t.ttlAttribute.equals(attribute)) {
              throw AwsException.validation(
                  "TimeToLive is active on a different AttributeName: current AttributeName is "
                      + t.ttlAttribute);
            }
            t.ttlAttribute = null;
          }
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          out.putObject("TimeToLiveSpecification")
              .put("Enabled", enabled)
              .put("AttributeName", attribute);
          return out;
        });
  }

  private JsonNode describeTimeToLive(ObjectNode req) {
    String name = Requests.tableName(req);
    return db.read(
        () -> {
          Table t = db.table(name);
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          ObjectNode d = out.putObject("TimeToLiveDescription");
          if (t.ttlAttribute == null) {
            d.put("TimeToLiveStatus", "DISABLED");
          } else {
            d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", t.ttlAttribute);
          }
          return out;
        });
  }

  private Table byArn(String arn) {
    String prefix = db.tableArn("");
    if (arn.startsWith(prefix)) {
      Table t = db.tables.get(arn.substring(prefix.length()));
      if (t != null) {
        return t;
      }
    }
    throw AwsException.resourceNotFound(
        "Requested resource not found: ResourceArn: " + arn + " not found");
  }

  private JsonNode tagResource(ObjectNode req) {
    String arn = Requests.requiredText(req, "ResourceArn");
    JsonNode tags = req.get("Tags");
    if (tags == null || tags.isNull()) {
      throw Requests.missing("Tags");
    }
    return db.write(
        () -> {
          ControlPlane.readTags(tags, byArn(arn).tags);
          return JsonNodeFactory.instance.objectNode();
        });
  }

  private JsonNode untagResource(ObjectNode req) {
    String arn = Requests.requiredText(req, "ResourceArn");
    JsonNode keys = req.get("TagKeys");
    if (keys == null || keys.isNull()) {
      throw Requests.missing("TagKeys");
    }
    return db.write(
        () -> {
          Table t = byArn(arn);
          for (JsonNode k : keys) {
            t.tags.remove(k.asText());
          }
          return JsonNodeFactory.instance.objectNode();
        });
  }

  private JsonNode listTags(ObjectNode req) {
    String arn = Requests.requiredText(req, "ResourceArn");
    return db.read(
        () -> {
          ObjectNode out = JsonNodeFactory.instance.objectNode();
          ArrayNode tags = out.putArray("Tags");
          byArn(arn).tags.forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
          return out;
        });
  }

  private JsonNode describeBackups(ObjectNode req) {
    String name = Requests.tableName(req);
    return db.read(() -> backups(db.table(name)));
  }

  private JsonNode updateBackups(ObjectNode req) {
    String name = Requests.tableName(req);
    JsonNode spec = req.get("PointInTimeRecoverySpecification");
    if (spec == null || spec.isNull()) {
      throw Requests.missing("PointInTimeRecoverySpecification");
    }
    Boolean enabled = Requests.optBool(spec, "PointInTimeRecoveryEnabled");
    if (enabled == null) {
      throw Requests.missing("PointInTimeRecoveryEnabled");
    }
    return db.write(
        () -> {
          Table t = db.table(name);
          t.pointInTimeRecovery = enabled;
          return backups(t);
        });
  }

  private ObjectNode backups(Table t) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode d = out.putObject("ContinuousBackupsDescription");
    d.put("ContinuousBackupsStatus", "ENABLED");
    ObjectNode p = d.putObject("PointInTimeRecoveryDescription");
    p.put("PointInTimeRecoveryStatus", t.pointInTimeRecovery ? "ENABLED" : "DISABLED");
    if (t.pointInTimeRecovery) {
      p.put("RecoveryPeriodInDays", 35);
    }
    return out;
  }

  private static JsonNode limits() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("AccountMaxReadCapacityUnits", 80000)
        .put("AccountMaxWriteCapacityUnits", 80000)
        .put("TableMaxReadCapacityUnits", 40000)
        .put("TableMaxWriteCapacityUnits", 40000);
  }
}
