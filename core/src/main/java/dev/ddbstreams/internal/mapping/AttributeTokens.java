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
package dev.ddbstreams.internal.mapping;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.internal.AttributePath;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes an image as Jackson tokens, so Jackson can bind it to any type without an intermediate
 * JSON text or tree. Numbers are written exactly: integral values as {@code long} or {@code
 * BigInteger} tokens, others as {@code BigDecimal}, which lets Jackson reject a value that does not
 * fit its field instead of truncating it.
 */
final class AttributeTokens {
  private final JsonGenerator out;
  private final String targetType;

  AttributeTokens(JsonGenerator out, String targetType) {
    this.out = out;
    this.targetType = targetType;
  }

  void writeImage(Map<String, AttributeValue> image) throws IOException {
    writeMap(image, "");
  }

  private void writeMap(Map<String, AttributeValue> map, String path) throws IOException {
    out.writeStartObject();
    for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
      out.writeFieldName(e.getKey());
      writeValue(e.getValue(), path.isEmpty() ? e.getKey() : null, path, e.getKey());
    }
    out.writeEndObject();
  }

  /**
   * Writes one value. The path is built only when something fails: {@code knownPath} is the
   * finished path where it costs nothing, otherwise {@code parent} and {@code name} make it.
   */
  private void writeValue(AttributeValue value, String knownPath, String parent, Object name)
      throws IOException {
    AttributeValue.Type type = value == null ? null : value.type();
    if (type == null) {
      throw failure(knownPath, parent, name, "attribute value has no type");
    }
    switch (type) {
      case S -> out.writeString(value.s());
      case N -> writeNumber(value.n(), knownPath, parent, name);
      case B -> out.writeBinary(value.b().asByteArrayUnsafe());
      case BOOL -> out.writeBoolean(value.bool());
      case NUL -> out.writeNull();
      case SS -> {
        out.writeStartArray();
        for (String s : value.ss()) {
          out.writeString(s);
        }
        out.writeEndArray();
      }
      case NS -> {
        out.writeStartArray();
        List<String> ns = value.ns();
        for (int i = 0; i < ns.size(); i++) {
          writeNumber(ns.get(i), null, path(knownPath, parent, name), i);
        }
        out.writeEndArray();
      }
      case BS -> {
        out.writeStartArray();
        for (SdkBytes b : value.bs()) {
          out.writeBinary(b.asByteArrayUnsafe());
        }
        out.writeEndArray();
      }
      case L -> {
        out.writeStartArray();
        List<AttributeValue> list = value.l();
        String here = list.isEmpty() ? "" : path(knownPath, parent, name);
        for (int i = 0; i < list.size(); i++) {
          writeValue(list.get(i), null, here, i);
        }
        out.writeEndArray();
      }
      case M -> writeMap(value.m(), path(knownPath, parent, name));
      default -> throw failure(knownPath, parent, name, "unknown attribute type");
    }
  }

  private void writeNumber(String text, String knownPath, String parent, Object name)
      throws IOException {
    BigDecimal number = DynamoNumbers.parse(text);
    if (number == null) {
      throw failure(knownPath, parent, name, "N attribute is not a valid number");
    }
    if (!NumberTokens.inDynamoDbRange(number)) {
      throw failure(knownPath, parent, name, "N attribute is outside DynamoDB's number range");
    }
    Number token = NumberTokens.of(number);
    if (token instanceof Long l) {
      out.writeNumber(l.longValue());
    } else if (token instanceof BigInteger b) {
      out.writeNumber(b);
    } else {
      out.writeNumber((BigDecimal) token);
    }
  }

  private ImageMappingException failure(
      String knownPath, String parent, Object name, String reason) {
    return new ImageMappingException(targetType, path(knownPath, parent, name), reason);
  }

  private static String path(String knownPath, String parent, Object name) {
    if (knownPath != null) {
      return knownPath;
    }
    return name instanceof Integer i
        ? AttributePath.indexText(parent, i)
        : AttributePath.childText(parent, (String) name);
  }
}
