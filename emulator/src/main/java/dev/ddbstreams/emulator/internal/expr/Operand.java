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
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An operand of a condition: a document path, a {@code :value}, or {@code size(path)}. Evaluating
 * one yields {@code null} when the item has no such attribute (or, for {@code size}, when the
 * attribute has no size), which makes every comparison but {@code <>} false.
 */
sealed interface Operand permits Operand.PathOperand, Operand.Constant, Operand.Size {

  @Nullable AttributeValue evaluate(Map<String, AttributeValue> item);

  /** The value of a {@code :value} operand, known before any item is read; else {@code null}. */
  default @Nullable AttributeValue constant() {
    return null;
  }

  /** A document path into the item. */
  record PathOperand(Path path) implements Operand {
    @Override
    public @Nullable AttributeValue evaluate(Map<String, AttributeValue> item) {
      return path.resolve(item);
    }

    @Override
    public String toString() {
      return path.toString();
    }
  }

  /** A {@code :value} placeholder. */
  record Constant(ValueRef ref) implements Operand {
    @Override
    public AttributeValue evaluate(Map<String, AttributeValue> item) {
      return ref.value();
    }

    @Override
    public AttributeValue constant() {
      return ref.value();
    }

    @Override
    public String toString() {
      return ref.placeholder();
    }
  }

  /** {@code size(path)}: a number, or nothing if the attribute is missing or has no size. */
  record Size(Path path) implements Operand {
    @Override
    public @Nullable AttributeValue evaluate(Map<String, AttributeValue> item) {
      AttributeValue v = path.resolve(item);
      return v == null ? null : ValueFunctions.size(v);
    }

    @Override
    public String toString() {
      return "size(" + path + ")";
    }
  }
}
