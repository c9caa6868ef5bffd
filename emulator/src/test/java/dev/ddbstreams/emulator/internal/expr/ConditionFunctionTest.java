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

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The functions of condition expressions. */
class ConditionFunctionTest {

  private static final Map<String, AttributeValue> ITEM =
      item(
          "s", s("hello"),
          "b", b(1, 2, 3, 4),
          "ss", ss("red", "blue"),
          "ns", ns("2", "4.0"),
          "bs", bs(bytes(1), bytes(2)),
          "l", l(s("hi"), ss("x"), l(n("3"), n("4")), n("7")),
          "m", m("x", n("1"), "y", m("z", n("2"))),
          "n", n("5"),
          "t", bool(true),
          "z", nul());

  @Test
  void attributeExistsChecksTopLevelNestedAndListPaths() {
    Req r = Req.req();
    assertThat(r.test("attribute_exists(s)", ITEM)).isTrue();
    assertThat(r.test("attribute_exists(m.y.z)", ITEM)).isTrue();
    assertThat(r.test("attribute_exists(l[3])", ITEM)).isTrue();
    assertThat(r.test("attribute_exists(l[4])", ITEM)).isFalse();
    assertThat(r.test("attribute_exists(m.y.q)", ITEM)).isFalse();
    assertThat(r.test("attribute_exists(s.x)", ITEM)).isFalse();
    assertThat(r.test("attribute_exists(m[0])", ITEM)).isFalse();
    assertThat(r.test("attribute_exists(z)", ITEM)).isTrue();
    assertThat(r.test("attribute_not_exists(absent)", ITEM)).isTrue();
    assertThat(r.test("attribute_not_exists(m.x)", ITEM)).isFalse();
    assertThat(r.test("attribute_not_exists(s)", Map.of())).isTrue();
  }

  @Test
  void attributeExistsRequiresADocumentPath() {
    assertThatThrownBy(() -> values(":v", n("1")).condition("attribute_exists(:v)"))
        .hasMessage(
            "Invalid ConditionExpression: Operator or function requires a document path;"
                + " operator or function: attribute_exists");
    assertThatThrownBy(() -> Req.req().condition("attribute_not_exists(size(s))"))
        .hasMessageContaining(
            "requires a document path; operator or function: attribute_not_exists");
  }

  @Test
  void attributeTypeRecognisesEveryType() {
    String[][] cases = {
      {"s", "S"}, {"b", "B"}, {"ss", "SS"}, {"ns", "NS"}, {"bs", "BS"},
      {"l", "L"}, {"m", "M"}, {"n", "N"}, {"t", "BOOL"}, {"z", "NULL"}
    };
    for (String[] c : cases) {
      assertThat(values(":t", s(c[1])).test("attribute_type(" + c[0] + ", :t)", ITEM))
          .as(c[0])
          .isTrue();
      assertThat(
              values(":t", s(c[1].equals("S") ? "N" : "S"))
                  .test("attribute_type(" + c[0] + ", :t)", ITEM))
          .as(c[0])
          .isFalse();
    }
    assertThat(values(":t", s("S")).test("attribute_type(absent, :t)", ITEM)).isFalse();
    assertThat(values(":t", s("N"), ":v", n("0")).test("attribute_type(:v, :t)", ITEM)).isTrue();
  }

  @Test
  void attributeTypeRejectsAnUnknownTypeNamingThePlaceholderNotTheValue() {
    assertThatThrownBy(() -> values(":t", s("DOG")).condition("attribute_type(s, :t)"))
        .hasMessage(
            "Invalid ConditionExpression: Invalid attribute type name found; type: :t, valid"
                + " types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }");
    assertThatThrownBy(() -> values(":t", s("s")).condition("attribute_type(s, :t)"))
        .hasMessageContaining("Invalid attribute type name found");
    assertThatThrownBy(() -> values(":t", n("1")).condition("attribute_type(s, :t)"))
        .hasMessageContaining("operator or function: attribute_type, operand type: N");
    assertThatThrownBy(() -> Req.req().condition("attribute_type(s, n)"))
        .hasMessageContaining("attribute_type");
  }

  @Test
  void beginsWithTestsStringAndBinaryPrefixes() {
    assertThat(values(":p", s("hel")).test("begins_with(s, :p)", ITEM)).isTrue();
    assertThat(values(":p", s("hello")).test("begins_with(s, :p)", ITEM)).isTrue();
    assertThat(values(":p", s("help")).test("begins_with(s, :p)", ITEM)).isFalse();
    assertThat(values(":p", s("")).test("begins_with(s, :p)", ITEM)).isTrue();
    assertThat(values(":p", b(1, 2)).test("begins_with(b, :p)", ITEM)).isTrue();
    assertThat(values(":p", b(2)).test("begins_with(b, :p)", ITEM)).isFalse();
    assertThat(values(":p", b(1, 2, 3, 4, 5)).test("begins_with(b, :p)", ITEM)).isFalse();
    assertThat(values(":p", s("he")).test("begins_with(b, :p)", ITEM)).isFalse();
    assertThat(values(":p", s("he")).test("begins_with(ss, :p)", ITEM)).isFalse();
    assertThat(values(":p", s("he")).test("begins_with(absent, :p)", ITEM)).isFalse();
    assertThat(values(":w", s("hello world")).test("begins_with(:w, s)", ITEM)).isTrue();
  }

  @Test
  void beginsWithRejectsAConstantThatIsNeitherStringNorBinary() {
    assertThatThrownBy(() -> values(":p", n("1")).condition("begins_with(s, :p)"))
        .hasMessage(
            "Invalid ConditionExpression: Incorrect operand type for operator or function;"
                + " operator or function: begins_with, operand type: N");
  }

  @Test
  void containsFindsSubstringsSubsequencesSetMembersAndListElements() {
    assertThat(values(":v", s("ell")).test("contains(s, :v)", ITEM)).isTrue();
    assertThat(values(":v", s("elo")).test("contains(s, :v)", ITEM)).isFalse();
    assertThat(values(":v", b(2, 3)).test("contains(b, :v)", ITEM)).isTrue();
    assertThat(values(":v", b(3, 2)).test("contains(b, :v)", ITEM)).isFalse();
    assertThat(values(":v", s("red")).test("contains(ss, :v)", ITEM)).isTrue();
    assertThat(values(":v", s("re")).test("contains(ss, :v)", ITEM)).isFalse();
    assertThat(values(":v", n("4")).test("contains(ns, :v)", ITEM)).isTrue();
    assertThat(values(":v", s("4")).test("contains(ns, :v)", ITEM)).isFalse();
    assertThat(values(":v", b(2)).test("contains(bs, :v)", ITEM)).isTrue();
    assertThat(values(":v", n("7.0")).test("contains(l, :v)", ITEM)).isTrue();
    assertThat(values(":v", ss("x")).test("contains(l, :v)", ITEM)).isTrue();
    assertThat(values(":v", l(n("3"), n("4"))).test("contains(l, :v)", ITEM)).isTrue();
    assertThat(values(":v", n("3")).test("contains(l, :v)", ITEM)).isFalse();
    assertThat(values(":v", s("x")).test("contains(m, :v)", ITEM)).isFalse();
    assertThat(values(":v", n("5")).test("contains(n, :v)", ITEM)).isFalse();
    assertThat(values(":v", s("x")).test("contains(absent, :v)", ITEM)).isFalse();
  }

  @Test
  void containsRejectsTheSamePathTwice() {
    assertThatThrownBy(() -> Req.req().condition("contains(s, s)"))
        .hasMessageContaining("must be distinct")
        .hasMessageContaining("operator: contains");
    assertThat(Req.req().test("contains(s, t)", ITEM)).isFalse();
  }

  @Test
  void sizeMeasuresStringsInUtf16UnitsBinariesInBytesAndCollectionsInElements() {
    Map<String, AttributeValue> item = item("u", s("\u00e9\ud834\udd1e"));
    assertThat(values(":n", n("3")).test("size(u) = :n", item)).isTrue();
    Object[][] cases = {{"s", 5}, {"b", 4}, {"ss", 2}, {"ns", 2}, {"bs", 2}, {"l", 4}, {"m", 2}};
    for (Object[] c : cases) {
      assertThat(values(":n", n((Integer) c[1])).test("size(" + c[0] + ") = :n", ITEM))
          .as("%s", c[0])
          .isTrue();
    }
    assertThat(values(":n", n("1")).test("size(m.y) = :n", ITEM)).isTrue();
    assertThat(values(":n", n("2")).test("size(l[2]) = :n", ITEM)).isTrue();
  }

  @Test
  void sizeIsUsableWithEveryComparatorAndOnEitherSide() {
    Req r = values(":n", n("5"), ":lo", n("1"), ":hi", n("9"));
    assertThat(r.test("size(s) = :n", ITEM)).isTrue();
    assertThat(r.test("size(s) <> :n", ITEM)).isFalse();
    assertThat(r.test("size(s) <= :n", ITEM)).isTrue();
    assertThat(r.test(":n >= size(s)", ITEM)).isTrue();
    assertThat(r.test("size(s) > :lo", ITEM)).isTrue();
    assertThat(r.test("size(s) BETWEEN :lo AND :hi", ITEM)).isTrue();
    assertThat(r.test("size(s) IN (:lo, :n)", ITEM)).isTrue();
    assertThat(r.test("size(s) = n", ITEM)).isTrue();
  }

  @Test
  void sizeOfANumberBooleanNullOrMissingAttributeHasNoValue() {
    for (String path : new String[] {"n", "t", "z", "absent"}) {
      assertThat(values(":n", n("1")).test("size(" + path + ") = :n", ITEM)).as(path).isFalse();
      assertThat(values(":n", n("1")).test("size(" + path + ") >= :n", ITEM)).as(path).isFalse();
      assertThat(values(":n", n("1")).test("size(" + path + ") <> :n", ITEM)).as(path).isTrue();
    }
    assertThat(values(":n", s("5")).test("size(s) = :n", ITEM)).isFalse();
  }

  @Test
  void sizeMustTakeOnePathAndCannotStandAlone() {
    assertThatThrownBy(() -> values(":v", s("x"), ":n", n("1")).condition("size(:v) = :n"))
        .hasMessageContaining("requires a document path; operator or function: size");
    assertThatThrownBy(() -> values(":n", n("1")).condition("size(s, s) = :n"))
        .hasMessage(
            "Invalid ConditionExpression: Incorrect number of operands for operator or function;"
                + " operator or function: size, number of operands: 2");
    assertThatThrownBy(() -> Req.req().condition("size(s)"))
        .hasMessage(
            "Invalid ConditionExpression: The function is not allowed to be used this way in an"
                + " expression; function: size");
  }

  @Test
  void aBooleanFunctionCannotBeAnOperand() {
    assertThatThrownBy(() -> values(":v", n("1")).condition("attribute_exists(s) = :v"))
        .hasMessageContaining(
            "not allowed to be used this way in an expression; function: attribute_exists");
    assertThatThrownBy(() -> values(":v", s("x")).condition("contains(s, begins_with(s, :v))"))
        .hasMessageContaining("function: begins_with");
  }

  @Test
  void functionNamesAreCaseSensitive() {
    assertThatThrownBy(() -> Req.req().condition("ATTRIBUTE_EXISTS(s)"))
        .hasMessage(
            "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
    assertThatThrownBy(() -> Req.req().condition("dog(s)"))
        .hasMessage("Invalid ConditionExpression: Invalid function name; function: dog");
  }

  @Test
  void updateFunctionsAreNotAllowedInAConditionExpression() {
    assertThatThrownBy(() -> values(":v", n("1")).condition("if_not_exists(s, :v) = :v"))
        .hasMessage(
            "Invalid ConditionExpression: The function is not allowed in a condition expression;"
                + " function: if_not_exists");
    assertThatThrownBy(() -> values(":v", l()).condition("list_append(l, :v) = l"))
        .hasMessageContaining("function: list_append");
  }

  @Test
  void functionArgumentsCountOnEveryFunction() {
    assertThatThrownBy(() -> Req.req().condition("attribute_exists(s, n)"))
        .hasMessageContaining("operator or function: attribute_exists, number of operands: 2");
    assertThatThrownBy(() -> Req.req().condition("contains(s)"))
        .hasMessageContaining("operator or function: contains, number of operands: 1");
    assertThatThrownBy(() -> values(":t", s("S")).condition("attribute_type(s, :t, n)"))
        .hasMessageContaining("operator or function: attribute_type, number of operands: 3");
  }
}
