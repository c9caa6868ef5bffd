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
package dev.ddbstreams.emulator.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between the wire form of attribute values ({@code {"S":"x"}}, {@code {"N":"1"}}, {@code
 * {"B":"base64"}}, ...) and the SDK's {@link AttributeValue}, which the emulator uses as its value
 * model.
 *
 * <p>Only the shape is checked here (one type key, the right JSON type under it); the service's
 * data rules (number range, empty sets, duplicates) are checked by the callers. Errors name the
 * attribute path, never a value.
 */
public final class AttributeValueJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
  private static final Base64.Encoder B64_ENCODER = Base64.getEncoder();

  private AttributeValueJson() {}

  /** Reads an item (attribute name to value) such as a request's {@code Item} or {@code Key}. */
  public static Map<String, AttributeValue> readItem(JsonNode node, String field) {
    if (!node.isObject()) {
      throw AwsException.validation(
          "1 validation error detected: Value at '"
              + field
              + "' failed to satisfy constraint:"
              + " Member must be a map");
    }
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      item.put(e.getKey(), readValue(e.getValue(), e.getKey()));
    }
    return item;
  }

  /** Reads one attribute value; {@code path} names it in error messages. */
  public static AttributeValue readValue(JsonNode node, String path) {
    if (!node.isObject() || node.size() != 1) {
      throw AwsException.validation(
          "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the"
              + " supported datatypes (attribute "
              + path
              + ")");
    }
    Map.Entry<String, JsonNode> e = node.properties().iterator().next();
    JsonNode v = e.getValue();
    switch (e.getKey()) {
      case "S":
        return AttributeValue.fromS(text(v, path));
      case "N":
        return AttributeValue.fromN(text(v, path));
      case "B":
        return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(binary(v, path)));
      case "BOOL":
        if (!v.isBoolean()) {
          throw shape(path, "BOOL");
        }
        return AttributeValue.fromBool(v.booleanValue());
      case "NULL":
        if (!v.isBoolean() || !v.booleanValue()) {
          throw AwsException.validation(
              "One or more parameter values were invalid: Null attribute value types must have the"
                  + " value of true (attribute "
                  + path
                  + ")");
        }
        return AttributeValue.fromNul(true);
      case "SS":
        {
          List<String> out = new ArrayList<>();
          for (JsonNode x : array(v, path)) {
            out.add(text(x, path));
          }
          return AttributeValue.fromSs(out);
        }
      case "NS":
        {
          List<String> out = new ArrayList<>();
          for (JsonNode x : array(v, path)) {
            out.add(text(x, path));
          }
          return AttributeValue.fromNs(out);
        }
      case "BS":
        {
          List<SdkBytes> out = new ArrayList<>();
          for (JsonNode x : array(v, path)) {
            out.add(SdkBytes.fromByteArrayUnsafe(binary(x, path)));
          }
          return AttributeValue.fromBs(out);
        }
      case "L":
        {
          List<AttributeValue> out = new ArrayList<>();
          int i = 0;
          for (JsonNode x : array(v, path)) {
            out.add(readValue(x, path + "[" + i++ + "]"));
          }
          return AttributeValue.fromL(out);
        }
      case "M":
        {
          if (!v.isObject()) {
            throw shape(path, "M");
          }
          Map<String, AttributeValue> out = new LinkedHashMap<>();
          for (Map.Entry<String, JsonNode> m : v.properties()) {
            out.put(m.getKey(), readValue(m.getValue(), path + "." + m.getKey()));
          }
          return AttributeValue.fromM(out);
        }
      default:
        throw AwsException.validation(
            "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                + " (attribute "
                + path
                + ")");
    }
  }

  /** Writes an item as a JSON object of attribute values. */
  public static ObjectNode writeItem(Map<String, AttributeValue> item) {
    ObjectNode out = JSON.objectNode();
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      out.set(e.getKey(), writeValue(e.getValue()));
    }
    return out;
  }

  /** Writes one attribute value in its wire form. */
  public static ObjectNode writeValue(AttributeValue value) {
    ObjectNode out = JSON.objectNode();
    switch (value.type()) {
      case S:
        out.put("S", value.s());
        break;
      case N:
        out.put("N", value.n());
        break;
      case B:
        out.put("B", B64_ENCODER.encodeToString(value.b().asByteArrayUnsafe()));
        break;
      case BOOL:
        out.put("BOOL", value.bool());
        break;
      case NUL:
        out.put("NULL", true);
        break;
      case SS:
        {
          ArrayNode a = out.putArray("SS");
          value.ss().forEach(a::add);
          break;
        }
      case NS:
        {
          ArrayNode a = out.putArray("NS");
          value.ns().forEach(a::add);
          break;
        }
      case BS:
        {
          ArrayNode a = out.putArray("BS");
          value.bs().forEach(b -> a.add(B64_ENCODER.encodeToString(b.asByteArrayUnsafe())));
          break;
        }
      case L:
        {
          ArrayNode a = out.putArray("L");
          value.l().forEach(x -> a.add(writeValue(x)));
          break;
        }
      case M:
        out.set("M", writeItem(value.m()));
        break;
      default:
        throw new IllegalStateException("Attribute value of unknown type " + value.type());
    }
    return out;
  }

  private static String text(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw shape(path, "a string");
    }
    return v.textValue();
  }

  private static byte[] binary(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw shape(path, "base64 text");
    }
    try {
      return B64_DECODER.decode(v.textValue());
    } catch (IllegalArgumentException e) {
      throw AwsException.validation("Invalid base64 binary value (attribute " + path + ")");
    }
  }

  private static ArrayNode array(JsonNode v, String path) {
    if (!v.isArray()) {
      throw shape(path, "a list");
    }
    return (ArrayNode) v;
  }

  private static AwsException shape(String path, String expected) {
    return AwsException.validation(
        "Start of structure or map found where not expected; expected "
            + expected
            + " (attribute "
            + path
            + ")");
  }
}
