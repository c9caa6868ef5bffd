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
import org.jspecify.annotations.Nullable;

/** The comparators {@code = <> < <= > >=}. */
enum CompareOp {
  EQ("="),
  NE("<>"),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** Whether this is one of {@code < <= > >=}, which only order strings, numbers and binaries. */
  boolean isOrdering() {
    return this != EQ && this != NE;
  }

  /** Whether an ordering comparison holds given the sign of {@code compare(left, right)}. */
  boolean holds(int sign) {
    switch (this) {
      case LT:
        return sign < 0;
      case LE:
        return sign <= 0;
      case GT:
        return sign > 0;
      case GE:
        return sign >= 0;
      case EQ:
        return sign == 0;
      default:
        return sign != 0;
    }
  }

  /** The comparator with its operands swapped: {@code a < b} is {@code b > a}. */
  CompareOp flipped() {
    switch (this) {
      case LT:
        return GT;
      case LE:
        return GE;
      case GT:
        return LT;
      case GE:
        return LE;
      default:
        return this;
    }
  }

  static @Nullable CompareOp of(Kind kind) {
    switch (kind) {
      case EQ:
        return EQ;
      case NE:
        return NE;
      case LT:
        return LT;
      case LE:
        return LE;
      case GT:
        return GT;
      case GE:
        return GE;
      default:
        return null;
    }
  }
}
