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
package dev.ddbstreams.lambda.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads DynamoDB JSON attribute values ({@code {"S": "..."}}, {@code {"M": {...}}}, ...) from a
 * parser into SDK attribute values. Shared by the event scan (keys) and the lazy images. A problem
 * is an {@link AttributeProblem} saying what is wrong, never a value; the caller adds the record
 * and takes the path from the parser.
 */
final class AttributeJson {
  private AttributeJson() {}

  /** What is wrong with an attribute value; the parser's position says where. No stack trace. */
  static final class AttributeProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AttributeProblem(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * Reads an object of attributes, the parser on its START_OBJECT, into a map for lookups: an image
   * handed to mappers as it is.
   */
  static Map<String, AttributeValue> image(JsonParser p, JsonToken start) throws IOException {
    expect(start, JsonToken.START_OBJECT, "an object of attributes");
    Map<String, AttributeValue> out = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      out.put(name, value(p, p.nextToken()));
    }
    return out;
  }

  /**
   * Reads an object of attributes into an {@link AttributeArray}: for an SDK builder, which copies
   * it at once (keys, a value's {@code M}).
   */
  static Map<String, AttributeValue> copiedImage(JsonParser p, JsonToken start) throws IOException {
    expect(start, JsonToken.START_OBJECT, "an object of attributes");
    AttributeArray out = new AttributeArray();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      out.add(name, value(p, p.nextToken()));
    }
    return out;
  }

  private static AttributeValue value(JsonParser p, @Nullable JsonToken start) throws IOException {
    if (start == JsonToken.VALUE_NULL) {
      throw new AttributeProblem("attribute value is null");
    }
    expect(start, JsonToken.START_OBJECT, "an attribute value object");
    AttributeValue.Builder b = AttributeValue.builder();
    boolean typed = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String type = p.currentName();
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      typed = true;
      switch (type) {
        case "S" -> b.s(text(p, value));
        case "N" -> b.n(text(p, value));
        case "B" -> b.b(binary(p, value));
        case "SS" -> b.ss(strings(p, value));
        case "NS" -> b.ns(strings(p, value));
        case "BS" -> b.bs(binaries(p, value));
        case "M" -> b.m(copiedImage(p, value));
        case "L" -> b.l(list(p, value));
        case "NULL" -> b.nul(bool(value));
        case "BOOL" -> b.bool(bool(value));
        default -> throw new AttributeProblem("unknown attribute type " + type);
      }
    }
    if (!typed) {
      throw new AttributeProblem("attribute value has no type");
    }
    return b.build();
  }

  private static List<String> strings(JsonParser p, JsonToken start) throws IOException {
    expect(start, JsonToken.START_ARRAY, "an array of strings");
    List<String> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      expect(t, JsonToken.VALUE_STRING, "a string");
      out.add(p.getText());
    }
    return out;
  }

  private static List<SdkBytes> binaries(JsonParser p, JsonToken start) throws IOException {
    expect(start, JsonToken.START_ARRAY, "an array of base64 strings");
    List<SdkBytes> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(binary(p, t));
    }
    return out;
  }

  private static SdkBytes binary(JsonParser p, @Nullable JsonToken value) throws IOException {
    expect(value, JsonToken.VALUE_STRING, "a base64 string");
    return SdkBytes.fromByteArrayUnsafe(p.getBinaryValue());
  }

  private static List<AttributeValue> list(JsonParser p, JsonToken start) throws IOException {
    expect(start, JsonToken.START_ARRAY, "an array of attribute values");
    List<AttributeValue> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(value(p, t));
    }
    return out;
  }

  private static boolean bool(JsonToken value) {
    if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
      throw new AttributeProblem("expected true or false, found " + kind(value));
    }
    return value == JsonToken.VALUE_TRUE;
  }

  private static String text(JsonParser p, JsonToken value) throws IOException {
    expect(value, JsonToken.VALUE_STRING, "a string");
    return p.getText();
  }

  static void expect(@Nullable JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw new AttributeProblem("expected " + what + ", found " + kind(actual));
    }
  }

  /** The kind of a token, never its text. */
  static String kind(@Nullable JsonToken token) {
    if (token == null) {
      return "end of input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }
}
