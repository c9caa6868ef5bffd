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

import static dev.ddbstreams.emulator.internal.expr.Av.item;
import static dev.ddbstreams.emulator.internal.expr.Av.l;
import static dev.ddbstreams.emulator.internal.expr.Av.m;
import static dev.ddbstreams.emulator.internal.expr.Av.n;
import static dev.ddbstreams.emulator.internal.expr.Av.s;
import static dev.ddbstreams.emulator.internal.expr.Req.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The SET action and its operands. */
class UpdateSetTest {

  @Test
  void setWritesTopLevelAttributesAndKeepsTheOthers() {
    Map<String, AttributeValue> out =
        values(":v", s("new"), ":w", n("2"))
            .apply("SET a = :v, b = :w", item("a", s("old"), "c", n("1")));
    assertThat(out).isEqualTo(item("a", s("new"), "c", n("1"), "b", n("2")));
  }

  @Test
  void theItemGivenIsNeverChanged() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("m", m("x", n("1"), "l", l(n("1"), n("2"))));
    item.put("gone", s("x"));
    Map<String, AttributeValue> before = new LinkedHashMap<>(item);
    Map<String, AttributeValue> out =
        values(":v", n("9")).apply("SET m.x = :v, m.l[0] = :v, m.l[5] = :v REMOVE gone", item);
    assertThat(item).isEqualTo(before);
    assertThat(out).isEqualTo(item("m", m("x", n("9"), "l", l(n("9"), n("2"), n("9")))));
    out.put("extra", s("mine"));
    assertThat(item).doesNotContainKey("extra");
  }

  @Test
  void operandsAreReadFromTheItemBeforeTheUpdate() {
    Map<String, AttributeValue> item = item("a", s("old"));
    assertThat(values(":v", s("new")).apply("SET a = :v, b = a", item))
        .isEqualTo(item("a", s("new"), "b", s("old")));
    assertThat(Req.req().apply("REMOVE a SET b = a", item)).isEqualTo(item("b", s("old")));
    assertThatThrownBy(() -> values(":v", n("4")).apply("SET x = :v, y = x", item))
        .hasMessage(
            "The provided expression refers to an attribute that does not exist in the item");
  }

  @Test
  void copyingAMissingAttributeFails() {
    assertThatThrownBy(() -> Req.req().apply("SET c = z", item("a", n("1"))))
        .isInstanceOf(AwsException.class)
        .hasMessage(
            "The provided expression refers to an attribute that does not exist in the item");
    assertThatThrownBy(() -> Req.req().apply("SET z = z", Map.of()))
        .hasMessageContaining("does not exist in the item");
  }

  @Test
  void arithmeticIsExactAndCanonical() {
    Req r = values(":a", n("0.1"), ":b", n("0.2"), ":c", n("1.50"));
    assertThat(r.apply("SET x = :a + :b", Map.of()).get("x")).isEqualTo(n("0.3"));
    assertThat(r.apply("SET x = :c + :c", Map.of()).get("x")).isEqualTo(n("3"));
    assertThat(r.apply("SET x = :a - :c", Map.of()).get("x")).isEqualTo(n("-1.4"));
    assertThat(r.apply("SET x = x - :a", item("x", n("1E+2"))).get("x")).isEqualTo(n("99.9"));
    assertThat(r.apply("SET x = :c + x", item("x", n("1"))).get("x")).isEqualTo(n("2.5"));
  }

  @Test
  void arithmeticKeepsAll38Digits() {
    Req r = values(":one", n("1"));
    assertThat(
            r.apply("SET x = x + :one", item("x", n("12345678901234567890123456789012345678")))
                .get("x"))
        .isEqualTo(n("12345678901234567890123456789012345679"));
    assertThat(
            r.apply("SET x = :one - x", item("x", n("0.00000000000000000000000000000000000001")))
                .get("x"))
        .isEqualTo(n("0.99999999999999999999999999999999999999"));
  }

  @Test
  void arithmeticNeedingAThirtyNinthDigitFails() {
    Map<String, AttributeValue> nines = item("x", n("99999999999999999999999999999999999999"));
    assertThatThrownBy(() -> values(":v", n("0.1")).apply("SET x = x + :v", nines))
        .isInstanceOf(AwsException.class)
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
    assertThatThrownBy(() -> values(":v", n("1")).apply("SET x = x + :v", item("x", n("1E+38"))))
        .hasMessage("Attempting to store more than 38 significant digits in a Number");
    // 38 nines plus one is 1E+38: one significant digit, which the service stores.
    assertThat(values(":v", n("1")).apply("SET x = x + :v", nines).get("x"))
        .isEqualTo(n("100000000000000000000000000000000000000"));
  }

  @Test
  void arithmeticBeyondTheServicesRangeFails() {
    assertThatThrownBy(
            () ->
                values(":v", n("1E+125"))
                    .apply(
                        "SET x = x + :v",
                        item("x", n("9.9999999999999999999999999999999999999E+125"))))
        .hasMessageStartingWith("Number overflow.");
    assertThatThrownBy(
            () -> values(":v", n("1E-130"), ":w", n("1.1E-130")).apply("SET x = :w - :v", Map.of()))
        .hasMessageStartingWith("Number underflow.");
  }

  @Test
  void arithmeticOnSomethingOtherThanANumberFails() {
    assertThatThrownBy(() -> values(":v", n("1")).apply("SET x = x + :v", item("x", s("1"))))
        .hasMessage("An operand in the update expression has an incorrect data type");
    assertThatThrownBy(() -> values(":v", s("1")).update("SET x = x + :v"))
        .hasMessage(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator"
                + " or function: +, operand type: S");
    assertThatThrownBy(() -> values(":v", l()).update("SET x = :v - x"))
        .hasMessageContaining("operator or function: -, operand type: L");
    assertThatThrownBy(() -> values(":v", n("1")).apply("SET x = y + :v", Map.of()))
        .hasMessageContaining("does not exist in the item");
  }

  @Test
  void onlyOnePlusOrMinusPerAction() {
    assertThatThrownBy(
            () -> values(":a", n("1"), ":b", n("2"), ":c", n("3")).update("SET x = :a + :b + :c"))
        .hasMessage("Invalid UpdateExpression: Syntax error; token: \"+\", near: \":b + :c\"");
    assertThatThrownBy(
            () -> values(":a", n("1"), ":b", n("2")).update("SET x = if_not_exists(x, :a + :b)"))
        .hasMessageContaining("Syntax error; token: \"+\"");
  }

  @Test
  void ifNotExistsFallsBackOnlyWhenThePathIsMissing() {
    Req r = values(":v", n("1"), ":w", n("5"));
    assertThat(r.apply("SET x = if_not_exists(x, :v)", Map.of()).get("x")).isEqualTo(n("1"));
    assertThat(r.apply("SET x = if_not_exists(x, :v)", item("x", s("kept"))).get("x"))
        .isEqualTo(s("kept"));
    assertThat(r.apply("SET y = if_not_exists(m.a, :v)", item("m", m("a", n("7")))).get("y"))
        .isEqualTo(n("7"));
    assertThat(r.apply("SET x = if_not_exists(x, :v) + :w", Map.of()).get("x")).isEqualTo(n("6"));
    assertThat(r.apply("SET x = if_not_exists(y, if_not_exists(z, :w))", Map.of()).get("x"))
        .isEqualTo(n("5"));
  }

  @Test
  void ifNotExistsNeedsAPathFirst() {
    assertThatThrownBy(
            () -> values(":v", n("1"), ":w", n("2")).update("SET x = if_not_exists(:v, :w)"))
        .hasMessage(
            "Invalid UpdateExpression: Operator or function requires a document path; operator or"
                + " function: if_not_exists");
    assertThatThrownBy(() -> values(":v", n("1")).update("SET x = if_not_exists(x)"))
        .hasMessage(
            "Invalid UpdateExpression: Incorrect number of operands for operator or function;"
                + " operator or function: if_not_exists, number of operands: 1");
  }

  @Test
  void listAppendJoinsTwoListsInEitherOrder() {
    Req r = values(":v", l(s("c")), ":empty", l());
    Map<String, AttributeValue> item = item("l", l(s("a"), s("b")));
    assertThat(r.apply("SET l = list_append(l, :v)", item).get("l"))
        .isEqualTo(l(s("a"), s("b"), s("c")));
    assertThat(r.apply("SET l = list_append(:v, l)", item).get("l"))
        .isEqualTo(l(s("c"), s("a"), s("b")));
    assertThat(r.apply("SET k = list_append(if_not_exists(k, :empty), :v)", item).get("k"))
        .isEqualTo(l(s("c")));
    assertThat(r.apply("SET k = list_append(l, l)", item).get("k"))
        .isEqualTo(l(s("a"), s("b"), s("a"), s("b")));
  }

  @Test
  void listAppendNeedsTwoListsThatExist() {
    Req r = values(":v", l(s("c")), ":s", s("x"));
    assertThatThrownBy(() -> r.apply("SET l = list_append(l, :v)", Map.of()))
        .hasMessage(
            "The provided expression refers to an attribute that does not exist in the item");
    assertThatThrownBy(() -> r.apply("SET l = list_append(l, :v)", item("l", s("ab"))))
        .hasMessage("An operand in the update expression has an incorrect data type");
    assertThatThrownBy(() -> r.update("SET l = list_append(l, :s)"))
        .hasMessage(
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator"
                + " or function: list_append, operand type: S");
    assertThatThrownBy(() -> r.update("SET l = list_append(list_append(l, :v), :v)"))
        .hasMessage(
            "Invalid UpdateExpression: The function is not allowed to be used this way in an"
                + " expression; function: list_append");
    assertThatThrownBy(() -> r.update("SET l = list_append(:v)"))
        .hasMessageContaining("operator or function: list_append, number of operands: 1");
  }

  @Test
  void updateFunctionNamesAreCaseSensitiveAndConditionFunctionsAreNotAllowed() {
    assertThatThrownBy(() -> values(":v", l()).update("SET l = LIST_APPEND(l, :v)"))
        .hasMessage("Invalid UpdateExpression: Invalid function name; function: LIST_APPEND");
    assertThatThrownBy(() -> Req.req().update("SET a = f123_hi(b)"))
        .hasMessage("Invalid UpdateExpression: Invalid function name; function: f123_hi");
    assertThatThrownBy(() -> Req.req().update("SET a = size(b)"))
        .hasMessage(
            "Invalid UpdateExpression: The function is not allowed in an update expression;"
                + " function: size");
  }

  @Test
  void setWritesIntoNestedMapsAndLists() {
    Map<String, AttributeValue> item =
        item("a", m("b", n("3"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("5"), n("7")))))));
    Req r = values(":v", n("9")).name("#n", "x");
    assertThat(r.apply("SET a.c[1].#n.y[1] = :v", item))
        .isEqualTo(
            item("a", m("b", n("3"), "c", l(s("hi"), m("x", m("y", l(n("3"), n("9"), n("7"))))))));
    assertThat(r.apply("SET a.d = :v", item).get("a").m()).containsEntry("d", n("9"));
    assertThat(r.apply("SET z = a.c[1].#n.y[2]", item).get("z")).isEqualTo(n("7"));
  }

  @Test
  void setPastTheEndOfAListAppendsInIndexOrder() {
    Req r = values(":a", s("a1"), ":b", s("a2"), ":c", s("a3"), ":d", s("a4"), ":h", s("hello"));
    Map<String, AttributeValue> item = item("a", l(s("one"), s("two"), s("three")));
    assertThat(r.apply("SET a[7] = :h", item).get("a"))
        .isEqualTo(l(s("one"), s("two"), s("three"), s("hello")));
    assertThat(
            r.apply("SET a[84] = :a, a[37] = :b, a[17] = :c, a[50] = :d, a[1] = :h", item).get("a"))
        .isEqualTo(l(s("one"), s("hello"), s("three"), s("a3"), s("a2"), s("a4"), s("a1")));
  }

  @Test
  void setBelowAMissingOrWrongParentIsAnInvalidPath() {
    Map<String, AttributeValue> item = item("s", s("hello"), "l", l(s("hi")), "m", m("k", n("1")));
    Req r = values(":v", n("7"));
    String[] bad = {
      "SET absent.c = :v",
      "SET s.c = :v",
      "SET l.c = :v",
      "SET s[0] = :v",
      "SET m[0] = :v",
      "SET absent[0] = :v",
      "SET l[3].x = :v",
      "SET m.k.x = :v",
      "SET m.q.x = :v"
    };
    for (String text : bad) {
      assertThatThrownBy(() -> r.apply(text, item))
          .as(text)
          .hasMessage("The document path provided in the update expression is invalid for update");
    }
    assertThatThrownBy(() -> r.apply("SET c.c = :v", Map.of()))
        .hasMessageContaining("invalid for update");
  }

  @Test
  void aPlaceholderNameWithADotIsOneTopLevelAttribute() {
    Map<String, AttributeValue> out =
        values(":v", n("3")).name("#a", "a.b").apply("SET #a = :v", item("a", m("b", n("1"))));
    assertThat(out).isEqualTo(item("a", m("b", n("1")), "a.b", n("3")));
  }

  @Test
  void numbersAreWrittenInCanonicalForm() {
    Req r = values(":v", n("1.50"), ":l", l(n("0100"), m("x", Av.ns("1E+2", "2.0"))));
    Map<String, AttributeValue> out = r.apply("SET a = :v, b = :l", Map.of());
    assertThat(out.get("a").n()).isEqualTo("1.5");
    assertThat(out.get("b")).isEqualTo(l(n("100"), m("x", Av.ns("100", "2"))));
    assertThat(out.get("b").l().get(1).m().get("x").ns()).containsExactly("100", "2");
  }
}
