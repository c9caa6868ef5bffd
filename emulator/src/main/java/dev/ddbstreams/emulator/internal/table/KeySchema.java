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
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.ItemSize;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The key of a table or index: a partition (HASH) attribute and an optional sort (RANGE) attribute,
 * each with its scalar type ({@code S}, {@code N} or {@code B}).
 */
record KeySchema(
    String partitionName,
    String partitionType,
    @Nullable String sortName,
    @Nullable String sortType) {

  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  boolean hasSort() {
    return sortName != null;
  }

  boolean isKeyAttribute(String name) {
    return name.equals(partitionName) || name.equals(sortName);
  }

  /** The key attributes of a stored item (which always has them). */
  Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new LinkedHashMap<>(4);
    key.put(partitionName, item.get(partitionName));
    if (sortName != null) {
      key.put(sortName, item.get(sortName));
    }
    return key;
  }

  /**
   * Checks a request's {@code Key}: exactly the key attributes, of the declared types, not empty.
   */
  void checkKey(Map<String, AttributeValue> key) {
    int expected = hasSort() ? 2 : 1;
    if (key.size() != expected
        || !matches(key.get(partitionName), partitionType)
        || (sortName != null && !matches(key.get(sortName), sortType))) {
      throw AwsException.validation("The provided key element does not match the schema");
    }
    checkKeyValues(key.get(partitionName), key.get(sortName), partitionName, sortName);
  }

  /** Checks that an item to store carries the key attributes with the declared types. */
  void checkItem(Map<String, AttributeValue> item) {
    checkItemAttribute(item, partitionName, partitionType);
    if (sortName != null) {
      checkItemAttribute(item, sortName, sortType);
    }
    checkKeyValues(item.get(partitionName), item.get(sortName), partitionName, sortName);
  }

  private static void checkItemAttribute(
      Map<String, AttributeValue> item, String name, @Nullable String type) {
    AttributeValue v = item.get(name);
    if (v == null) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Missing the key " + name + " in the item");
    }
    if (!matches(v, type)) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Type mismatch for key "
              + name
              + " expected: "
              + type
              + " actual: "
              + typeName(v));
    }
  }

  private static void checkKeyValues(
      AttributeValue pk,
      @Nullable AttributeValue sk,
      String partitionName,
      @Nullable String sortName) {
    checkNotEmpty(pk, partitionName);
    if (sk != null) {
      checkNotEmpty(sk, sortName);
    }
    if (ItemSize.valueSize(pk) > MAX_PARTITION_KEY_BYTES) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size"
              + " limit of2048 bytes");
    }
    if (sk != null && ItemSize.valueSize(sk) > MAX_SORT_KEY_BYTES) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Aggregated size of all range keys has"
              + " exceeded the size limit of 1024 bytes");
    }
  }

  private static void checkNotEmpty(AttributeValue v, @Nullable String name) {
    if (isEmptyScalar(v)) {
      throw AwsException.validation(
          "One or more parameter values are not valid. The AttributeValue for a key attribute"
              + " cannot contain an empty "
              + (v.type() == AttributeValue.Type.S ? "string" : "binary")
              + " value. Key: "
              + name);
    }
  }

  static boolean isEmptyScalar(AttributeValue v) {
    return (v.type() == AttributeValue.Type.S && v.s().isEmpty())
        || (v.type() == AttributeValue.Type.B && v.b().asByteArrayUnsafe().length == 0);
  }

  static boolean matches(@Nullable AttributeValue v, @Nullable String type) {
    return v != null && type != null && typeName(v).equals(type);
  }

  /** The wire name of a value's type: {@code S}, {@code N}, {@code NULL}, {@code SS}, ... */
  static String typeName(AttributeValue v) {
    return switch (v.type()) {
      case NUL -> "NULL";
      default -> v.type().name();
    };
  }

  /** The {@code KeySchema} array of DescribeTable. */
  ArrayNode toJson() {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    out.addObject().put("AttributeName", partitionName).put("KeyType", "HASH");
    if (sortName != null) {
      out.addObject().put("AttributeName", sortName).put("KeyType", "RANGE");
    }
    return out;
  }
}
