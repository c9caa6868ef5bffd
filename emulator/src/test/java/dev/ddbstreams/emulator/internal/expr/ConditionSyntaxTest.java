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
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Grammar, precedence, paths, placeholders and limits of condition expressions. */
class ConditionSyntaxTest {

  private static final Map<String, AttributeValue> ABC =
      item("a", n("1"), "b", n("2"), "c", n("3"));

  @Test
  void andBindsTighterThanOr() {
    // a<b and b<c are true, c<b is false.
    assertThat(Req.req().test("a < b OR c < b AND b < c", ABC)).isTrue();
    assertThat(Req.req().test("(a < b OR c < b) AND c < b", ABC)).isFalse();
    assertThat(Req.req().test("c < b AND b < c OR a < b", ABC)).isTrue();
  }

  @Test
  void notBindsTighterThanAndButLooserThanComparisons() {
    assertThat(Req.req().test("NOT a < b AND c < b", ABC)).isFalse();
    assertThat(Req.req().test("NOT (a < b AND c < b)", ABC)).isTrue();
    assertThat(Req.req().test("NOT c < b", ABC)).isTrue();
    assertThat(Req.req().test("NOT NOT NOT NOT a < b", ABC)).isTrue();
    assertThat(Req.req().test("NOT c < b OR a > b", ABC)).isTrue();
  }

  @Test
  void betweenTakesItsOwnAndBeforeTheLogicalOne() {
    assertThat(Req.req().test("b BETWEEN a AND c AND a < b", ABC)).isTrue();
    assertThat(Req.req().test("b BETWEEN a AND c AND c < b", ABC)).isFalse();
    assertThat(Req.req().test("a BETWEEN b AND c OR a < b", ABC)).isTrue();
  }

  @Test
  void keywordsAreCaseInsensitive() {
    assertThat(Req.req().test("b between a aNd c And NoT c < b oR a > c", ABC)).isTrue();
    assertThat(Req.req().test("a in (c, d) or b In (a, c)", item("a", n("1"), "b", n("1"))))
        .isTrue();
    assertThat(Req.req().test("a in (c, d) oR b In (c, d)", item("a", n("1"), "b", n("1"))))
        .isFalse();
  }

  @Test
  void parenthesesNestAndMayWrapAnOperand() {
    assertThat(Req.req().test("(a < b OR b < a) AND (b < c AND (a < b OR b < c))", ABC)).isTrue();
    assertThat(Req.req().test("(a) < b", ABC)).isTrue();
    assertThat(Req.req().test("((size(s)) < c)", item("s", s("ab"), "c", n("3")))).isTrue();
  }

  @Test
  void twoParenthesesAroundTheSameThingAreRedundant() {
    assertThatThrownBy(() -> Req.req().condition("((a < b))"))
        .hasMessage("Invalid ConditionExpression: The expression has redundant parentheses;");
    assertThatThrownBy(() -> Req.req().condition("a < b AND ((b < c))"))
        .hasMessageContaining("redundant parentheses");
    assertThat(Req.req().test("((a < b) AND (b < c))", ABC)).isTrue();
  }

  @Test
  void syntaxErrorsQuoteTheTokenAndTheTextAroundIt() {
    assertThatThrownBy(() -> Req.req().condition("a x"))
        .isInstanceOf(AwsException.class)
        .hasMessage("Invalid ConditionExpression: Syntax error; token: \"x\", near: \"a x\"");
    assertThatThrownBy(() -> Req.req().condition("a  <   b c d"))
        .hasMessage("Invalid ConditionExpression: Syntax error; token: \"c\", near: \"b c d\"");
    assertThatThrownBy(() -> Req.req().condition("a < "))
        .hasMessage("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"<\"");
    assertThatThrownBy(() -> values(":v", n("1")).condition("a != :v"))
        .hasMessage("Invalid ConditionExpression: Syntax error; token: \"!\", near: \"a !=\"");
    assertThatThrownBy(() -> Req.req().condition("a"))
        .hasMessage("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"a\"");
    assertThatThrownBy(() -> Req.req().condition("_a = b"))
        .hasMessage("Invalid ConditionExpression: Syntax error; token: \"_\", near: \"_a\"");
  }

  @Test
  void malformedConditionsAreSyntaxErrors() {
    String[] bad = {
      "a < b < c",
      "a = b AND",
      "AND a = b",
      "a IN ()",
      "a IN (b",
      "a BETWEEN b",
      "a BETWEEN b OR c",
      "(a = b",
      "a = b)",
      "a[x] = b",
      "a[-1] = b",
      "a. = b",
      "a.[0] = b",
      "a = b c",
      "NOT",
      "a + b",
      "a = 1",
      "a = 'x'",
      "# = a",
      "a = :",
      "a.b( = c",
      "a = b,"
    };
    for (String text : bad) {
      assertThatThrownBy(() -> Req.req().condition(text))
          .as(text)
          .isInstanceOf(AwsException.class)
          .hasMessageStartingWith("Invalid ConditionExpression: Syntax error; token: ");
    }
  }

  @Test
  void theParameterNameLeadsEveryMessage() {
    assertThatThrownBy(() -> Expressions.condition("a x", "FilterExpression", Req.req().input()))
        .hasMessageStartingWith("Invalid FilterExpression: Syntax error");
  }

  @Test
  void pathsReachIntoMapsAndListsAndTakePlaceholdersInAnySegment() {
    Map<String, AttributeValue> item =
        item(
            "a", m("b", l(s("zero"), m("c", l(n("0"), n("7"))))),
            "a.b", s("dotted"),
            "status", s("on"));
    Req r =
        values(":v", n("7"), ":d", s("dotted"), ":on", s("on"))
            .name("#a", "a")
            .name("#b", "b")
            .name("#c", "c")
            .name("#dot", "a.b")
            .name("#s", "status");
    assertThat(r.test("a.b[1].c[1] = :v", item)).isTrue();
    assertThat(r.test("#a.#b[1].#c[1] = :v", item)).isTrue();
    assertThat(r.test("#dot = :d", item)).isTrue();
    assertThat(r.test("#s = :on", item)).isTrue();
    assertThat(r.test("a.b[1].c[2] = :v", item)).isFalse();
    assertThat(r.test("a.b[0].c = :v", item)).isFalse();
    assertThat(r.test("a[0] = :v", item)).isFalse();
  }

  @Test
  void aPathMayHave32LevelsButNot33() {
    Map<String, AttributeValue> item = item("a", n("1"));
    String thirtyTwo = "a" + ".b".repeat(31);
    assertThat(Req.req().test("attribute_exists(" + thirtyTwo + ")", item)).isFalse();
    assertThatThrownBy(() -> Req.req().condition("attribute_exists(" + thirtyTwo + "[0])"))
        .hasMessage(
            "Invalid ConditionExpression: The document path has too many nesting levels; nesting"
                + " levels: 33");
  }

  @Test
  void reservedWordsCannotBeBareAttributeNames() {
    assertThatThrownBy(() -> values(":v", n("1")).condition("status = :v"))
        .hasMessage(
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword:"
                + " status");
    assertThatThrownBy(() -> values(":v", n("1")).condition("a.Data = :v"))
        .hasMessageEndingWith("reserved keyword: Data");
    assertThatThrownBy(() -> Req.req().condition("attribute_exists(size)"))
        .hasMessageEndingWith("reserved keyword: size");
    assertThat(ReservedWords.count()).isEqualTo(573);
    assertThat(ReservedWords.contains("flattern")).isTrue();
    assertThat(ReservedWords.contains("attribute_exists")).isFalse();
  }

  @Test
  void undefinedPlaceholdersAreNamedInTheError() {
    assertThatThrownBy(() -> values(":v", n("1")).condition("#n = :v"))
        .hasMessage(
            "Invalid ConditionExpression: An expression attribute name used in the document path"
                + " is not defined; attribute name: #n");
    assertThatThrownBy(() -> Req.req().condition("a = :v"))
        .hasMessage(
            "Invalid ConditionExpression: An expression attribute value used in expression is not"
                + " defined; attribute value: :v");
  }

  @Test
  void anEmptyExpressionIsRejected() {
    assertThatThrownBy(() -> Req.req().condition(""))
        .hasMessage("Invalid ConditionExpression: The expression can not be empty;");
    assertThatThrownBy(() -> Req.req().condition("  \n"))
        .hasMessage("Invalid ConditionExpression: The expression can not be empty;");
  }

  @Test
  void anExpressionMayHave4096BytesButNotMore() {
    String base = "attribute_exists(a)";
    String fits = base + " ".repeat(4096 - base.length());
    assertThat(Req.req().test(fits, item("a", n("1")))).isTrue();
    assertThatThrownBy(() -> Req.req().condition(fits + " "))
        .hasMessage(
            "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;"
                + " expression size: 4097");
    // Bytes, not characters: 2049 two-byte characters are 4098 bytes.
    assertThatThrownBy(() -> Req.req().condition("\u00e9".repeat(2049)))
        .hasMessageEndingWith("expression size: 4098");
  }

  @Test
  void anExpressionMayHave300OperatorsButNotMore() {
    StringBuilder text = new StringBuilder("attribute_exists(a)");
    for (int i = 1; i < 150; i++) {
      text.append(" AND attribute_exists(a)");
    }
    // 150 functions and 149 ANDs.
    assertThat(Req.req().test(text.toString(), item("a", n("1")))).isTrue();
    assertThat(Req.req().test("NOT " + text, item("a", n("1")))).isFalse();
    assertThatThrownBy(() -> Req.req().condition("NOT NOT " + text))
        .hasMessage(
            "Invalid ConditionExpression: The expression contains too many operators; operator"
                + " count: 301");
  }

  @Test
  void deepParenthesesFailWithAnAwsExceptionNotAStackOverflow() {
    String deep = "(".repeat(1000) + "a = b" + ")".repeat(1000);
    assertThatThrownBy(() -> Req.req().condition(deep)).isInstanceOf(AwsException.class);
    String nots = "NOT ".repeat(1000) + "a = b";
    assertThatThrownBy(() -> Req.req().condition(nots)).isInstanceOf(AwsException.class);
  }
}
