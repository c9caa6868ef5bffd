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

import dev.ddbstreams.emulator.internal.expr.TokenReader.ValueRef;
import dev.ddbstreams.emulator.internal.value.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The right-hand side of a {@code SET} action: a value, a path, {@code if_not_exists}, {@code
 * list_append}, or the sum or difference of two of these. It is evaluated against the item as it
 * was before the update, so {@code SET a = :v, b = a} copies the old {@code a}.
 */
sealed interface UpdateValue {

  /**
   * The value this computes on the item.
   *
   * @throws dev.ddbstreams.emulator.internal.protocol.AwsException if a path it reads is missing or
   *     an operand has the wrong type
   */
  AttributeValue evaluate(Map<String, AttributeValue> item);

  /** A {@code :value} placeholder. */
  record Constant(ValueRef ref) implements UpdateValue {
    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
      return ref.value();
    }
  }

  /** A path, which must exist in the item. */
  record PathValue(Path path) implements UpdateValue {
    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
      AttributeValue v = path.resolve(item);
      if (v == null) {
        throw ExpressionErrors.missingAttribute();
      }
      return v;
    }
  }

  /** {@code if_not_exists(path, fallback)}: the path's value if it exists, else the fallback. */
  record IfNotExists(Path path, UpdateValue fallback) implements UpdateValue {
    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
      AttributeValue v = path.resolve(item);
      return v != null ? v : fallback.evaluate(item);
    }
  }

  /** {@code list_append(first, second)}: the elements of both lists, first's first. */
  record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {
    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
      AttributeValue a = first.evaluate(item);
      AttributeValue b = second.evaluate(item);
      if (a.type() != AttributeValue.Type.L || b.type() != AttributeValue.Type.L) {
        throw ExpressionErrors.wrongDataType();
      }
      List<AttributeValue> joined = new ArrayList<>(a.l().size() + b.l().size());
      joined.addAll(a.l());
      joined.addAll(b.l());
      return AttributeValue.fromL(joined);
    }
  }

  /** {@code left + right} or {@code left - right}, exact to the service's 38 digits. */
  record Arithmetic(boolean plus, UpdateValue left, UpdateValue right) implements UpdateValue {
    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
      AttributeValue a = left.evaluate(item);
      AttributeValue b = right.evaluate(item);
      if (a.type() != AttributeValue.Type.N || b.type() != AttributeValue.Type.N) {
        throw ExpressionErrors.wrongDataType();
      }
      return AttributeValue.fromN(
          plus ? Numbers.add(a.n(), b.n()) : Numbers.subtract(a.n(), b.n()));
    }

    String symbol() {
      return plus ? "+" : "-";
    }
  }
}
