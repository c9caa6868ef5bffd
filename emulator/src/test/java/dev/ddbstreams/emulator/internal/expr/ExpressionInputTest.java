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

import static dev.ddbstreams.emulator.internal.expr.Av.l;
import static dev.ddbstreams.emulator.internal.expr.Av.m;
import static dev.ddbstreams.emulator.internal.expr.Av.n;
import static dev.ddbstreams.emulator.internal.expr.Av.ns;
import static dev.ddbstreams.emulator.internal.expr.Av.s;
import static dev.ddbstreams.emulator.internal.expr.Av.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ExpressionInputTest {

  @Test
  void unusedValuesAreListedInOrder() {
    ExpressionInput input =
        new ExpressionInput(null, Map.of(":used", n("1"), ":v", n("2"), ":a", n("3")));
    Expressions.condition("x = :used", "ConditionExpression", input);
    assertThatThrownBy(input::checkAllUsed)
        .isInstanceOf(AwsException.class)
        .hasMessage(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :v}");
  }

  @Test
  void unusedNamesAreListed() {
    ExpressionInput input = new ExpressionInput(Map.of("#a", "a", "#b", "b"), null);
    Expressions.condition("attribute_exists(#a)", "ConditionExpression", input);
    assertThatThrownBy(input::checkAllUsed)
        .hasMessage("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
  }

  @Test
  void usageCountsAcrossTheExpressionsOfARequestAndUnevaluatedBranches() {
    ExpressionInput input =
        new ExpressionInput(Map.of("#a", "a", "#b", "b"), Map.of(":x", n("1"), ":y", n("2")));
    Condition c = Expressions.condition("#a = :x OR #b = :y", "ConditionExpression", input);
    assertThat(c.test(Av.item("a", n("1")))).isTrue();
    assertThatCode(input::checkAllUsed).doesNotThrowAnyException();

    ExpressionInput shared = new ExpressionInput(Map.of("#a", "a"), Map.of(":x", n("1")));
    Expressions.condition("attribute_exists(#a)", "ConditionExpression", shared);
    Expressions.condition("b = :x", "FilterExpression", shared);
    assertThatCode(shared::checkAllUsed).doesNotThrowAnyException();
  }

  @Test
  void nullAndEmptyMapsMeanNoPlaceholders() {
    assertThatCode(() -> new ExpressionInput(null, null).checkAllUsed()).doesNotThrowAnyException();
    assertThatCode(() -> new ExpressionInput(Map.of(), Map.of()).checkAllUsed())
        .doesNotThrowAnyException();
  }

  @Test
  void keysMustBePlaceholders() {
    assertThatThrownBy(() -> new ExpressionInput(Map.of("n", "a"), null))
        .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\"");
    assertThatThrownBy(() -> new ExpressionInput(Map.of("#a-b", "a"), null))
        .hasMessage("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#a-b\"");
    assertThatThrownBy(() -> new ExpressionInput(null, Map.of("v", n("1"))))
        .hasMessage("ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
    assertThatThrownBy(() -> new ExpressionInput(null, Map.of(":", n("1"))))
        .hasMessageContaining("invalid key");
    assertThatCode(() -> new ExpressionInput(Map.of("#_1", "a"), Map.of(":_", n("1"))))
        .doesNotThrowAnyException();
  }

  @Test
  void invalidValuesAreRejectedNamingTheKeyNotTheValue() {
    assertThatThrownBy(() -> new ExpressionInput(null, Map.of(":v", ss())))
        .hasMessage(
            "ExpressionAttributeValues contains invalid value: One or more parameter values were"
                + " invalid: An string set  may not be empty for key :v");
    assertThatThrownBy(() -> new ExpressionInput(null, Map.of(":v", ns("1", "1.0"))))
        .hasMessage(
            "ExpressionAttributeValues contains invalid value: Input collection contains"
                + " duplicates for key :v");
    assertThatThrownBy(() -> new ExpressionInput(null, Map.of(":v", n("12abc"))))
        .hasMessageStartingWith("ExpressionAttributeValues contains invalid value: ")
        .hasMessageEndingWith(" for key :v")
        .hasMessageNotContaining("12abc");
    assertThatThrownBy(() -> new ExpressionInput(null, Map.of(":v", l(m("x", ns("1E+200"))))))
        .hasMessageContaining("Number overflow")
        .hasMessageEndingWith("for key :v");
    assertThatThrownBy(
            () -> new ExpressionInput(null, Map.of(":v", AttributeValue.builder().build())))
        .hasMessageContaining("Supplied AttributeValue is empty");
    assertThatThrownBy(() -> new ExpressionInput(Map.of("#n", ""), null))
        .hasMessageContaining("for key #n");
  }

  @Test
  void valuesMayNestThirtyTwoLevelsButNotMore() {
    AttributeValue v = s("leaf");
    for (int i = 0; i < 32; i++) {
      v = l(v);
    }
    AttributeValue deepest = v;
    assertThatCode(() -> new ExpressionInput(null, Map.of(":v", deepest)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new ExpressionInput(null, Map.of(":v", l(deepest))))
        .hasMessageContaining("Nesting Levels have exceeded supported limits");
  }
}
