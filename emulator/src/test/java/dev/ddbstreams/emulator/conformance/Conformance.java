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
package dev.ddbstreams.emulator.conformance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Shared helpers of the conformance tests. */
final class Conformance {

  private Conformance() {}

  /** Creates an on-demand table with a string partition key and an optional string sort key. */
  static void createTable(DynamoDbClient ddb, String name, String pk, String sk) {
    ddb.createTable(
        b -> {
          b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
          if (sk == null) {
            b.keySchema(key(pk, KeyType.HASH))
                .attributeDefinitions(attribute(pk, ScalarAttributeType.S));
          } else {
            b.keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .attributeDefinitions(
                    attribute(pk, ScalarAttributeType.S), attribute(sk, ScalarAttributeType.S));
          }
        });
  }

  static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  static AttributeValue n(String v) {
    return AttributeValue.fromN(v);
  }

  /** An item from alternating names and values. */
  static Map<String, AttributeValue> item(Object... nameValues) {
    Map<String, AttributeValue> m = new HashMap<>();
    for (int i = 0; i < nameValues.length; i += 2) {
      Object v = nameValues[i + 1];
      m.put(
          (String) nameValues[i],
          v instanceof AttributeValue ? (AttributeValue) v : AttributeValue.fromS(v.toString()));
    }
    return m;
  }

  static String repeat(char c, int n) {
    char[] a = new char[n];
    Arrays.fill(a, c);
    return new String(a);
  }
}
