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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Images in DynamoDB JSON, well-formed or not, through {@link Images#toMap} and {@link
 * ImageMapper}: the only exception either may end in is {@link ImageMappingException}, and a
 * malformed image always ends in one.
 *
 * <p>{@code mvn verify} replays the committed inputs under {@code
 * src/test/resources/dev/ddbstreams/ImagesFuzzTestInputs/}; {@code mvn -Pfuzz test} fuzzes (see
 * docs/testing.md). {@link ImagesProperties#malformedImagesOnlyEndInImageMappingExceptions} checks
 * the same on seeded random images.
 */
class ImagesFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @FuzzTest
  void malformedImagesOnlyEndInImageMappingExceptions(byte[] input) {
    Map<String, AttributeValue> image = image(input);
    if (image == null) {
      return; // not a JSON object: no image to map
    }
    if (isMalformed(image)) {
      ImagesProperties.endsInImageMappingException(image);
    } else {
      assertThat(catchThrowable(() -> Images.toMap(image))).isNull();
      Throwable typed =
          catchThrowable(() -> ImageMapper.of(ImagesProperties.Sample.class).map(image));
      if (typed != null) {
        assertThat(typed).isInstanceOf(ImageMappingException.class);
      }
    }
  }

  // ---- DynamoDB JSON to an image, leniently: what is not a typed value becomes a typeless one
  // ----

  static @Nullable Map<String, AttributeValue> image(byte[] input) {
    JsonNode root;
    try {
      root = JSON.readTree(new String(input, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      return null;
    }
    return root != null && root.isObject() ? attributes(root) : null;
  }

  private static Map<String, AttributeValue> attributes(JsonNode object) {
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    object.properties().forEach(e -> image.put(e.getKey(), value(e.getValue())));
    return image;
  }

  private static AttributeValue value(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return AttributeValue.builder().build();
    }
    Map.Entry<String, JsonNode> only = node.properties().iterator().next();
    String type = only.getKey();
    JsonNode v = only.getValue();
    return switch (type) {
      case "S" -> AttributeValue.fromS(v.asText());
      case "N" -> AttributeValue.fromN(v.asText());
      case "B" -> AttributeValue.fromB(SdkBytes.fromUtf8String(v.asText()));
      case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
      case "NULL" -> AttributeValue.fromNul(true);
      case "SS" -> v.isArray() ? AttributeValue.fromSs(texts(v)) : typeless();
      case "NS" -> v.isArray() ? AttributeValue.fromNs(texts(v)) : typeless();
      case "BS" ->
          v.isArray()
              ? AttributeValue.fromBs(texts(v).stream().map(SdkBytes::fromUtf8String).toList())
              : typeless();
      case "L" -> v.isArray() ? AttributeValue.fromL(values(v)) : typeless();
      case "M" -> v.isObject() ? AttributeValue.fromM(attributes(v)) : typeless();
      default -> typeless();
    };
  }

  private static AttributeValue typeless() {
    return AttributeValue.builder().build();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<AttributeValue> values(JsonNode array) {
    List<AttributeValue> out = new ArrayList<>();
    array.forEach(n -> out.add(value(n)));
    return out;
  }

  // ---- the oracle, apart from the production code ----

  static boolean isMalformed(Map<String, AttributeValue> image) {
    return image.values().stream().anyMatch(ImagesFuzzTest::isMalformed);
  }

  private static boolean isMalformed(AttributeValue v) {
    if (v.type() == null || v.type() == AttributeValue.Type.UNKNOWN_TO_SDK_VERSION) {
      return true;
    }
    return switch (v.type()) {
      case N -> !ImagesProperties.isNumber(v.n());
      case NS -> !v.ns().stream().allMatch(ImagesProperties::isNumber);
      case L -> v.l().stream().anyMatch(ImagesFuzzTest::isMalformed);
      case M -> isMalformed(v.m());
      default -> false;
    };
  }
}
