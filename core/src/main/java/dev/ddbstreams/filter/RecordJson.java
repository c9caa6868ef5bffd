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
package dev.ddbstreams.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Builds the part of a record's Lambda JSON that a pattern mentions: only the fields named in the
 * pattern are converted, so a pattern on {@code dynamodb.Keys.SK} never touches the images.
 */
final class RecordJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private RecordJson() {}

  /**
   * Projects a record onto a pattern's fields.
   *
   * @param pattern the checked pattern tree
   * @param record the SDK record
   * @param streamArn the stream ARN for {@code eventSourceARN}, if known
   * @return the record's JSON, holding only fields the pattern names
   */
  static ObjectNode project(ObjectNode pattern, Record record, @Nullable String streamArn) {
    ObjectNode out = JSON.objectNode();
    for (Map.Entry<String, JsonNode> e : pattern.properties()) {
      String name = e.getKey();
      JsonNode value =
          switch (name) {
            case "eventID" -> text(record.eventID());
            case "eventName" -> text(record.eventNameAsString());
            case "eventVersion" -> text(record.eventVersion());
            case "eventSource" -> text(record.eventSource());
            case "awsRegion" -> text(record.awsRegion());
            case "eventSourceARN" -> text(streamArn);
            case "userIdentity" -> identity(record.userIdentity());
            case "dynamodb" ->
                record.dynamodb() == null ? null : dynamodb(e.getValue(), record.dynamodb());
            default -> null;
          };
      if (value != null) {
        out.set(name, value);
      }
    }
    return out;
  }

  private static @Nullable JsonNode dynamodb(JsonNode pattern, StreamRecord body) {
    if (!pattern.isObject()) {
      return JSON.objectNode(); // an object: only 'exists' can be asked of it, and it never holds
    }
    ObjectNode out = JSON.objectNode();
    for (Iterator<String> it = pattern.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode value =
          switch (name) {
            case "Keys" -> body.hasKeys() ? image(pattern.get(name), body.keys()) : null;
            case "NewImage" ->
                body.hasNewImage() ? image(pattern.get(name), body.newImage()) : null;
            case "OldImage" ->
                body.hasOldImage() ? image(pattern.get(name), body.oldImage()) : null;
            case "SequenceNumber" -> text(body.sequenceNumber());
            case "SizeBytes" -> body.sizeBytes() == null ? null : JSON.numberNode(body.sizeBytes());
            case "StreamViewType" -> text(body.streamViewTypeAsString());
            case "ApproximateCreationDateTime" -> seconds(body.approximateCreationDateTime());
            default -> null;
          };
      if (value != null) {
        out.set(name, value);
      }
    }
    return out;
  }

  private static JsonNode image(JsonNode pattern, Map<String, AttributeValue> image) {
    ObjectNode out = JSON.objectNode();
    if (!pattern.isObject()) {
      return out;
    }
    for (Iterator<String> it = pattern.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      AttributeValue value = image.get(name);
      if (value != null) {
        out.set(name, attribute(value));
      }
    }
    return out;
  }

  /**
   * Converts an attribute value to DynamoDB JSON, as Lambda delivers it.
   *
   * @param value the attribute value
   * @return its JSON, such as {@code {"S": "dog"}}
   */
  static ObjectNode attribute(AttributeValue value) {
    ObjectNode out = JSON.objectNode();
    switch (value.type()) {
      case S -> out.put("S", value.s());
      case N -> out.put("N", value.n());
      case B -> out.put("B", base64(value.b()));
      case BOOL -> out.put("BOOL", value.bool());
      case NUL -> out.put("NULL", true);
      case SS -> out.set("SS", strings(value.ss()));
      case NS -> out.set("NS", strings(value.ns()));
      case BS -> {
        ArrayNode list = out.putArray("BS");
        value.bs().forEach(b -> list.add(base64(b)));
      }
      case L -> {
        ArrayNode list = out.putArray("L");
        value.l().forEach(v -> list.add(attribute(v)));
      }
      case M -> {
        ObjectNode map = out.putObject("M");
        value.m().forEach((k, v) -> map.set(k, attribute(v)));
      }
      default -> {
        // An unknown type has no Lambda JSON form; it matches nothing.
      }
    }
    return out;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode list = JSON.arrayNode(values.size());
    values.forEach(list::add);
    return list;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }

  private static @Nullable JsonNode identity(@Nullable Identity identity) {
    if (identity == null) {
      return null;
    }
    ObjectNode out = JSON.objectNode();
    if (identity.type() != null) {
      out.put("type", identity.type());
    }
    if (identity.principalId() != null) {
      out.put("principalId", identity.principalId());
    }
    return out;
  }

  private static @Nullable JsonNode seconds(@Nullable Instant time) {
    if (time == null) {
      return null;
    }
    return JSON.numberNode(
        BigDecimal.valueOf(time.getEpochSecond()).add(BigDecimal.valueOf(time.getNano(), 9)));
  }

  private static @Nullable JsonNode text(@Nullable String value) {
    return value == null ? null : JSON.textNode(value);
  }
}
