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

import dev.ddbstreams.emulator.internal.expr.Token.Kind;
import dev.ddbstreams.emulator.internal.expr.TokenReader.ValueRef;
import dev.ddbstreams.emulator.internal.expr.UpdateValue.Arithmetic;
import dev.ddbstreams.emulator.internal.expr.UpdateValue.Constant;
import dev.ddbstreams.emulator.internal.expr.UpdateValue.IfNotExists;
import dev.ddbstreams.emulator.internal.expr.UpdateValue.ListAppend;
import dev.ddbstreams.emulator.internal.expr.UpdateValue.PathValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recursive-descent parser of update expressions:
 *
 * <pre>
 * update  := clause+
 * clause  := SET set (',' set)* | REMOVE path (',' path)*
 *          | ADD path :value (',' path :value)* | DELETE path :value (',' path :value)*
 * set     := path '=' operand [('+' | '-') operand]
 * operand := path | :value | name '(' operand (',' operand)* ')'
 * </pre>
 *
 * <p>Each clause keyword (any letter case) may appear once, the clauses in any order. Only one
 * {@code +} or {@code -} per action, and none inside function arguments, as the service parses.
 * After parsing, the target paths of all actions must neither overlap nor conflict.
 */
final class UpdateParser {

  static final String PARAMETER = "UpdateExpression";

  private static final List<String> CLAUSES = List.of("SET", "REMOVE", "ADD", "DELETE");

  private final TokenReader in;

  private UpdateParser(TokenReader in) {
    this.in = in;
  }

  static Update parse(String text, ExpressionInput input) {
    UpdateParser parser = new UpdateParser(new TokenReader(text, PARAMETER, input));
    List<UpdateAction> actions = parser.clauses();
    List<Path> targets = new ArrayList<>();
    for (UpdateAction action : actions) {
      targets.add(action.path());
    }
    DisjointPaths.check(targets, PARAMETER);
    return new ParsedUpdate(actions);
  }

  private List<UpdateAction> clauses() {
    Set<String> seen = new HashSet<>();
    List<UpdateAction> actions = new ArrayList<>();
    do {
      String clause = clauseKeyword(in.peek());
      if (!seen.add(clause)) {
        throw ExpressionErrors.invalid(
            PARAMETER,
            "The \"" + clause + "\" section can only be used once in an update expression;");
      }
      in.next();
      actions.add(action(clause));
      while (in.at(Kind.COMMA)) {
        in.next();
        actions.add(action(clause));
      }
    } while (!in.at(Kind.EOF));
    return actions;
  }

  private String clauseKeyword(Token t) {
    for (String clause : CLAUSES) {
      if (t.isKeyword(clause)) {
        return clause;
      }
    }
    throw in.syntaxErrorHere();
  }

  private UpdateAction action(String clause) {
    Path path = in.path();
    switch (clause) {
      case "SET":
        in.expect(Kind.EQ);
        return new UpdateAction.Set(path, setValue());
      case "REMOVE":
        return new UpdateAction.Remove(path);
      case "ADD":
        return new UpdateAction.Add(path, actionOperand("ADD", true));
      default:
        return new UpdateAction.Delete(path, actionOperand("DELETE", false));
    }
  }

  private ValueRef actionOperand(String action, boolean numbersAllowed) {
    ValueRef ref = in.value();
    AttributeValue v = ref.value();
    boolean set =
        v.type() == AttributeValue.Type.SS
            || v.type() == AttributeValue.Type.NS
            || v.type() == AttributeValue.Type.BS;
    if (!set && !(numbersAllowed && v.type() == AttributeValue.Type.N)) {
      throw ExpressionErrors.actionOperandType(action, TypeNames.longName(v));
    }
    return ref;
  }

  private UpdateValue setValue() {
    UpdateValue left = operand();
    if (!in.at(Kind.PLUS) && !in.at(Kind.MINUS)) {
      return left;
    }
    boolean plus = in.next().is(Kind.PLUS);
    Arithmetic sum = new Arithmetic(plus, left, operand());
    number(sum, sum.left());
    number(sum, sum.right());
    return sum;
  }

  private void number(Arithmetic sum, UpdateValue operand) {
    if (operand instanceof Constant) {
      AttributeValue v = ((Constant) operand).ref().value();
      if (v.type() != AttributeValue.Type.N) {
        throw ExpressionErrors.operandType(PARAMETER, sum.symbol(), TypeNames.shortName(v));
      }
    }
  }

  private UpdateValue operand() {
    Token t = in.peek();
    if (t.is(Kind.NAME) && in.peek(1).is(Kind.LPAREN)) {
      return function();
    }
    if (in.atPath()) {
      return new PathValue(in.path());
    }
    if (t.is(Kind.VALUE_REF)) {
      return new Constant(in.value());
    }
    throw in.syntaxErrorHere();
  }

  private UpdateValue function() {
    String name = in.next().text();
    in.expect(Kind.LPAREN);
    List<UpdateValue> args = new ArrayList<>();
    args.add(operand());
    while (in.at(Kind.COMMA)) {
      in.next();
      args.add(operand());
    }
    in.expect(Kind.RPAREN);
    switch (name) {
      case "if_not_exists":
        count(name, args);
        if (!(args.get(0) instanceof PathValue)) {
          throw ExpressionErrors.requiresPath(PARAMETER, name);
        }
        return new IfNotExists(((PathValue) args.get(0)).path(), args.get(1));
      case "list_append":
        count(name, args);
        for (UpdateValue arg : args) {
          listOperand(name, arg);
        }
        return new ListAppend(args.get(0), args.get(1));
      case "attribute_exists":
      case "attribute_not_exists":
      case "attribute_type":
      case "begins_with":
      case "contains":
      case "size":
        throw ExpressionErrors.functionNotAllowed(PARAMETER, name, "an update expression");
      default:
        throw ExpressionErrors.unknownFunction(PARAMETER, name);
    }
  }

  private static void count(String name, List<UpdateValue> args) {
    if (args.size() != 2) {
      throw ExpressionErrors.operandCount(PARAMETER, name, args.size());
    }
  }

  private static void listOperand(String name, UpdateValue arg) {
    if (arg instanceof ListAppend) {
      // The service refuses list_append directly inside list_append.
      throw ExpressionErrors.functionMisused(PARAMETER, name);
    }
    if (arg instanceof Constant) {
      AttributeValue v = ((Constant) arg).ref().value();
      if (v.type() != AttributeValue.Type.L) {
        throw ExpressionErrors.operandType(PARAMETER, name, TypeNames.shortName(v));
      }
    }
  }
}
