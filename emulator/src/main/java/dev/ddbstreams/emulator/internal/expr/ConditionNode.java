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

import dev.ddbstreams.emulator.internal.value.Values;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The parsed form of a condition: a tree of these immutable nodes, each of which evaluates itself
 * on an item. A missing attribute makes every test false except {@code <>} (true) and {@code
 * attribute_not_exists} (true); values of different types are unequal and unordered.
 */
sealed interface ConditionNode extends Condition {

  /** {@code left AND right}. */
  record And(ConditionNode left, ConditionNode right) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) && right.test(item);
    }
  }

  /** {@code left OR right}. */
  record Or(ConditionNode left, ConditionNode right) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      return left.test(item) || right.test(item);
    }
  }

  /** {@code NOT operand}. */
  record Not(ConditionNode operand) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      return !operand.test(item);
    }
  }

  /** {@code left op right}. */
  record Compare(CompareOp op, Operand left, Operand right) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue a = left.evaluate(item);
      AttributeValue b = right.evaluate(item);
      if (op == CompareOp.EQ || op == CompareOp.NE) {
        boolean equal = a != null && b != null && Values.equal(a, b);
        return equal == (op == CompareOp.EQ);
      }
      if (a == null || b == null) {
        return false;
      }
      Integer sign = ValueFunctions.order(a, b);
      return sign != null && op.holds(sign);
    }
  }

  /** {@code value BETWEEN low AND high}, both bounds included. */
  record Between(Operand value, Operand low, Operand high) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = value.evaluate(item);
      AttributeValue lo = low.evaluate(item);
      AttributeValue hi = high.evaluate(item);
      if (v == null || lo == null || hi == null) {
        return false;
      }
      Integer fromLow = ValueFunctions.order(v, lo);
      Integer toHigh = ValueFunctions.order(v, hi);
      return fromLow != null && toHigh != null && fromLow >= 0 && toHigh <= 0;
    }
  }

  /** {@code value IN (candidates...)}. */
  record In(Operand value, List<Operand> candidates) implements ConditionNode {
    public In {
      candidates = List.copyOf(candidates);
    }

    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = value.evaluate(item);
      if (v == null) {
        return false;
      }
      for (Operand candidate : candidates) {
        AttributeValue c = candidate.evaluate(item);
        if (c != null && Values.equal(v, c)) {
          return true;
        }
      }
      return false;
    }
  }

  /** {@code attribute_exists(path)} ({@code exists}) or {@code attribute_not_exists(path)}. */
  record Exists(Path path, boolean exists) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      return (path.resolve(item) != null) == exists;
    }
  }

  /** {@code attribute_type(operand, :type)}, {@code type} already checked to be a valid name. */
  record TypeIs(Operand operand, String type) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue v = operand.evaluate(item);
      return v != null && TypeNames.shortName(v).equals(type);
    }
  }

  /** {@code begins_with(whole, prefix)}. */
  record BeginsWith(Operand whole, Operand prefix) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue w = whole.evaluate(item);
      AttributeValue p = prefix.evaluate(item);
      return w != null && p != null && ValueFunctions.beginsWith(w, p);
    }
  }

  /** {@code contains(container, operand)}. */
  record Contains(Operand container, Operand operand) implements ConditionNode {
    @Override
    public boolean test(Map<String, AttributeValue> item) {
      AttributeValue c = container.evaluate(item);
      AttributeValue o = operand.evaluate(item);
      return c != null && o != null && ValueFunctions.contains(c, o);
    }
  }
}
