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

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbstreams.emulator.internal.expr.Condition;
import dev.ddbstreams.emulator.internal.expr.Projection;
import dev.ddbstreams.emulator.internal.expr.Update;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The legacy (pre-expression) parameters the emulator supports because KCL and older clients send
 * them: {@code Expected} with {@code ConditionalOperator}, {@code AttributeUpdates} and {@code
 * AttributesToGet}. The other legacy parameters ({@code KeyConditions}, {@code QueryFilter}, {@code
 * ScanFilter}) are rejected with a ValidationException that says so.
 */
final class LegacyParameters {

  private LegacyParameters() {}

  /** Rejects legacy parameters the emulator does not implement. */
  static void rejectUnsupported(JsonNode request, String... fields) {
    for (String f : fields) {
      if (Requests.has(request, f)) {
        throw AwsException.validation(
            "The emulator does not support the legacy parameter "
                + f
                + "; use the expression parameters instead (KeyConditionExpression,"
                + " FilterExpression)");
      }
    }
  }

  /** Rejects a request mixing a legacy parameter with an expression parameter, as the service. */
  static void checkNotMixed(JsonNode request, List<String> legacy, List<String> expressions) {
    Set<String> l = new LinkedHashSet<>();
    for (String f : legacy) {
      if (Requests.has(request, f)) {
        l.add(f);
      }
    }
    Set<String> e = new LinkedHashSet<>();
    for (String f : expressions) {
      if (Requests.has(request, f)) {
        e.add(f);
      }
    }
    if (!l.isEmpty() && !e.isEmpty()) {
      throw AwsException.validation(
          "Can not use both expression and non-expression parameters in the same request:"
              + " Non-expression parameters: "
              + l.toString().replace('[', '{').replace(']', '}')
              + " Expression parameters: "
              + e.toString().replace('[', '{').replace(']', '}'));
    }
  }

  /** {@code AttributesToGet} as a projection of top-level attributes, or null. */
  static @Nullable Projection attributesToGet(JsonNode request) {
    JsonNode n = request.get("AttributesToGet");
    if (n == null || n.isNull()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode a : n) {
      if (!names.add(a.asText())) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Duplicate value in attribute name: "
                + a.asText());
      }
    }
    return item -> {
      Map<String, AttributeValue> out = new LinkedHashMap<>();
      for (String name : names) {
        AttributeValue v = item.get(name);
        if (v != null) {
          out.put(name, v);
        }
      }
      return out;
    };
  }

  /** {@code Expected} (with {@code ConditionalOperator}) as a condition, or null. */
  static @Nullable Condition expected(JsonNode request) {
    JsonNode n = request.get("Expected");
    if (n == null || n.isNull()) {
      if (Requests.has(request, "ConditionalOperator")) {
        throw AwsException.validation(
            "ConditionalOperator can only be used when Filter or Expected has two or more elements");
      }
      return null;
    }
    boolean or =
        Requests.choice(request, "ConditionalOperator", List.of("AND", "OR"), "AND").equals("OR");
    List<Condition> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      parts.add(expectation(e.getKey(), e.getValue()));
    }
    return item -> {
      for (Condition c : parts) {
        if (c.test(item) == or) {
          return or;
        }
      }
      return !or;
    };
  }

  private static Condition expectation(String name, JsonNode spec) {
    Boolean exists = Requests.optBool(spec, "Exists");
    AttributeValue value =
        Requests.has(spec, "Value")
            ? ItemRules.value(AttributeValueJson.readValue(spec.get("Value"), name))
            : null;
    String op = Requests.text(spec, "ComparisonOperator");
    if (op != null) {
      if (value != null || exists != null) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Value or Exists cannot be used with"
                + " ComparisonOperator for Attribute: "
                + name);
      }
      List<AttributeValue> args = new ArrayList<>();
      JsonNode list = spec.get("AttributeValueList");
      if (list != null && !list.isNull()) {
        for (JsonNode a : list) {
          args.add(ItemRules.value(AttributeValueJson.readValue(a, name)));
        }
      }
      return comparison(name, op, args);
    }
    if (Boolean.FALSE.equals(exists)) {
      if (value != null) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Value cannot be used when Exists is false"
                + " for Attribute: "
                + name);
      }
      return item -> !item.containsKey(name);
    }
    if (value == null) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Value must be provided when Exists is "
              + (exists == null ? "null" : "true")
              + " for Attribute: "
              + name);
    }
    AttributeValue v = value;
    return item -> ItemEquality.values(item.get(name), v);
  }

  private static Condition comparison(String name, String op, List<AttributeValue> args) {
    int arity =
        switch (op) {
          case "NULL", "NOT_NULL" -> 0;
          case "BETWEEN" -> 2;
          case "IN" -> -1;
          case "EQ", "NE", "LE", "LT", "GE", "GT", "BEGINS_WITH", "CONTAINS", "NOT_CONTAINS" -> 1;
          default ->
              throw AwsException.validation(
                  "1 validation error detected: Value '"
                      + op
                      + "' at 'expected."
                      + name
                      + ".member.comparisonOperator' failed to satisfy constraint: Member must satisfy"
                      + " enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE,"
                      + " LE, BEGINS_WITH, GE, CONTAINS]");
        };
    if ((arity >= 0 && args.size() != arity) || (arity < 0 && args.isEmpty())) {
      throw AwsException.validation(
          "One or more parameter values were invalid: Invalid number of argument(s) for the "
              + op
              + " ComparisonOperator");
    }
    return item -> {
      AttributeValue a = item.get(name);
      switch (op) {
        case "NULL":
          return a == null;
        case "NOT_NULL":
          return a != null;
        case "EQ":
          return ItemEquality.values(a, args.get(0));
        case "NE":
          return !ItemEquality.values(a, args.get(0));
        case "IN":
          return args.stream().anyMatch(x -> ItemEquality.values(a, x));
        case "LT":
          return ordered(a, args.get(0)) < 0;
        case "LE":
          return ordered(a, args.get(0)) <= 0 && ordered(a, args.get(0)) != Integer.MIN_VALUE;
        case "GT":
          return ordered(a, args.get(0)) > 0 && ordered(a, args.get(0)) != Integer.MAX_VALUE;
        case "GE":
          return ordered(a, args.get(0)) >= 0 && ordered(a, args.get(0)) != Integer.MAX_VALUE;
        case "BETWEEN":
          {
            int lo = ordered(a, args.get(0));
            int hi = ordered(a, args.get(1));
            return lo >= 0 && lo != Integer.MAX_VALUE && hi <= 0 && hi != Integer.MIN_VALUE;
          }
        case "BEGINS_WITH":
          return beginsWith(a, args.get(0));
        case "CONTAINS":
          return contains(a, args.get(0));
        default:
          return a != null && !contains(a, args.get(0));
      }
    };
  }

  /** Compares scalars of one type; MIN_VALUE/MAX_VALUE (never "equal") when not comparable. */
  private static int ordered(@Nullable AttributeValue a, AttributeValue b) {
    if (a == null || a.type() != b.type()) {
      return Integer.MAX_VALUE;
    }
    switch (a.type()) {
      case S, N, B:
        int c = dev.ddbstreams.emulator.internal.value.Values.compare(a, b);
        return Integer.signum(c);
      default:
        return Integer.MAX_VALUE;
    }
  }

  private static boolean beginsWith(@Nullable AttributeValue a, AttributeValue prefix) {
    if (a == null || a.type() != prefix.type()) {
      return false;
    }
    if (a.type() == AttributeValue.Type.S) {
      return a.s().startsWith(prefix.s());
    }
    if (a.type() == AttributeValue.Type.B) {
      byte[] x = a.b().asByteArrayUnsafe();
      byte[] p = prefix.b().asByteArrayUnsafe();
      if (p.length > x.length) {
        return false;
      }
      for (int i = 0; i < p.length; i++) {
        if (x[i] != p[i]) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean contains(@Nullable AttributeValue a, AttributeValue v) {
    if (a == null) {
      return false;
    }
    switch (a.type()) {
      case S:
        return v.type() == AttributeValue.Type.S && a.s().contains(v.s());
      case SS:
        return v.type() == AttributeValue.Type.S && a.ss().contains(v.s());
      case NS:
        return v.type() == AttributeValue.Type.N && a.ns().contains(v.n());
      case BS:
        return v.type() == AttributeValue.Type.B && a.bs().contains(v.b());
      case L:
        return a.l().stream().anyMatch(x -> ItemEquality.values(x, v));
      default:
        return false;
    }
  }

  /** {@code AttributeUpdates} as an update, or null. */
  static @Nullable Update attributeUpdates(JsonNode request) {
    JsonNode n = request.get("AttributeUpdates");
    if (n == null || n.isNull()) {
      return null;
    }
    Map<String, String> actions = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String name = e.getKey();
      String action =
          Requests.choice(e.getValue(), "Action", List.of("ADD", "PUT", "DELETE"), "PUT");
      actions.put(name, action);
      if (Requests.has(e.getValue(), "Value")) {
        values.put(
            name, ItemRules.value(AttributeValueJson.readValue(e.getValue().get("Value"), name)));
      } else if (!action.equals("DELETE")) {
        throw AwsException.validation(
            "One or more parameter values were invalid: Only DELETE action is allowed when no"
                + " attribute value is specified");
      }
      AttributeValue v = values.get(name);
      if (v != null && action.equals("ADD")) {
        switch (v.type()) {
          case N, SS, NS, BS, L:
            break;
          default:
            throw AwsException.validation(
                "One or more parameter values were invalid: ADD action is not supported for the"
                    + " type "
                    + KeySchema.typeName(v));
        }
      }
      if (v != null && action.equals("DELETE")) {
        switch (v.type()) {
          case SS, NS, BS:
            break;
          default:
            throw AwsException.validation(
                "One or more parameter values were invalid: DELETE action with value is not"
                    + " supported for the type "
                    + KeySchema.typeName(v));
        }
      }
    }
    return new LegacyUpdate(actions, values);
  }
}
