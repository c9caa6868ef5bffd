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
package dev.ddbstreams.emulator.internal.expr;

import dev.ddbstreams.emulator.internal.expr.ConditionNode.BeginsWith;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Contains;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Exists;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.TypeIs;
import dev.ddbstreams.emulator.internal.expr.Operand.PathOperand;
import dev.ddbstreams.emulator.internal.expr.Operand.Size;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a function call of a condition into its node, checking it as the service does, in this
 * order: the name (case-sensitive: {@code attribute_exists attribute_not_exists attribute_type
 * begins_with contains size}), the number of operands, then the kind and type of each operand.
 * {@code size} yields an {@link Operand} ({@link #size}); the others a {@link ConditionNode}
 * ({@link #condition}).
 */
final class ConditionFunctions {

  private final String parameter;

  ConditionFunctions(String parameter) {
    this.parameter = parameter;
  }

  /** {@code size(path)}. */
  Operand size(List<Operand> operands) {
    count("size", operands, 1);
    return new Size(path("size", operands.get(0)));
  }

  /** The condition {@code name(operands...)}, for any name but {@code size}. */
  ConditionNode condition(String name, List<Operand> operands) {
    switch (name) {
      case "attribute_exists":
        count(name, operands, 1);
        return new Exists(path(name, operands.get(0)), true);
      case "attribute_not_exists":
        count(name, operands, 1);
        return new Exists(path(name, operands.get(0)), false);
      case "attribute_type":
        count(name, operands, 2);
        return new TypeIs(operands.get(0), typeName(operands.get(1)));
      case "begins_with":
        count(name, operands, 2);
        distinct(name, operands);
        stringOrBinary(name, operands.get(0));
        stringOrBinary(name, operands.get(1));
        return new BeginsWith(operands.get(0), operands.get(1));
      case "contains":
        count(name, operands, 2);
        distinct(name, operands);
        return new Contains(operands.get(0), operands.get(1));
      case "if_not_exists":
      case "list_append":
        throw ExpressionErrors.functionNotAllowed(parameter, name, "a condition expression");
      default:
        throw ExpressionErrors.unknownFunction(parameter, name);
    }
  }

  private void count(String name, List<Operand> operands, int expected) {
    if (operands.size() != expected) {
      throw ExpressionErrors.operandCount(parameter, name, operands.size());
    }
  }

  private Path path(String name, Operand operand) {
    if (!(operand instanceof PathOperand)) {
      throw ExpressionErrors.requiresPath(parameter, name);
    }
    return ((PathOperand) operand).path();
  }

  private void distinct(String name, List<Operand> operands) {
    if (operands.get(0).equals(operands.get(1))) {
      throw ExpressionErrors.operandsNotDistinct(parameter, name, operands.get(0).toString());
    }
  }

  private void stringOrBinary(String name, Operand operand) {
    AttributeValue c = operand.constant();
    if (c != null && c.type() != AttributeValue.Type.S && c.type() != AttributeValue.Type.B) {
      throw ExpressionErrors.operandType(parameter, name, TypeNames.shortName(c));
    }
  }

  private String typeName(Operand operand) {
    AttributeValue c = operand.constant();
    if (c == null) {
      throw ExpressionErrors.requiresValue(parameter, "attribute_type");
    }
    if (c.type() != AttributeValue.Type.S) {
      throw ExpressionErrors.operandType(parameter, "attribute_type", TypeNames.shortName(c));
    }
    if (!TypeNames.isValidTypeName(c.s())) {
      // The service quotes the type it got; it is request data, so name its placeholder instead.
      throw ExpressionErrors.invalid(
          parameter,
          "Invalid attribute type name found; type: "
              + operand
              + ", valid types: "
              + TypeNames.VALID_TYPES);
    }
    return c.s();
  }
}
