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

import dev.ddbstreams.emulator.internal.protocol.AwsException;

/**
 * The service's validation messages for expressions, in one place so that their wording stays
 * consistent. Most are prefixed {@code Invalid <Parameter>: }, naming the request parameter the
 * expression came from. None quotes an attribute value: values are named by their placeholder.
 */
final class ExpressionErrors {

  private ExpressionErrors() {}

  /** {@code Invalid <parameter>: <detail>}. */
  static AwsException invalid(String parameter, String detail) {
    return AwsException.validation("Invalid " + parameter + ": " + detail);
  }

  static AwsException syntax(String parameter, String token, String near) {
    return invalid(parameter, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
  }

  static AwsException empty(String parameter) {
    return invalid(parameter, "The expression can not be empty;");
  }

  static AwsException tooLarge(String parameter, int bytes) {
    return invalid(
        parameter,
        "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
  }

  static AwsException reservedWord(String parameter, String word) {
    return invalid(parameter, "Attribute name is a reserved keyword; reserved keyword: " + word);
  }

  static AwsException undefinedName(String parameter, String placeholder) {
    return invalid(
        parameter,
        "An expression attribute name used in the document path is not defined; attribute name: "
            + placeholder);
  }

  static AwsException undefinedValue(String parameter, String placeholder) {
    return invalid(
        parameter,
        "An expression attribute value used in expression is not defined; attribute value: "
            + placeholder);
  }

  static AwsException unknownFunction(String parameter, String function) {
    return invalid(parameter, "Invalid function name; function: " + function);
  }

  /** A known function used where it cannot stand, such as {@code size(a)} as a condition. */
  static AwsException functionMisused(String parameter, String function) {
    return invalid(
        parameter,
        "The function is not allowed to be used this way in an expression; function: " + function);
  }

  /** An update function in a condition, or a condition function in an update. */
  static AwsException functionNotAllowed(String parameter, String function, String where) {
    return invalid(
        parameter, "The function is not allowed in " + where + "; function: " + function);
  }

  static AwsException operandCount(String parameter, String function, int count) {
    return invalid(
        parameter,
        "Incorrect number of operands for operator or function; operator or function: "
            + function
            + ", number of operands: "
            + count);
  }

  static AwsException operandType(String parameter, String function, String typeName) {
    return invalid(
        parameter,
        "Incorrect operand type for operator or function; operator or function: "
            + function
            + ", operand type: "
            + typeName);
  }

  /** The {@code ADD} / {@code DELETE} form, which names the action and the long type name. */
  static AwsException actionOperandType(String action, String longTypeName) {
    return invalid(
        "UpdateExpression",
        "Incorrect operand type for operator or function; operator: "
            + action
            + ", operand type: "
            + longTypeName);
  }

  static AwsException requiresPath(String parameter, String function) {
    return invalid(
        parameter,
        "Operator or function requires a document path; operator or function: " + function);
  }

  static AwsException requiresValue(String parameter, String function) {
    return invalid(
        parameter,
        "Operator or function requires an expression attribute value; operator or function: "
            + function);
  }

  static AwsException operandsNotDistinct(String parameter, String operator, String first) {
    return invalid(
        parameter,
        "The first operand must be distinct from the remaining operands for this operator or"
            + " function; operator: "
            + operator
            + ", first operand: "
            + first);
  }

  static AwsException overlap(String parameter, Path one, Path two) {
    return invalid(
        parameter,
        "Two document paths overlap with each other; must remove or rewrite one of these paths;"
            + " path one: "
            + one
            + ", path two: "
            + two);
  }

  static AwsException conflict(String parameter, Path one, Path two) {
    return invalid(
        parameter,
        "Two document paths conflict with each other; must remove or rewrite one of these paths;"
            + " path one: "
            + one
            + ", path two: "
            + two);
  }

  static AwsException tooDeep(String parameter, int levels) {
    return invalid(
        parameter, "The document path has too many nesting levels; nesting levels: " + levels);
  }

  static AwsException tooManyOperators(String parameter, int count) {
    return invalid(
        parameter, "The expression contains too many operators; operator count: " + count);
  }

  static AwsException tooManyInOperands(String parameter, int count) {
    return invalid(
        parameter,
        "The IN operator is provided with too many operands; number of operands: " + count);
  }

  static AwsException redundantParentheses(String parameter) {
    return invalid(parameter, "The expression has redundant parentheses;");
  }

  /** Reading a path that the item does not have, in an update's value. */
  static AwsException missingAttribute() {
    return AwsException.validation(
        "The provided expression refers to an attribute that does not exist in the item");
  }

  /** An update operand of the wrong type, found only when reading the item. */
  static AwsException wrongDataType() {
    return AwsException.validation(
        "An operand in the update expression has an incorrect data type");
  }

  /** Writing below a path whose parent is missing or is not a map or list as the path needs. */
  static AwsException invalidDocumentPath() {
    return AwsException.validation(
        "The document path provided in the update expression is invalid for update");
  }
}
