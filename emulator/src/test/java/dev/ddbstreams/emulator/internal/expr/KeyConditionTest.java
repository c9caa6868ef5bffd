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
import static dev.ddbstreams.emulator.internal.expr.Av.n;
import static dev.ddbstreams.emulator.internal.expr.Av.s;
import static dev.ddbstreams.emulator.internal.expr.Req.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.internal.expr.KeyCondition.SortKeyCondition;
import dev.ddbstreams.emulator.internal.expr.KeyCondition.SortKeyCondition.Operator;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionTest {

  private static KeyCondition parse(Req r, String text) {
    return Expressions.keyCondition(text, r.input(), "pk", "sk");
  }

  private static SortKeyCondition sort(Req r, String text) {
    SortKeyCondition sort = parse(r, text).sortKey();
    assertThat(sort).isNotNull();
    return sort;
  }

  @Test
  void aPartitionKeyEqualityAloneSelectsThePartition() {
    KeyCondition k = parse(values(":p", s("x")), " pk  =   :p ");
    assertThat(k.partitionKey()).isEqualTo("pk");
    assertThat(k.partitionValue()).isEqualTo(s("x"));
    assertThat(k.sortKey()).isNull();
    KeyCondition hashOnly =
        Expressions.keyCondition("pk = :p", values(":p", s("x")).input(), "pk", null);
    assertThat(hashOnly.sortKey()).isNull();
  }

  @Test
  void eachSortKeyComparisonIsExposedForARangeScanAndTestsValues() {
    Req r = values(":p", s("x"), ":v", n("5"), ":w", n("7"));
    Object[][] cases = {
      {"sk = :v", Operator.EQ, new long[] {5}, new long[] {4, 6}},
      {"sk < :v", Operator.LT, new long[] {4}, new long[] {5, 6}},
      {"sk <= :v", Operator.LE, new long[] {4, 5}, new long[] {6}},
      {"sk > :v", Operator.GT, new long[] {6}, new long[] {4, 5}},
      {"sk >= :v", Operator.GE, new long[] {5, 6}, new long[] {4}},
      {"sk BETWEEN :v AND :w", Operator.BETWEEN, new long[] {5, 6, 7}, new long[] {4, 8}},
    };
    for (Object[] c : cases) {
      SortKeyCondition sort = sort(r, "pk = :p AND " + c[0]);
      assertThat(sort.attributeName()).isEqualTo("sk");
      assertThat(sort.operator()).as("%s", c[0]).isEqualTo(c[1]);
      for (long yes : (long[]) c[2]) {
        assertThat(sort.test(n(yes))).as("%s with %s", c[0], yes).isTrue();
      }
      for (long no : (long[]) c[3]) {
        assertThat(sort.test(n(no))).as("%s with %s", c[0], no).isFalse();
      }
      assertThat(sort.test(s("5"))).as("other type").isFalse();
    }
    assertThat(sort(r, "pk = :p AND sk BETWEEN :v AND :w").values())
        .containsExactly(n("5"), n("7"));
  }

  @Test
  void beginsWithOnTheSortKeyMatchesPrefixesOfStringsAndBinaries() {
    SortKeyCondition sort =
        sort(values(":p", s("x"), ":pre", s("00")), "pk = :p AND begins_with(sk, :pre)");
    assertThat(sort.operator()).isEqualTo(Operator.BEGINS_WITH);
    assertThat(sort.values()).containsExactly(s("00"));
    assertThat(sort.test(s("001"))).isTrue();
    assertThat(sort.test(s("010"))).isFalse();
    SortKeyCondition binary =
        sort(values(":p", s("x"), ":pre", b(1)), "pk = :p AND begins_with(sk, :pre)");
    assertThat(binary.test(b(1, 2))).isTrue();
    assertThat(binary.test(b(2, 1))).isFalse();
  }

  @Test
  void beginsWithRejectsANumber() {
    assertThatThrownBy(
            () -> parse(values(":p", s("x"), ":c", n("3")), "pk = :p AND begins_with(sk, :c)"))
        .hasMessage(
            "Invalid KeyConditionExpression: Incorrect operand type for operator or function;"
                + " operator or function: begins_with, operand type: N");
  }

  @Test
  void conditionsMayComeInEitherOrderWithTheKeyOnEitherSideAndInParentheses() {
    Req r = values(":p", s("x"), ":c", n("5"));
    assertThat(sort(r, "sk = :c AND pk = :p").operator()).isEqualTo(Operator.EQ);
    KeyCondition reversed = parse(r, ":p = pk AND :c < sk");
    assertThat(reversed.partitionValue()).isEqualTo(s("x"));
    assertThat(reversed.sortKey().operator()).isEqualTo(Operator.GT);
    assertThat(reversed.sortKey().test(n("6"))).isTrue();
    assertThat(sort(r, "((sk = :c) AND (pk = :p))").operator()).isEqualTo(Operator.EQ);
    assertThat(sort(r, "pk = :p aNd sk BeTwEeN :c AnD :c").operator()).isEqualTo(Operator.BETWEEN);
    assertThat(sort(r.name("#a", "pk").name("#b", "sk"), "#a = :p AND #b >= :c").operator())
        .isEqualTo(Operator.GE);
  }

  @Test
  void thePartitionKeyIsRequiredAndMustBeAnEquality() {
    assertThatThrownBy(() -> parse(values(":c", n("3")), "sk = :c"))
        .isInstanceOf(AwsException.class)
        .hasMessage("Query condition missed key schema element: pk");
    assertThatThrownBy(() -> parse(values(":p", s("x")), "pk < :p"))
        .hasMessage("Query key condition not supported");
    assertThatThrownBy(() -> parse(values(":p", s("x"), ":c", n("1")), "pk BETWEEN :p AND :c"))
        .isInstanceOf(AwsException.class);
  }

  @Test
  void aSecondConditionMustBeOnTheSortKey() {
    Req r = values(":p", s("x"), ":a", n("3"), ":c", n("1"));
    assertThatThrownBy(() -> parse(r, "pk = :p AND extra < :a"))
        .hasMessage("Query condition missed key schema element: sk");
    assertThatThrownBy(
            () -> Expressions.keyCondition("pk = :p AND extra < :a", r.input(), "pk", null))
        .hasMessage("Query key condition not supported");
    assertThatThrownBy(() -> parse(r, "pk = :p AND sk < :c AND extra < :a"))
        .hasMessage("Conditions can be of length 1 or 2 only");
  }

  @Test
  void eachKeyMayHaveOneCondition() {
    Req r = values(":p", s("x"), ":a", n("3"), ":b", n("7"));
    assertThatThrownBy(() -> parse(r, "pk = :p AND pk = :p"))
        .hasMessage("KeyConditionExpressions must only contain one condition per key");
    assertThatThrownBy(() -> parse(r, "pk = :p AND sk >= :a AND sk <= :b"))
        .hasMessage("KeyConditionExpressions must only contain one condition per key");
  }

  @Test
  void operatorsAQueryCannotUseAreNamed() {
    Req r = values(":p", s("x"), ":c", n("5"), ":t", s("N"));
    String[][] cases = {
      {"c = :c OR pk = :p", "OR"},
      {"NOT sk = :c AND pk = :p", "NOT"},
      {"pk = :p AND sk <> :c", "<>"},
      {"pk = :p AND sk IN (:c)", "IN"},
      {"pk = :p AND attribute_exists(sk)", "attribute_exists"},
      {"pk = :p AND attribute_not_exists(sk)", "attribute_not_exists"},
      {"pk = :p AND attribute_type(sk, :t)", "attribute_type"},
      {"pk = :p AND contains(sk, :c)", "contains"},
      {"pk = :p AND size(sk) = :c", "size"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> parse(r, c[0]))
          .as(c[0])
          .hasMessage("Invalid operator used in KeyConditionExpression: " + c[1]);
    }
  }

  @Test
  void keysMustBeTopLevelAttributesComparedWithValues() {
    Req r = values(":p", s("x"), ":a", n("3"));
    assertThatThrownBy(() -> parse(r, "pk = :p AND a.b < :a"))
        .hasMessage(
            "Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on"
                + " nested attributes");
    assertThatThrownBy(() -> parse(r, "pk = sk")).hasMessage("Query key condition not supported");
    assertThatThrownBy(() -> parse(r, ":p = :a")).hasMessage("Query key condition not supported");
    assertThatThrownBy(() -> parse(r, "pk = :p AND begins_with(:p, sk)"))
        .hasMessage("Query key condition not supported");
  }

  @Test
  void grammarErrorsAreReportedAsForAnyCondition() {
    Req r = values(":p", s("x"), ":c", n("3"));
    assertThatThrownBy(() -> parse(r, "pk = :p AND sk != :c"))
        .hasMessageStartingWith("Invalid KeyConditionExpression: Syntax error; token: \"!\"");
    assertThatThrownBy(() -> parse(r, "pk")).hasMessageContaining("Syntax error");
    assertThatThrownBy(() -> parse(r, "pk = :p AND dog(sk, :c)"))
        .hasMessage("Invalid KeyConditionExpression: Invalid function name; function: dog");
    assertThatThrownBy(() -> parse(r, "pk = :p AND BEGINS_WITH(sk, :c)"))
        .hasMessageContaining("function: BEGINS_WITH");
    assertThatThrownBy(() -> parse(r, "((pk = :p))")).hasMessageContaining("redundant parentheses");
    assertThatThrownBy(() -> parse(r, ""))
        .hasMessage("Invalid KeyConditionExpression: The expression can not be empty;");
    assertThatThrownBy(() -> parse(values(":p", s("x")), "pk = :p AND sk = :missing"))
        .hasMessageContaining("attribute value: :missing");
  }

  @Test
  void aKeyConditionMarksItsPlaceholdersUsed() {
    ExpressionInput input =
        new ExpressionInput(Map.of("#k", "pk"), Map.of(":p", s("x"), ":q", n("3")));
    Expressions.keyCondition("#k = :p", input, "pk", "sk");
    assertThatThrownBy(input::checkAllUsed).hasMessageEndingWith("keys: {:q}");
  }

  @Test
  void sortKeyConditionsOrderStringsByCodePointAndBinariesUnsigned() {
    SortKeyCondition strings = sort(values(":p", s("x"), ":v", s("\uffff")), "pk = :p AND sk > :v");
    assertThat(strings.test(s("\ud83d\ude00"))).isTrue();
    SortKeyCondition bytes = sort(values(":p", s("x"), ":v", b(0x7f)), "pk = :p AND sk > :v");
    assertThat(bytes.test(b(0x80))).isTrue();
  }

  @Test
  void keyValuesAreCanonicalNumbers() {
    KeyCondition k = parse(values(":p", n("007.0"), ":c", n("5E+0")), "pk = :p AND sk = :c");
    assertThat(k.partitionValue().n()).isEqualTo("7");
    assertThat(k.sortKey().values().get(0).n()).isEqualTo("5");
  }
}
