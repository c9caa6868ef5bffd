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

import static dev.ddbstreams.emulator.internal.expr.Av.b;
import static dev.ddbstreams.emulator.internal.expr.Av.bool;
import static dev.ddbstreams.emulator.internal.expr.Av.bs;
import static dev.ddbstreams.emulator.internal.expr.Av.bytes;
import static dev.ddbstreams.emulator.internal.expr.Av.item;
import static dev.ddbstreams.emulator.internal.expr.Av.l;
import static dev.ddbstreams.emulator.internal.expr.Av.m;
import static dev.ddbstreams.emulator.internal.expr.Av.n;
import static dev.ddbstreams.emulator.internal.expr.Av.ns;
import static dev.ddbstreams.emulator.internal.expr.Av.nul;
import static dev.ddbstreams.emulator.internal.expr.Av.s;
import static dev.ddbstreams.emulator.internal.expr.Av.ss;
import static dev.ddbstreams.emulator.internal.expr.Req.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The comparators, BETWEEN and IN of condition expressions. */
class ConditionComparisonTest {

  private static final Map<String, AttributeValue> ITEM =
      item(
          "num", n("10"),
          "str", s("cat"),
          "bin", b(0x7f),
          "lst", l(n("1"), s("x")),
          "mp", m("k", n("1")),
          "strs", ss("a", "b"),
          "flag", bool(true),
          "nothing", nul());

  @Test
  void equalsComparesNumbersByValueNotByText() {
    assertThat(values(":v", n("10.000")).test("num = :v", ITEM)).isTrue();
    assertThat(values(":v", n("1E+1")).test("num = :v", ITEM)).isTrue();
    assertThat(values(":v", n("10.0001")).test("num = :v", ITEM)).isFalse();
  }

  @Test
  void equalsBetweenDifferentTypesIsFalseAndNotEqualsTrue() {
    assertThat(values(":v", s("10")).test("num = :v", ITEM)).isFalse();
    assertThat(values(":v", s("10")).test("num <> :v", ITEM)).isTrue();
    assertThat(values(":v", ns("10")).test("num = :v", ITEM)).isFalse();
  }

  @Test
  void equalsWorksOnEveryType() {
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"str", s("cat")});
    cases.add(new Object[] {"bin", b(0x7f)});
    cases.add(new Object[] {"lst", l(n("1.0"), s("x"))});
    cases.add(new Object[] {"mp", m("k", n("1"))});
    cases.add(new Object[] {"strs", ss("b", "a")});
    cases.add(new Object[] {"flag", bool(true)});
    cases.add(new Object[] {"nothing", nul()});
    for (Object[] c : cases) {
      assertThat(values(":v", (AttributeValue) c[1]).test(c[0] + " = :v", ITEM))
          .as("%s", c[0])
          .isTrue();
    }
    assertThat(values(":v", l(s("x"), n("1"))).test("lst = :v", ITEM)).isFalse();
    assertThat(values(":v", m("k", n("2"))).test("mp = :v", ITEM)).isFalse();
    assertThat(values(":v", bool(false)).test("flag = :v", ITEM)).isFalse();
  }

  @Test
  void numberSetsAreEqualByMemberValuesInAnyOrder() {
    Map<String, AttributeValue> item = item("ns", ns("1", "2.50"), "bs", bs(bytes(1), bytes(2)));
    assertThat(values(":v", ns("2.5", "1.0")).test("ns = :v", item)).isTrue();
    assertThat(values(":v", ns("2.5")).test("ns = :v", item)).isFalse();
    assertThat(values(":v", bs(bytes(2), bytes(1))).test("bs = :v", item)).isTrue();
  }

  @Test
  void aMissingAttributeIsUnequalToEverythingEvenAnotherMissingOne() {
    assertThat(values(":v", n("1")).test("absent = :v", ITEM)).isFalse();
    assertThat(values(":v", n("1")).test("absent <> :v", ITEM)).isTrue();
    assertThat(Req.req().test("absent = gone", ITEM)).isFalse();
    assertThat(Req.req().test("absent <> gone", ITEM)).isTrue();
  }

  @Test
  void orderingComparesNumbersByValue() {
    Req r = values(":v", n("9"));
    assertThat(r.test("num > :v", ITEM)).isTrue();
    assertThat(r.test("num >= :v", ITEM)).isTrue();
    assertThat(r.test("num < :v", ITEM)).isFalse();
    assertThat(r.test("num <= :v", ITEM)).isFalse();
    assertThat(values(":v", n("10.0")).test("num <= :v", ITEM)).isTrue();
    assertThat(values(":v", n("10.0")).test("num >= :v", ITEM)).isTrue();
    assertThat(values(":v", n("-1E+2")).test("num > :v", ITEM)).isTrue();
  }

  @Test
  void orderingComparesNumbersOf38DigitsExactly() {
    Map<String, AttributeValue> item = item("big", n("99999999999999999999999999999999999999"));
    assertThat(values(":v", n("99999999999999999999999999999999999998")).test("big > :v", item))
        .isTrue();
    assertThat(values(":v", n("0.99999999999999999999999999999999999999")).test("big > :v", item))
        .isTrue();
    assertThat(values(":v", n("1E+38")).test("big < :v", item)).isTrue();
  }

  @Test
  void orderingComparesStringsByCodePointAsUtf8Bytes() {
    // U+FFFF sorts before U+1F600 by code point, although its UTF-16 unit is larger.
    Map<String, AttributeValue> item = item("a", s("\uffff"), "b", s("\ud83d\ude00"));
    assertThat(Req.req().test("a < b", item)).isTrue();
    assertThat(values(":v", s("caT")).test("str > :v", ITEM)).isTrue();
    assertThat(values(":v", s("cats")).test("str < :v", ITEM)).isTrue();
  }

  @Test
  void orderingComparesBinariesAsUnsignedBytes() {
    assertThat(values(":v", b(0x80)).test("bin < :v", ITEM)).isTrue();
    assertThat(values(":v", b(0x7f, 0x00)).test("bin < :v", ITEM)).isTrue();
    assertThat(values(":v", b(0x01)).test("bin > :v", ITEM)).isTrue();
  }

  @Test
  void orderingBetweenDifferentTypesOrMissingAttributesIsFalse() {
    for (String op : List.of("<", "<=", ">", ">=")) {
      assertThat(values(":v", s("10")).test("num " + op + " :v", ITEM)).as(op).isFalse();
      assertThat(values(":v", n("1")).test("absent " + op + " :v", ITEM)).as(op).isFalse();
      assertThat(values(":v", n("1")).test(":v " + op + " absent", ITEM)).as(op).isFalse();
      assertThat(values(":v", n("1")).test("lst " + op + " :v", ITEM)).as(op).isFalse();
    }
  }

  @Test
  void orderingRejectsAConstantOfAnUnorderableType() {
    assertThatThrownBy(() -> values(":v", l(n("1"))).condition("num < :v"))
        .isInstanceOf(AwsException.class)
        .hasMessage(
            "Invalid ConditionExpression: Incorrect operand type for operator or function;"
                + " operator or function: <, operand type: L");
    assertThatThrownBy(() -> values(":v", bool(true)).condition(":v >= num"))
        .hasMessageContaining("operator or function: >=, operand type: BOOL");
    assertThatThrownBy(() -> values(":v", ss("a")).condition("num > :v"))
        .hasMessageContaining("operand type: SS");
  }

  @Test
  void betweenIncludesBothBounds() {
    assertThat(values(":lo", n("10"), ":hi", n("20")).test("num BETWEEN :lo AND :hi", ITEM))
        .isTrue();
    assertThat(values(":lo", n("1"), ":hi", n("10")).test("num BETWEEN :lo AND :hi", ITEM))
        .isTrue();
    assertThat(values(":lo", n("11"), ":hi", n("20")).test("num BETWEEN :lo AND :hi", ITEM))
        .isFalse();
    assertThat(values(":lo", s("car"), ":hi", s("cat")).test("str BETWEEN :lo AND :hi", ITEM))
        .isTrue();
    assertThat(values(":lo", b(0x00), ":hi", b(0x80)).test("bin BETWEEN :lo AND :hi", ITEM))
        .isTrue();
  }

  @Test
  void betweenIsFalseForOtherTypesMissingAttributesAndReversedPathBounds() {
    assertThat(values(":lo", s("1"), ":hi", s("z")).test("num BETWEEN :lo AND :hi", ITEM))
        .isFalse();
    assertThat(values(":lo", n("1"), ":hi", n("2")).test("absent BETWEEN :lo AND :hi", ITEM))
        .isFalse();
    Map<String, AttributeValue> item = item("x", n("5"), "hi", n("1"), "lo", n("9"));
    assertThat(Req.req().test("x BETWEEN lo AND hi", item)).isFalse();
  }

  @Test
  void betweenRejectsConstantBoundsOutOfOrderOrOfDifferentTypesWithoutQuotingThem() {
    assertThatThrownBy(
            () -> values(":lo", n("5"), ":hi", n("4")).condition("num BETWEEN :lo AND :hi"))
        .hasMessage(
            "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater"
                + " than or equal to lower bound; lower bound operand: :lo, upper bound operand:"
                + " :hi");
    assertThatThrownBy(
            () -> values(":lo", n("5"), ":hi", s("x")).condition("num BETWEEN :lo AND :hi"))
        .hasMessageContaining("requires same data type for lower and upper bounds")
        .hasMessageNotContaining("5");
    assertThatThrownBy(() -> values(":lo", l(), ":hi", l()).condition("num BETWEEN :lo AND :hi"))
        .hasMessageContaining("operator or function: BETWEEN, operand type: L");
  }

  @Test
  void inMatchesAnyCandidateOfAnyType() {
    Req r = values(":a", s("dog"), ":b", n("10.0"), ":c", ss("b", "a"));
    assertThat(r.test("num IN (:a, :b)", ITEM)).isTrue();
    assertThat(r.test("strs IN (:a,:c)", ITEM)).isTrue();
    assertThat(r.test("str IN (:a, :b, :c)", ITEM)).isFalse();
    assertThat(r.test("absent IN (:a, :b, :c)", ITEM)).isFalse();
    assertThat(Req.req().test("x IN (y, z)", item("x", n("1"), "y", n("2"), "z", n("1.0"))))
        .isTrue();
  }

  @Test
  void inAcceptsNinetyNineCandidatesButNotOneHundred() {
    Req r = Req.req();
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      r.value(":v" + i, n(i));
      placeholders.add(":v" + i);
    }
    String ninetyNine = "num IN (" + String.join(",", placeholders.subList(0, 99)) + ")";
    assertThat(r.test(ninetyNine, ITEM)).isTrue();
    String hundred = "num IN (" + String.join(",", placeholders) + ")";
    assertThatThrownBy(() -> r.condition(hundred))
        .hasMessage(
            "Invalid ConditionExpression: The IN operator is provided with too many operands;"
                + " number of operands: 101");
  }

  @Test
  void anOperatorRejectsTheSameOperandOnBothSides() {
    assertThatThrownBy(() -> Req.req().condition("num = num"))
        .hasMessage(
            "Invalid ConditionExpression: The first operand must be distinct from the remaining"
                + " operands for this operator or function; operator: =, first operand: [num]");
    assertThatThrownBy(() -> Req.req().name("#n", "num").condition("#n < num"))
        .hasMessageContaining("operator: <, first operand: [num]");
    assertThatThrownBy(() -> values(":v", n("1")).condition("num BETWEEN num AND :v"))
        .hasMessageContaining("operator: BETWEEN");
    assertThatThrownBy(() -> values(":v", n("1")).condition("a.b IN (:v, a.b)"))
        .hasMessageContaining("operator: IN, first operand: [a, b]");
  }

  @Test
  void comparisonsCanReadNestedAttributesOnBothSides() {
    Map<String, AttributeValue> item = item("b", m("x", n("1"), "y", l(n("-1"), n("2"), n("0"))));
    assertThat(Req.req().test("b.x < b.y[1]", item)).isTrue();
    assertThat(Req.req().test("b.x < b.y[0]", item)).isFalse();
    assertThat(Req.req().test("b.z < b.y[100]", item)).isFalse();
  }
}
