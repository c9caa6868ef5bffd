package dev.ddbstreams.emulator.internal.expr;

import dev.ddbstreams.emulator.internal.expr.TokenReader.ValueRef;

/** One action of an update expression, with the path it writes or removes. */
sealed interface UpdateAction {

  Path path();

  /** {@code SET path = value}. */
  record Set(Path path, UpdateValue value) implements UpdateAction {}

  /** {@code REMOVE path}. */
  record Remove(Path path) implements UpdateAction {}

  /** {@code ADD path :value}: add to a number, or union into a set. */
  record Add(Path path, ValueRef operand) implements UpdateAction {}

  /** {@code DELETE path :set}: remove members from a set. */
  record Delete(Path path, ValueRef operand) implements UpdateAction {}
}
