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
package dev.ddbstreams.backfill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A scan's {@code LastEvaluatedKey} in DynamoDB's JSON form ({@code {"PK": {"S": "USER#1"}}}), for
 * checkpoint files. Keys hold only S, N and B attributes.
 */
final class KeyJson {
  private KeyJson() {}

  static ObjectNode write(Map<String, AttributeValue> key) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    key.forEach(
        (name, value) -> {
          ObjectNode typed = out.putObject(name);
          if (value.s() != null) {
            typed.put("S", value.s());
          } else if (value.n() != null) {
            typed.put("N", value.n());
          } else if (value.b() != null) {
            typed.put("B", Base64.getEncoder().encodeToString(value.b().asByteArrayUnsafe()));
          } else {
            throw new IllegalArgumentException(
                "key attribute '" + name + "' is not of type S, N or B");
          }
        });
    return out;
  }

  static Map<String, AttributeValue> read(JsonNode node) {
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode typed = e.getValue();
      if (typed.hasNonNull("S")) {
        key.put(e.getKey(), AttributeValue.fromS(typed.get("S").asText()));
      } else if (typed.hasNonNull("N")) {
        key.put(e.getKey(), AttributeValue.fromN(typed.get("N").asText()));
      } else if (typed.hasNonNull("B")) {
        key.put(
            e.getKey(),
            AttributeValue.fromB(
                SdkBytes.fromByteArray(Base64.getDecoder().decode(typed.get("B").asText()))));
      } else {
        throw new IllegalArgumentException(
            "key attribute '" + e.getKey() + "' is not of type S, N or B");
      }
    }
    return key;
  }
}
