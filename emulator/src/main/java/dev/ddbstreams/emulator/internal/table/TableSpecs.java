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
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reading the table and index definitions of CreateTable and UpdateTable (attribute definitions,
 * key schemas, projections, throughput) with the service's validation.
 */
final class TableSpecs {

  private static final Set<String> TYPES = Set.of("S", "N", "B");

  private TableSpecs() {}

  static void checkTableName(String name, String field) {
    if (name.length() < 3 || name.length() > 255) {
      throw AwsException.validation(
          "1 validation error detected: Value '"
              + name
              + "' at '"
              + field
              + "' failed to satisfy constraint: Member must have length "
              + (name.length() < 3 ? "greater than or equal to 3" : "less than or equal to 255"));
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      if (!ok) {
        throw AwsException.validation(
            "1 validation error detected: Value '"
                + name
                + "' at '"
                + field
                + "' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                + " [a-zA-Z0-9_.-]+");
      }
    }
  }

  /** The {@code AttributeDefinitions}: name to type. */
  static Map<String, String> attributeDefinitions(JsonNode request, boolean required) {
    JsonNode n = request.get("AttributeDefinitions");
    Map<String, String> defs = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      if (required) {
        throw Requests.missing("AttributeDefinitions");
      }
      return defs;
    }
    for (JsonNode d : n) {
      String name = Requests.requiredText(d, "AttributeName");
      String type = Requests.requiredText(d, "AttributeType");
      if (!TYPES.contains(type)) {
        throw AwsException.validation(
            "1 validation error detected: Value '"
                + type
                + "' at 'attributeDefinitions.member.attributeType' failed to satisfy constraint:"
                + " Member must satisfy enum value set: [B, N, S]");
      }
      if (defs.put(name, type) != null) {
        throw AwsException.validation("Cannot have two attributes with the same name");
      }
    }
    return defs;
  }

  /** A {@code KeySchema} array, each attribute typed by {@code defs}. */
  static KeySchema keySchema(@Nullable JsonNode n, Map<String, String> defs) {
    if (n == null || n.isNull()) {
      throw Requests.missing("KeySchema");
    }
    if (!n.isArray() || n.isEmpty() || n.size() > 2) {
      throw AwsException.validation(
          "1 validation error detected: Value at 'keySchema' failed to satisfy constraint: Member"
              + " must have length "
              + (n.size() > 2 ? "less than or equal to 2" : "greater than or equal to 1"));
    }
    String hash = Requests.requiredText(n.get(0), "AttributeName");
    if (!"HASH".equals(Requests.requiredText(n.get(0), "KeyType"))) {
      throw AwsException.validation(
          "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    String range = null;
    if (n.size() == 2) {
      range = Requests.requiredText(n.get(1), "AttributeName");
      if (!"RANGE".equals(Requests.requiredText(n.get(1), "KeyType"))) {
        throw AwsException.validation(
            "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
      }
      if (range.equals(hash)) {
        throw AwsException.validation(
            "Both the Hash Key and the Range Key element in the KeySchema have the same name");
      }
    }
    List<String> missing = new ArrayList<>();
    if (!defs.containsKey(hash)) {
      missing.add(hash);
    }
    if (range != null && !defs.containsKey(range)) {
      missing.add(range);
    }
    if (!missing.isEmpty()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Some index key attributes are not defined in"
              + " AttributeDefinitions. Keys: "
              + missing
              + ", AttributeDefinitions: "
              + defs.keySet());
    }
    return new KeySchema(hash, defs.get(hash), range, range == null ? null : defs.get(range));
  }

  /** One index definition of CreateTable or UpdateTable. */
  static Index index(
      JsonNode spec,
      boolean global,
      KeySchema tableKey,
      Map<String, String> defs,
      String tableArn) {
    String name = Requests.requiredText(spec, "IndexName");
    checkTableName(name, "indexName");
    KeySchema key = keySchema(spec.get("KeySchema"), defs);
    if (!global) {
      if (!tableKey.hasSort()) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Table KeySchema does not have a range key,"
                + " which is required when specifying a LocalSecondaryIndex");
      }
      if (!key.partitionName().equals(tableKey.partitionName())) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Index KeySchema does not have the same"
                + " leading hash key as table KeySchema for index: "
                + name
                + ". index hash key: "
                + key.partitionName()
                + ", table hash key: "
                + tableKey.partitionName());
      }
      if (!key.hasSort()) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Index KeySchema does not have a range key"
                + " for index: "
                + name);
      }
    }
    JsonNode projection = spec.get("Projection");
    if (projection == null || projection.isNull()) {
      throw Requests.missing("Projection");
    }
    String type =
        Requests.choice(projection, "ProjectionType", List.of("ALL", "KEYS_ONLY", "INCLUDE"), "");
    if (type.isEmpty()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Unknown ProjectionType: null");
    }
    List<String> nonKey = new ArrayList<>();
    JsonNode nk = projection.get("NonKeyAttributes");
    if (nk != null && !nk.isNull()) {
      for (JsonNode a : nk) {
        nonKey.add(a.asText());
      }
    }
    if (type.equals("INCLUDE") && nonKey.isEmpty()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: ProjectionType is INCLUDE, but"
              + " NonKeyAttributes is not specified");
    }
    if (!type.equals("INCLUDE") && nk != null && !nk.isNull()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: ProjectionType is "
              + type
              + ", but NonKeyAttributes is specified");
    }
    return new Index(name, global, key, tableKey, type, nonKey, tableArn + "/index/" + name);
  }

  /** Reads {@code ProvisionedThroughput}; returns {read, write}, or null if absent. */
  static long @Nullable [] throughput(JsonNode spec) {
    JsonNode pt = spec.get("ProvisionedThroughput");
    if (pt == null || pt.isNull()) {
      return null;
    }
    Long r = Requests.number(pt, "ReadCapacityUnits");
    Long w = Requests.number(pt, "WriteCapacityUnits");
    if (r == null || w == null) {
      throw AwsException.validation(
          "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must"
              + " both be specified");
    }
    if (r < 1 || w < 1) {
      throw AwsException.validation(
          "1 validation error detected: Value '"
              + Math.min(r, w)
              + "' at 'provisionedThroughput."
              + (r < 1 ? "readCapacityUnits" : "writeCapacityUnits")
              + "' failed to satisfy constraint: Member must have value greater than or equal to"
              + " 1");
    }
    return new long[] {r, w};
  }

  /** Reads {@code StreamSpecification}: the view type when enabled, "" when disabled, or null. */
  static @Nullable String streamViewType(JsonNode request) {
    JsonNode spec = request.get("StreamSpecification");
    if (spec == null || spec.isNull()) {
      return null;
    }
    Boolean enabled = Requests.optBool(spec, "StreamEnabled");
    if (enabled == null) {
      throw Requests.missing("StreamEnabled");
    }
    String view =
        Requests.choice(
            spec,
            "StreamViewType",
            List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"),
            "");
    if (enabled && view.isEmpty()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: StreamViewType is required when"
              + " StreamEnabled is true");
    }
    if (!enabled && !view.isEmpty()) {
      throw AwsException.validation(
          "One or more parameter values were invalid: StreamViewType cannot be specified when"
              + " StreamEnabled is false");
    }
    return enabled ? view : "";
  }
}
