package dev.ddbstreams.internal.writes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sizes by DynamoDB's published rules. */
class ItemSizesTest {

  @Test
  void namesAndStringsCountTheirUtf8Bytes() {
    assertThat(ItemSizes.of(Map.of("a", AttributeValue.fromS("abc")))).isEqualTo(4);
    assertThat(ItemSizes.of(Map.of("é", AttributeValue.fromS("€")))).isEqualTo(2 + 3);
    assertThat(ItemSizes.of(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[7]))))
        .isEqualTo(7);
  }

  @Test
  void numbersCountAboutOneBytePerTwoSignificantDigitsPlusOne() {
    assertThat(ItemSizes.of(AttributeValue.fromN("1"))).isEqualTo(2);
    assertThat(ItemSizes.of(AttributeValue.fromN("123"))).isEqualTo(3);
    assertThat(ItemSizes.of(AttributeValue.fromN("1000000"))).as("trailing zeros").isEqualTo(2);
    assertThat(ItemSizes.of(AttributeValue.fromN("-0.0012345"))).isEqualTo(4);
    assertThat(ItemSizes.of(AttributeValue.fromN("1".repeat(38)))).isEqualTo(20);
  }

  @Test
  void booleansAndNullsAreOneByteListsAndMapsThreePlusOnePerElement() {
    assertThat(ItemSizes.of(AttributeValue.fromBool(true))).isEqualTo(1);
    assertThat(ItemSizes.of(AttributeValue.fromNul(true))).isEqualTo(1);
    assertThat(ItemSizes.of(AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v")))))
        .isEqualTo(3 + 1 + 1 + 1);
    assertThat(
            ItemSizes.of(
                AttributeValue.fromL(
                    List.of(AttributeValue.fromS("ab"), AttributeValue.fromN("1")))))
        .isEqualTo(3 + 2 + 2 + 2);
    assertThat(ItemSizes.of(AttributeValue.fromSs(List.of("ab", "c")))).isEqualTo(3);
  }
}
