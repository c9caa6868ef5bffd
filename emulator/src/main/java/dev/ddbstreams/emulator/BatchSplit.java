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
package dev.ddbstreams.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.internal.protocol.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a BatchWriteItem or BatchGetItem on the first half of its requests and answers the second
 * half as {@code UnprocessedItems} or {@code UnprocessedKeys}, for the {@link
 * Fault.Kind#UNPROCESSED} fault. A batch of one request is left wholly unprocessed.
 */
final class BatchSplit {

  private BatchSplit() {}

  static JsonNode run(String operation, ObjectNode request, Operation handler) {
    boolean write = operation.equals("BatchWriteItem");
    JsonNode items = request.path("RequestItems");
    List<String> tables = new ArrayList<>();
    List<JsonNode> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : items.properties()) {
      JsonNode list = write ? e.getValue() : e.getValue().path("Keys");
      for (JsonNode entry : list) {
        tables.add(e.getKey());
        entries.add(entry);
      }
    }
    int keep = entries.size() / 2;
    ObjectNode processed = JsonNodeFactory.instance.objectNode();
    ObjectNode unprocessed = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < entries.size(); i++) {
      ObjectNode target = i < keep ? processed : unprocessed;
      String table = tables.get(i);
      if (write) {
        ArrayNode list = target.has(table) ? (ArrayNode) target.get(table) : target.putArray(table);
        list.add(entries.get(i));
      } else {
        if (!target.has(table)) {
          ObjectNode spec = items.get(table).deepCopy();
          spec.putArray("Keys");
          target.set(table, spec);
        }
        ((ArrayNode) target.get(table).get("Keys")).add(entries.get(i));
      }
    }
    ObjectNode result;
    if (keep == 0) {
      result = JsonNodeFactory.instance.objectNode();
      if (!write) {
        result.putObject("Responses");
      }
    } else {
      ObjectNode smaller = request.deepCopy();
      smaller.set("RequestItems", processed);
      result = (ObjectNode) handler.handle(smaller);
    }
    result.set(write ? "UnprocessedItems" : "UnprocessedKeys", unprocessed);
    return result;
  }
}
