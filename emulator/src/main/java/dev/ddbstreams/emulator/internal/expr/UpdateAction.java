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
