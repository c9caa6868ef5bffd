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
