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
package dev.ddbstreams.emulator.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.emulator.internal.expr.Condition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LegacyParametersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, AttributeValue> ITEM =
      Map.of(
          "n", AttributeValue.fromN("5"),
          "s", AttributeValue.fromS("lease-7"),
          "tags", AttributeValue.fromSs(List.of("a", "b")));

  private static Condition expected(String json) throws Exception {
    return LegacyParameters.expected(JSON.readTree(json.replace('\'', '"')));
  }

  @Test
  void comparisonOperatorsFollowTheLegacySemantics() throws Exception {
    String[][] cases = {
      {"{'Expected':{'n':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'5.0'}]}}}", "true"},
      {"{'Expected':{'n':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'5'}]}}}", "false"},
      {"{'Expected':{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'N':'10'}]}}}", "true"},
      {"{'Expected':{'n':{'ComparisonOperator':'GE','AttributeValueList':[{'S':'x'}]}}}", "false"},
      {
        "{'Expected':{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}}",
        "true"
      },
      {
        "{'Expected':{'s':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'lease'}]}}}",
        "true"
      },
      {
        "{'Expected':{'tags':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'b'}]}}}",
        "true"
      },
      {
        "{'Expected':{'tags':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'b'}]}}}",
        "false"
      },
      {"{'Expected':{'x':{'ComparisonOperator':'NULL'}}}", "true"},
      {
        "{'Expected':{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'4'},{'N':'5'}]}}}",
        "true"
      },
      {"{'Expected':{'n':{'Exists':false}}}", "false"},
      {"{'Expected':{'s':{'Value':{'S':'lease-7'}}}}", "true"},
      {
        "{'Expected':{'n':{'Exists':false},'s':{'Value':{'S':'lease-7'}}},'ConditionalOperator':'OR'}",
        "true"
      },
    };
    for (String[] c : cases) {
      assertThat(expected(c[0]).test(ITEM)).as(c[0]).isEqualTo(Boolean.parseBoolean(c[1]));
    }
  }

  @Test
  void valueWithExistsFalseIsRejected() {
    assertThatThrownBy(() -> expected("{'Expected':{'n':{'Exists':false,'Value':{'N':'1'}}}}"))
        .hasMessageContaining("Value cannot be used when Exists is false");
  }

  @Test
  void expressionAndLegacyParametersMayNotBeMixed() throws Exception {
    assertThatThrownBy(
            () ->
                LegacyParameters.checkNotMixed(
                    JSON.readTree("{\"Expected\":{},\"ConditionExpression\":\"x\"}"),
                    List.of("Expected"),
                    List.of("ConditionExpression")))
        .hasMessageContaining(
            "Can not use both expression and non-expression parameters in the same request:"
                + " Non-expression parameters: {Expected} Expression parameters:"
                + " {ConditionExpression}");
  }
}
