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

import dev.ddbstreams.emulator.internal.expr.ConditionNode.And;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Between;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Compare;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.In;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Not;
import dev.ddbstreams.emulator.internal.expr.ConditionNode.Or;
import dev.ddbstreams.emulator.internal.expr.Operand.Constant;
import dev.ddbstreams.emulator.internal.expr.Operand.PathOperand;
import dev.ddbstreams.emulator.internal.expr.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recursive-descent parser of condition (and filter, and key condition) expressions:
 *
 * <pre>
 * or         := and (OR and)*
 * and        := not (AND not)*
 * not        := NOT not | comparison
 * comparison := primary [ comparator primary
 *                       | BETWEEN primary AND primary
 *                       | IN '(' primary (',' primary)* ')' ]
 * primary    := '(' or ')' | function-call | path | :value
 * </pre>
 *
 * <p>so comparators, {@code BETWEEN}, {@code IN} and functions bind tighter than {@code NOT},
 * {@code NOT} tighter than {@code AND}, and {@code AND} tighter than {@code OR}. A production
 * yields either a condition or an operand ({@link Parsed}); the grammar above lets parentheses wrap
 * either, and the operators then demand the one they need. Function calls are checked by {@link
 * ConditionFunctions}.
 */
final class ConditionParser {

  static final int MAX_OPERATORS = 300;
  static final int MAX_IN_OPERANDS = 100;

  private static final int MAX_PAREN_DEPTH = 100;

  private final TokenReader in;
  private final ConditionFunctions functions;
  private int operators;
  private int parenDepth;

  private ConditionParser(TokenReader in) {
    this.in = in;
    this.functions = new ConditionFunctions(in.parameter());
  }

  /** Parses a whole condition expression. */
  static ConditionNode parse(String text, String parameter, ExpressionInput input) {
    ConditionParser parser = new ConditionParser(new TokenReader(text, parameter, input));
    Parsed parsed = parser.or();
    parser.in.expectEnd();
    return parser.requireCondition(parsed);
  }

  /**
   * What one production read: a condition or an operand (exactly one is set), the function it was,
   * if it was a bare call, whether it was a bare parenthesised group, and the index of the token
   * after it (where a syntax error about it is reported).
   */
  private record Parsed(
      @Nullable ConditionNode condition,
      @Nullable Operand operand,
      @Nullable String function,
      boolean grouped,
      int end) {}

  private Parsed or() {
    Parsed left = and();
    while (in.atKeyword("OR")) {
      ConditionNode l = requireCondition(left);
      in.next();
      countOperator();
      left = parsedCondition(new Or(l, requireCondition(and())));
    }
    return left;
  }

  private Parsed and() {
    Parsed left = not();
    while (in.atKeyword("AND")) {
      ConditionNode l = requireCondition(left);
      in.next();
      countOperator();
      left = parsedCondition(new And(l, requireCondition(not())));
    }
    return left;
  }

  private Parsed not() {
    if (in.atKeyword("NOT")) {
      in.next();
      countOperator();
      return parsedCondition(new Not(requireCondition(not())));
    }
    return comparison();
  }

  private Parsed comparison() {
    Parsed left = primary();
    Token t = in.peek();
    CompareOp op = CompareOp.of(t.kind());
    if (op != null) {
      Operand l = requireOperand(left);
      in.next();
      countOperator();
      Operand r = requireOperand(primary());
      distinct(op.symbol(), l, r);
      if (op.isOrdering()) {
        orderable(op.symbol(), l);
        orderable(op.symbol(), r);
      }
      return parsedCondition(new Compare(op, l, r));
    }
    if (t.isKeyword("BETWEEN")) {
      Operand value = requireOperand(left);
      in.next();
      countOperator();
      Operand low = requireOperand(primary());
      if (!in.atKeyword("AND")) {
        throw in.syntaxErrorHere();
      }
      in.next();
      Operand high = requireOperand(primary());
      distinct("BETWEEN", value, low, high);
      checkBetweenBounds(value, low, high);
      return parsedCondition(new Between(value, low, high));
    }
    if (t.isKeyword("IN")) {
      Operand value = requireOperand(left);
      in.next();
      countOperator();
      in.expect(Kind.LPAREN);
      List<Operand> candidates = new ArrayList<>();
      candidates.add(requireOperand(primary()));
      while (in.at(Kind.COMMA)) {
        in.next();
        candidates.add(requireOperand(primary()));
      }
      in.expect(Kind.RPAREN);
      if (candidates.size() + 1 > MAX_IN_OPERANDS) {
        throw ExpressionErrors.tooManyInOperands(in.parameter(), candidates.size() + 1);
      }
      distinct("IN", value, candidates.toArray(new Operand[0]));
      return parsedCondition(new In(value, candidates));
    }
    return left;
  }

  private Parsed primary() {
    Token t = in.peek();
    if (t.is(Kind.LPAREN)) {
      in.next();
      if (++parenDepth > MAX_PAREN_DEPTH) {
        // Each level costs a few stack frames of this parser; a hundred levels are far more than
        // any real expression needs, and the service rejects redundant levels anyway.
        throw ExpressionErrors.redundantParentheses(in.parameter());
      }
      Parsed inner = or();
      in.expect(Kind.RPAREN);
      parenDepth--;
      if (inner.grouped()) {
        throw ExpressionErrors.redundantParentheses(in.parameter());
      }
      return new Parsed(inner.condition(), inner.operand(), inner.function(), true, in.position());
    }
    if (t.is(Kind.NAME) && in.peek(1).is(Kind.LPAREN)) {
      return call();
    }
    if (in.atPath()) {
      return parsedOperand(new PathOperand(in.path()));
    }
    if (t.is(Kind.VALUE_REF)) {
      return parsedOperand(new Constant(in.value()));
    }
    throw in.syntaxErrorHere();
  }

  /** {@code name(arg, ...)} where each argument is a path, a {@code :value} or another call. */
  private Parsed call() {
    String name = in.next().text();
    in.expect(Kind.LPAREN);
    List<Parsed> args = new ArrayList<>();
    args.add(argument());
    while (in.at(Kind.COMMA)) {
      in.next();
      args.add(argument());
    }
    in.expect(Kind.RPAREN);
    countOperator();
    List<Operand> operands = new ArrayList<>();
    for (Parsed arg : args) {
      operands.add(requireOperand(arg));
    }
    if (name.equals("size")) {
      return new Parsed(null, functions.size(operands), name, false, in.position());
    }
    return new Parsed(functions.condition(name, operands), null, name, false, in.position());
  }

  private Parsed argument() {
    Token t = in.peek();
    if (t.is(Kind.NAME) && in.peek(1).is(Kind.LPAREN)) {
      return call();
    }
    if (in.atPath()) {
      return parsedOperand(new PathOperand(in.path()));
    }
    if (t.is(Kind.VALUE_REF)) {
      return parsedOperand(new Constant(in.value()));
    }
    throw in.syntaxErrorHere();
  }

  private Parsed parsedOperand(Operand operand) {
    return new Parsed(null, operand, null, false, in.position());
  }

  private Parsed parsedCondition(ConditionNode condition) {
    return new Parsed(condition, null, null, false, in.position());
  }

  /** The condition a production yielded, or the service's error for an operand standing alone. */
  private ConditionNode requireCondition(Parsed p) {
    if (p.condition() != null) {
      return p.condition();
    }
    if (p.function() != null) {
      throw ExpressionErrors.functionMisused(in.parameter(), p.function());
    }
    throw in.syntaxError(p.end());
  }

  /** The operand a production yielded, or the service's error for a condition used as one. */
  private Operand requireOperand(Parsed p) {
    if (p.operand() != null) {
      return p.operand();
    }
    if (p.function() != null) {
      throw ExpressionErrors.functionMisused(in.parameter(), p.function());
    }
    throw in.syntaxError(Math.max(0, p.end() - 1));
  }

  private void countOperator() {
    if (++operators > MAX_OPERATORS) {
      throw ExpressionErrors.tooManyOperators(in.parameter(), operators);
    }
  }

  private void distinct(String operator, Operand first, Operand... rest) {
    for (Operand other : rest) {
      if (first.equals(other)) {
        throw ExpressionErrors.operandsNotDistinct(in.parameter(), operator, first.toString());
      }
    }
  }

  private void orderable(String operator, Operand operand) {
    AttributeValue c = operand.constant();
    if (c != null && !TypeNames.isOrderable(c)) {
      throw ExpressionErrors.operandType(in.parameter(), operator, TypeNames.shortName(c));
    }
  }

  private void checkBetweenBounds(Operand value, Operand low, Operand high) {
    orderable("BETWEEN", value);
    orderable("BETWEEN", low);
    orderable("BETWEEN", high);
    AttributeValue lo = low.constant();
    AttributeValue hi = high.constant();
    if (lo == null || hi == null) {
      return;
    }
    String bounds = "; lower bound operand: " + low + ", upper bound operand: " + high;
    if (lo.type() != hi.type()) {
      throw ExpressionErrors.invalid(
          in.parameter(),
          "The BETWEEN operator requires same data type for lower and upper bounds" + bounds);
    }
    Integer sign = ValueFunctions.order(lo, hi);
    if (sign != null && sign > 0) {
      throw ExpressionErrors.invalid(
          in.parameter(),
          "The BETWEEN operator requires upper bound to be greater than or equal to lower bound"
              + bounds);
    }
  }
}
