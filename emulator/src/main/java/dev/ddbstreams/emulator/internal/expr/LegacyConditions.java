package dev.ddbstreams.emulator.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The legacy {@code Expected} parameter of PutItem, UpdateItem and DeleteItem, as a {@link
 * Condition}. KCL 3's lease table code still uses it ({@code DynamoDBLeaseSerializer}), so the
 * emulator must support it, with the service's rules: {@code Value} alone or with {@code Exists:
 * true} means equality, {@code Exists: false} means the attribute must be absent, and {@code
 * ComparisonOperator} with {@code AttributeValueList} covers the rest; entries combine with {@code
 * ConditionalOperator} (AND by default).
 */
public final class LegacyConditions {

  private LegacyConditions() {}

  /**
   * Parses an {@code Expected} map.
   *
   * @param expected the request's {@code Expected} object
   * @param conditionalOperator the request's {@code ConditionalOperator}, or {@code null} for AND
   */
  public static Condition expected(JsonNode expected, @Nullable String conditionalOperator) {
    if (!expected.isObject()) {
      throw AwsException.validation("Expected must be a map of attribute names to conditions");
    }
    boolean or = "OR".equals(conditionalOperator);
    if (conditionalOperator != null && !or && !"AND".equals(conditionalOperator)) {
      throw AwsException.validation(
          "1 validation error detected: Value at 'conditionalOperator' failed to satisfy"
              + " constraint: Member must satisfy enum value set: [AND, OR]");
    }
    List<Condition> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      parts.add(one(e.getKey(), e.getValue()));
    }
    if (parts.isEmpty()) {
      return item -> true;
    }
    return item -> {
      for (Condition c : parts) {
        boolean holds = c.test(item);
        if (or && holds) {
          return true;
        }
        if (!or && !holds) {
          return false;
        }
      }
      return !or;
    };
  }

  private static Condition one(String name, JsonNode spec) {
    JsonNode valueNode = spec.get("Value");
    JsonNode existsNode = spec.get("Exists");
    JsonNode operatorNode = spec.get("ComparisonOperator");
    JsonNode listNode = spec.get("AttributeValueList");
    if (operatorNode == null) {
      boolean exists = existsNode == null || existsNode.asBoolean(true);
      if (!exists) {
        if (valueNode != null) {
          throw AwsException.validation(
              "One or more parameter values were invalid: Value cannot be used when Exists is"
                  + " false for Attribute: "
                  + name);
        }
        return item -> !item.containsKey(name);
      }
      if (valueNode == null) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Value must be provided when Exists is"
                + " true for Attribute: "
                + name);
      }
      AttributeValue expectedValue = AttributeValueJson.readValue(valueNode, name);
      return item -> {
        AttributeValue actual = item.get(name);
        return actual != null && LegacyValues.equal(actual, expectedValue);
      };
    }
    if (valueNode != null || existsNode != null) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Value or Exists cannot be used with"
              + " ComparisonOperator for Attribute: "
              + name);
    }
    List<AttributeValue> args = new ArrayList<>();
    if (listNode != null && listNode.isArray()) {
      for (JsonNode a : listNode) {
        args.add(AttributeValueJson.readValue(a, name));
      }
    }
    String operator = operatorNode.asText();
    switch (operator) {
      case "NULL":
        arity(name, operator, args, 0);
        return item -> !item.containsKey(name);
      case "NOT_NULL":
        arity(name, operator, args, 0);
        return item -> item.containsKey(name);
      case "EQ":
        arity(name, operator, args, 1);
        return item -> {
          AttributeValue v = item.get(name);
          return v != null && LegacyValues.equal(v, args.get(0));
        };
      case "NE":
        arity(name, operator, args, 1);
        return item -> {
          AttributeValue v = item.get(name);
          return v == null || !LegacyValues.equal(v, args.get(0));
        };
      case "LT":
      case "LE":
      case "GT":
      case "GE":
        {
          arity(name, operator, args, 1);
          AttributeValue bound = args.get(0);
          scalar(name, operator, bound);
          return item -> {
            AttributeValue v = item.get(name);
            if (v == null || v.type() != bound.type()) {
              return false;
            }
            int c = Values.compare(v, bound);
            switch (operator) {
              case "LT":
                return c < 0;
              case "LE":
                return c <= 0;
              case "GT":
                return c > 0;
              default:
                return c >= 0;
            }
          };
        }
      case "BETWEEN":
        {
          arity(name, operator, args, 2);
          AttributeValue low = args.get(0);
          AttributeValue high = args.get(1);
          scalar(name, operator, low);
          scalar(name, operator, high);
          return item -> {
            AttributeValue v = item.get(name);
            return v != null
                && v.type() == low.type()
                && v.type() == high.type()
                && Values.compare(v, low) >= 0
                && Values.compare(v, high) <= 0;
          };
        }
      case "IN":
        if (args.isEmpty()) {
          throw arityError(name, operator);
        }
        return item -> {
          AttributeValue v = item.get(name);
          return v != null && args.stream().anyMatch(a -> LegacyValues.equal(v, a));
        };
      case "BEGINS_WITH":
        {
          arity(name, operator, args, 1);
          AttributeValue prefix = args.get(0);
          return item -> {
            AttributeValue v = item.get(name);
            if (v == null || v.type() != prefix.type()) {
              return false;
            }
            if (v.s() != null) {
              return v.s().startsWith(prefix.s());
            }
            if (v.b() != null) {
              return startsWith(v.b(), prefix.b());
            }
            return false;
          };
        }
      case "CONTAINS":
        arity(name, operator, args, 1);
        return item -> {
          AttributeValue v = item.get(name);
          return v != null && LegacyValues.contains(v, args.get(0));
        };
      case "NOT_CONTAINS":
        arity(name, operator, args, 1);
        return item -> {
          AttributeValue v = item.get(name);
          return v != null && !LegacyValues.contains(v, args.get(0));
        };
      default:
        throw AwsException.validation(
            "1 validation error detected: Value '"
                + operator
                + "' at 'expected."
                + name
                + ".member.comparisonOperator' failed to satisfy constraint: Member must satisfy"
                + " enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE,"
                + " LE, BEGINS_WITH, GE, CONTAINS]");
    }
  }

  private static void arity(String name, String operator, List<AttributeValue> args, int n) {
    if (args.size() != n) {
      throw arityError(name, operator);
    }
  }

  private static AwsException arityError(String name, String operator) {
    return AwsException.validation(
        "One or more parameter values were invalid: Invalid number of argument(s) for the "
            + operator
            + " ComparisonOperator (attribute "
            + name
            + ")");
  }

  private static void scalar(String name, String operator, AttributeValue v) {
    if (v.s() == null && v.n() == null && v.b() == null) {
      throw AwsException.validation(
          "One or more parameter values were invalid: ComparisonOperator "
              + operator
              + " is not valid for "
              + v.type()
              + " AttributeValue type (attribute "
              + name
              + ")");
    }
  }

  private static boolean startsWith(SdkBytes value, SdkBytes prefix) {
    byte[] v = value.asByteArrayUnsafe();
    byte[] p = prefix.asByteArrayUnsafe();
    if (p.length > v.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (v[i] != p[i]) {
        return false;
      }
    }
    return true;
  }
}
