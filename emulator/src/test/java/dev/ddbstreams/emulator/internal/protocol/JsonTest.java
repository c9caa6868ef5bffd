package dev.ddbstreams.emulator.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static JsonNode read(String json) throws IOException {
    return Json.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAndWritesEveryKindOfValueUnchanged() throws IOException {
    String json =
        "{\"s\":\"x\\\"y\",\"i\":7,\"l\":12345678901,\"big\":123456789012345678901234567890,"
            + "\"f\":1.7E9,\"t\":true,\"n\":null,\"a\":[1,{\"k\":[]}],\"o\":{}}";
    JsonNode node = read(json);
    assertThat(node.get("s").textValue()).isEqualTo("x\"y");
    assertThat(node.get("l").longValue()).isEqualTo(12345678901L);
    assertThat(node.get("f").doubleValue()).isEqualTo(1.7e9);
    assertThat(read(new String(Json.write(node), StandardCharsets.UTF_8))).isEqualTo(node);
    assertThat(Json.writeString(node))
        .isEqualTo(new String(Json.write(node), StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyBodyIsNoValueAndTrailingTextIsAnError() throws IOException {
    assertThat(Json.read(new byte[0])).isNull();
    assertThatThrownBy(() -> read("{} {}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("{\"a\":")).isInstanceOf(IOException.class);
  }

  @Test
  void nestingPastTheParsersLimitIsAnErrorNotAStackOverflow() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThatThrownBy(() -> read(deep)).isInstanceOf(IOException.class);
  }

  @Test
  void rawValuesAreWrittenAsTheyAre() {
    ObjectNode node = Json.object();
    node.putArray("Records").addRawValue(new RawValue("{\"eventID\":\"1\"}"));
    assertThat(Json.writeString(node)).isEqualTo("{\"Records\":[{\"eventID\":\"1\"}]}");
  }
}
