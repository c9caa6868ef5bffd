package dev.ddbstreams.emulator.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LegacyUpdatesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, AttributeValue> ITEM =
      Map.of(
          "pk", AttributeValue.fromS("a"),
          "counter", AttributeValue.fromN("41"),
          "owner", AttributeValue.fromS("w1"),
          "tags", AttributeValue.fromSs(List.of("x", "y")));

  private static Update updates(String json) throws Exception {
    return LegacyUpdates.attributeUpdates(JSON.readTree(json.replace('\'', '"')));
  }

  @Test
  void putIsTheDefaultActionAndReplacesTheValue() throws Exception {
    Map<String, AttributeValue> out =
        updates("{'owner':{'Value':{'S':'w2'}},'fresh':{'Value':{'BOOL':true},'Action':'PUT'}}")
            .apply(ITEM);
    assertThat(out.get("owner").s()).isEqualTo("w2");
    assertThat(out.get("fresh").bool()).isTrue();
    assertThat(ITEM.get("owner").s()).as("the stored item is not changed").isEqualTo("w1");
  }

  @Test
  void addAddsToNumbersExactlyAndStartsFromZero() throws Exception {
    Map<String, AttributeValue> out =
        updates(
                "{'counter':{'Value':{'N':'1'},'Action':'ADD'},'n':{'Value':{'N':'2.50'},'Action':'ADD'}}")
            .apply(ITEM);
    assertThat(out.get("counter").n()).isEqualTo("42");
    assertThat(out.get("n").n()).isEqualTo("2.5");
  }

  @Test
  void addUnitesSetsAndDeleteWithAValueRemovesMembers() throws Exception {
    assertThat(
            updates("{'tags':{'Value':{'SS':['z','x']},'Action':'ADD'}}")
                .apply(ITEM)
                .get("tags")
                .ss())
        .containsExactlyInAnyOrder("x", "y", "z");
    assertThat(
            updates("{'tags':{'Value':{'SS':['x']},'Action':'DELETE'}}")
                .apply(ITEM)
                .get("tags")
                .ss())
        .containsExactly("y");
    assertThat(updates("{'tags':{'Value':{'SS':['x','y']},'Action':'DELETE'}}").apply(ITEM))
        .doesNotContainKey("tags");
  }

  @Test
  void deleteWithoutAValueRemovesTheAttribute() throws Exception {
    Update update = updates("{'owner':{'Action':'DELETE'}}");
    assertThat(update.apply(ITEM)).doesNotContainKey("owner").containsKey("counter");
    assertThat(update.topLevelNames()).containsExactly("owner");
  }

  @Test
  void addToAStringAndPutWithoutAValueAreRejected() throws Exception {
    assertThatThrownBy(() -> updates("{'owner':{'Value':{'N':'1'},'Action':'ADD'}}").apply(ITEM))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("Type mismatch")
        .hasMessageNotContaining("w1");
    assertThatThrownBy(() -> updates("{'owner':{'Action':'PUT'}}"))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("Only DELETE action is allowed");
  }
}
