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

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** Writes a table as DescribeTable's {@code Table} (and CreateTable's {@code TableDescription}). */
final class TableDescriptions {

  private TableDescriptions() {}

  /**
   * @param status the table status to report ({@code ACTIVE}, {@code CREATING}, ...)
   * @param changedIndex an index whose status differs from ACTIVE, or ""
   * @param indexStatus the status of that index
   */
  static ObjectNode describe(Table t, String status, String changedIndex, String indexStatus) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode defs = o.putArray("AttributeDefinitions");
    t.attributeDefinitions.forEach(
        (n, type) -> defs.addObject().put("AttributeName", n).put("AttributeType", type));
    o.put("TableName", t.name);
    o.set("KeySchema", t.key.toJson());
    o.put("TableStatus", status);
    o.put("CreationDateTime", epochSeconds(t.created));
    o.set("ProvisionedThroughput", throughput(t.readCapacity, t.writeCapacity));
    o.put("TableSizeBytes", t.sizeBytes);
    o.put("ItemCount", t.rows.size());
    o.put("TableArn", t.arn);
    o.put("TableId", t.id);
    ObjectNode billing = o.putObject("BillingModeSummary").put("BillingMode", t.billingMode);
    if (t.payPerRequestSince != null) {
      billing.put("LastUpdateToPayPerRequestDateTime", epochSeconds(t.payPerRequestSince));
    }
    ArrayNode gsis = JsonNodeFactory.instance.arrayNode();
    ArrayNode lsis = JsonNodeFactory.instance.arrayNode();
    for (Index index : t.indexes.values()) {
      ObjectNode i = (index.global ? gsis : lsis).addObject();
      i.put("IndexName", index.name);
      i.set("KeySchema", index.key.toJson());
      ObjectNode p = i.putObject("Projection").put("ProjectionType", index.projectionType);
      if (index.projectionType.equals("INCLUDE")) {
        ArrayNode nk = p.putArray("NonKeyAttributes");
        index.nonKeyAttributes.forEach(nk::add);
      }
      if (index.global) {
        i.put("IndexStatus", index.name.equals(changedIndex) ? indexStatus : "ACTIVE");
        i.put("Backfilling", false);
        i.set("ProvisionedThroughput", throughput(index.readCapacity, index.writeCapacity));
      }
      i.put("IndexSizeBytes", index.sizeBytes);
      i.put("ItemCount", index.rows.size());
      i.put("IndexArn", index.arn);
    }
    if (!gsis.isEmpty()) {
      o.set("GlobalSecondaryIndexes", gsis);
    }
    if (!lsis.isEmpty()) {
      o.set("LocalSecondaryIndexes", lsis);
    }
    if (t.streamViewType != null) {
      o.putObject("StreamSpecification")
          .put("StreamEnabled", true)
          .put("StreamViewType", t.streamViewType);
    }
    if (t.latestStream != null) {
      o.put("LatestStreamLabel", t.latestStream.streamLabel());
      o.put("LatestStreamArn", t.latestStream.streamArn());
    }
    if (t.sseSpecification != null && t.sseSpecification.path("Enabled").asBoolean(false)) {
      ObjectNode sse = o.putObject("SSEDescription").put("Status", "ENABLED");
      sse.put("SSEType", t.sseSpecification.path("SSEType").asText("KMS"));
      String key = t.sseSpecification.path("KMSMasterKeyId").asText("");
      sse.put(
          "KMSMasterKeyArn",
          key.startsWith("arn:")
              ? key
              : t.arn
                  .replace(":dynamodb:", ":kms:")
                  .replaceFirst(":table/.*", ":key/" + (key.isEmpty() ? "aws/dynamodb" : key)));
    }
    o.putObject("TableClassSummary").put("TableClass", t.tableClass);
    o.put("DeletionProtectionEnabled", t.deletionProtection);
    if (t.onDemandThroughput != null) {
      o.set("OnDemandThroughput", t.onDemandThroughput);
    }
    return o;
  }

  private static ObjectNode throughput(long read, long write) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("NumberOfDecreasesToday", 0)
        .put("ReadCapacityUnits", read)
        .put("WriteCapacityUnits", write);
  }

  static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3);
  }
}
