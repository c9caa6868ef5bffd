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

import dev.ddbstreams.emulator.internal.value.Numbers;
import dev.ddbstreams.emulator.internal.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the {@code ADD} and {@code DELETE} actions compute: number addition (from zero when the
 * attribute is missing), set union and set difference. Set members keep their order; a member
 * already present (numbers compared by value) is not added again.
 */
final class SetMath {

  private SetMath() {}

  /** {@code ADD}: the new value of an attribute that is {@code existing} (or missing). */
  static AttributeValue add(@Nullable AttributeValue existing, AttributeValue operand) {
    if (operand.type() == AttributeValue.Type.N) {
      if (existing == null) {
        return AttributeValue.fromN(Numbers.add("0", operand.n()));
      }
      if (existing.type() != AttributeValue.Type.N) {
        throw ExpressionErrors.wrongDataType();
      }
      return AttributeValue.fromN(Numbers.add(existing.n(), operand.n()));
    }
    if (existing == null) {
      return operand;
    }
    if (existing.type() != operand.type()) {
      throw ExpressionErrors.wrongDataType();
    }
    switch (operand.type()) {
      case SS:
        return AttributeValue.fromSs(
            combine(existing.ss(), operand.ss(), AttributeValue::fromS, true));
      case NS:
        return AttributeValue.fromNs(
            combine(existing.ns(), operand.ns(), AttributeValue::fromN, true));
      default:
        return AttributeValue.fromBs(
            combine(existing.bs(), operand.bs(), AttributeValue::fromB, true));
    }
  }

  /** {@code DELETE}: what is left of the set, or {@code null} when nothing is. */
  static @Nullable AttributeValue subtract(AttributeValue existing, AttributeValue operand) {
    if (existing.type() != operand.type()) {
      throw ExpressionErrors.wrongDataType();
    }
    AttributeValue rest;
    int size;
    switch (operand.type()) {
      case SS:
        List<String> ss = combine(existing.ss(), operand.ss(), AttributeValue::fromS, false);
        rest = AttributeValue.fromSs(ss);
        size = ss.size();
        break;
      case NS:
        List<String> ns = combine(existing.ns(), operand.ns(), AttributeValue::fromN, false);
        rest = AttributeValue.fromNs(ns);
        size = ns.size();
        break;
      default:
        List<SdkBytes> bs = combine(existing.bs(), operand.bs(), AttributeValue::fromB, false);
        rest = AttributeValue.fromBs(bs);
        size = bs.size();
        break;
    }
    return size == 0 ? null : rest;
  }

  /** The union ({@code union}) or difference of two sets' members. */
  private static <T> List<T> combine(
      List<T> existing, List<T> operand, Function<T, AttributeValue> wrap, boolean union) {
    List<T> result = new ArrayList<>();
    if (union) {
      result.addAll(existing);
      for (T member : operand) {
        if (!containsMember(result, member, wrap)) {
          result.add(member);
        }
      }
    } else {
      for (T member : existing) {
        if (!containsMember(operand, member, wrap)) {
          result.add(member);
        }
      }
    }
    return result;
  }

  private static <T> boolean containsMember(
      List<T> members, T member, Function<T, AttributeValue> wrap) {
    AttributeValue wanted = wrap.apply(member);
    for (T m : members) {
      if (Values.equal(wrap.apply(m), wanted)) {
        return true;
      }
    }
    return false;
  }
}
