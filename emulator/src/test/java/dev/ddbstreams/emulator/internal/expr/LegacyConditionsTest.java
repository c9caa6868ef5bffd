package dev.ddbstreams.emulator.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LegacyConditionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, AttributeValue> LEASE =
      Map.of(
          "leaseKey", AttributeValue.fromS("shard-1"),
          "leaseCounter", AttributeValue.fromN("7"),
          "leaseOwner", AttributeValue.fromS("worker-a"),
          "tags", AttributeValue.fromSs(java.util.List.of("x", "y")));

  private static Condition expected(String json, String operator) throws Exception {
    JsonNode node = JSON.readTree(json.replace('\'', '"'));
    return LegacyConditions.expected(node, operator);
  }

  @Test
  void aValueAloneMeansEqualityAndNumbersCompareByValue() throws Exception {
    assertThat(expected("{'leaseCounter':{'Value':{'N':'7.0'}}}", null).test(LEASE)).isTrue();
    assertThat(expected("{'leaseCounter':{'Value':{'N':'8'}}}", null).test(LEASE)).isFalse();
    assertThat(expected("{'leaseCounter':{'Value':{'S':'7'}}}", null).test(LEASE)).isFalse();
  }

  @Test
  void existsFalseMeansTheAttributeIsAbsent() throws Exception {
    assertThat(expected("{'checkpoint':{'Exists':false}}", null).test(LEASE)).isTrue();
    assertThat(expected("{'leaseOwner':{'Exists':false}}", null).test(LEASE)).isFalse();
    assertThat(expected("{'leaseOwner':{'Exists':false}}", null).test(Map.of())).isTrue();
  }

  @Test
  void existsFalseWithAValueAndExistsTrueWithoutOneAreRejected() {
    assertThatThrownBy(() -> expected("{'a':{'Exists':false,'Value':{'S':'x'}}}", null))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("Value cannot be used when Exists is false");
    assertThatThrownBy(() -> expected("{'a':{'Exists':true}}", null))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("Value must be provided when Exists is true");
  }

  @Test
  void comparisonOperatorsFollowTheServicesDefinitions() throws Exception {
    assertThat(op("leaseCounter", "GT", "{'N':'6'}").test(LEASE)).isTrue();
    assertThat(op("leaseCounter", "LT", "{'N':'6'}").test(LEASE)).isFalse();
    assertThat(op("leaseCounter", "GE", "{'N':'7'}").test(LEASE)).isTrue();
    assertThat(op("leaseCounter", "LE", "{'N':'6.5'}").test(LEASE)).isFalse();
    assertThat(op("leaseCounter", "NE", "{'N':'7'}").test(LEASE)).isFalse();
    assertThat(op("missing", "NE", "{'N':'7'}").test(LEASE)).isTrue();
    assertThat(op("leaseOwner", "BEGINS_WITH", "{'S':'work'}").test(LEASE)).isTrue();
    assertThat(op("leaseOwner", "CONTAINS", "{'S':'er-'}").test(LEASE)).isTrue();
    assertThat(op("tags", "CONTAINS", "{'S':'y'}").test(LEASE)).isTrue();
    assertThat(op("tags", "NOT_CONTAINS", "{'S':'y'}").test(LEASE)).isFalse();
    assertThat(
            expected(
                    "{'leaseCounter':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'7'}]}}",
                    null)
                .test(LEASE))
        .isTrue();
    assertThat(
            expected(
                    "{'leaseOwner':{'ComparisonOperator':'IN','AttributeValueList':[{'S':'a'},{'S':'worker-a'}]}}",
                    null)
                .test(LEASE))
        .isTrue();
    assertThat(expected("{'leaseOwner':{'ComparisonOperator':'NULL'}}", null).test(LEASE))
        .isFalse();
    assertThat(expected("{'leaseOwner':{'ComparisonOperator':'NOT_NULL'}}", null).test(LEASE))
        .isTrue();
  }

  @Test
  void entriesCombineWithAndByDefaultAndWithOrWhenAsked() throws Exception {
    String both = "{'leaseOwner':{'Value':{'S':'worker-b'}},'leaseCounter':{'Value':{'N':'7'}}}";
    assertThat(expected(both, null).test(LEASE)).isFalse();
    assertThat(expected(both, "AND").test(LEASE)).isFalse();
    assertThat(expected(both, "OR").test(LEASE)).isTrue();
  }

  @Test
  void aWrongNumberOfArgumentsIsAValidationError() {
    assertThatThrownBy(() -> op("a", "BETWEEN", "{'N':'1'}"))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("Invalid number of argument(s) for the BETWEEN ComparisonOperator");
  }

  private static Condition op(String name, String operator, String value) throws Exception {
    return expected(
        "{'"
            + name
            + "':{'ComparisonOperator':'"
            + operator
            + "','AttributeValueList':["
            + value
            + "]}}",
        null);
  }
}
