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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ImageMapperTest {
  static final String MAX_DIGITS = "12345678901234567890123456789012345678";
  static final String LARGEST = "9.9999999999999999999999999999999999999E+125";
  static final String SMALLEST = "1E-130";

  record Address(String city, String zip) {}

  record Everything(
      String s,
      int i,
      long l,
      BigDecimal exact,
      BigInteger big,
      double d,
      boolean flag,
      byte[] blob,
      Set<String> tags,
      Set<BigDecimal> scores,
      List<byte[]> blobs,
      List<Object> mixed,
      Map<String, Object> extra,
      Address address,
      String nothing) {}

  static Map<String, AttributeValue> everythingImage() {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    m.put("s", AttributeValue.fromS("text"));
    m.put("i", AttributeValue.fromN("-42"));
    m.put("l", AttributeValue.fromN("9223372036854775807"));
    m.put("exact", AttributeValue.fromN(LARGEST));
    m.put("big", AttributeValue.fromN(MAX_DIGITS));
    m.put("d", AttributeValue.fromN("0.5"));
    m.put("flag", AttributeValue.fromBool(true));
    m.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 255})));
    m.put("tags", AttributeValue.fromSs(List.of("a", "b")));
    m.put("scores", AttributeValue.fromNs(List.of("1.5", SMALLEST)));
    m.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));
    m.put(
        "mixed",
        AttributeValue.fromL(
            List.of(
                AttributeValue.fromS("x"),
                AttributeValue.fromN("7"),
                AttributeValue.fromL(List.of()))));
    m.put("extra", AttributeValue.fromM(Map.of("empty", AttributeValue.fromM(Map.of()))));
    m.put(
        "address",
        AttributeValue.fromM(
            Map.of("city", AttributeValue.fromS("Oslo"), "zip", AttributeValue.fromS("0150"))));
    m.put("nothing", AttributeValue.fromNul(true));
    m.put("unmapped", AttributeValue.fromS("ignored"));
    return m;
  }

  @Test
  void mapsEveryAttributeTypeIntoARecord() {
    Everything e = ImageMapper.of(Everything.class).map(everythingImage());

    assertThat(e.s()).isEqualTo("text");
    assertThat(e.i()).isEqualTo(-42);
    assertThat(e.l()).isEqualTo(Long.MAX_VALUE);
    assertThat(e.exact()).isEqualByComparingTo(new BigDecimal(LARGEST));
    assertThat(e.big()).isEqualTo(new BigInteger(MAX_DIGITS));
    assertThat(e.d()).isEqualTo(0.5);
    assertThat(e.flag()).isTrue();
    assertThat(e.blob()).containsExactly(0, 1, 255);
    assertThat(e.tags()).containsExactlyInAnyOrder("a", "b");
    assertThat(e.scores())
        .containsExactlyInAnyOrder(new BigDecimal("1.5"), new BigDecimal(SMALLEST));
    assertThat(e.blobs()).hasSize(1);
    assertThat(e.blobs().get(0)).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    assertThat(e.mixed()).containsExactly("x", BigInteger.valueOf(7), List.of());
    assertThat(e.extra()).isEqualTo(Map.of("empty", Map.of()));
    assertThat(e.address()).isEqualTo(new Address("Oslo", "0150"));
    assertThat(e.nothing()).isNull();
  }

  @Test
  void keepsNumbersAtDynamoDbsLimitsExact() {
    record Limits(BigDecimal max, BigDecimal min, BigDecimal digits, double asDouble) {}
    Map<String, AttributeValue> image =
        Map.of(
            "max", AttributeValue.fromN(LARGEST),
            "min", AttributeValue.fromN(SMALLEST),
            "digits", AttributeValue.fromN("0." + MAX_DIGITS),
            "asDouble", AttributeValue.fromN(LARGEST));

    Limits l = ImageMapper.of(Limits.class).map(image);

    assertThat(l.max()).isEqualByComparingTo(new BigDecimal(LARGEST));
    assertThat(l.min()).isEqualTo(new BigDecimal(SMALLEST));
    assertThat(l.digits().unscaledValue()).isEqualTo(new BigInteger(MAX_DIGITS));
    assertThat(l.asDouble()).isEqualTo(9.9999999999999999999999999999999999999E+125);
  }

  record Small(int count, float ratio, long total) {}

  static Map<String, AttributeValue> small(String field, String number) {
    Map<String, AttributeValue> image = new LinkedHashMap<>();
    image.put("count", AttributeValue.fromN("1"));
    image.put("ratio", AttributeValue.fromN("0.5"));
    image.put("total", AttributeValue.fromN("2"));
    image.put(field, AttributeValue.fromN(number));
    return image;
  }

  @Test
  void rejectsNumbersThatDoNotFitTheField() {
    ImageMapper<Small> mapper = ImageMapper.of(Small.class);

    assertThatThrownBy(() -> mapper.map(small("count", "2147483648")))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'count'")
        .hasMessageContaining("does not fit int")
        .hasMessageNotContaining("2147483648");
    assertThatThrownBy(() -> mapper.map(small("count", "1.5")))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'count'")
        .hasMessageNotContaining("1.5");
    assertThatThrownBy(() -> mapper.map(small("ratio", LARGEST)))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'ratio'")
        .hasMessageContaining("float");
    assertThatThrownBy(() -> mapper.map(small("total", MAX_DIGITS)))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'total'")
        .hasMessageContaining("does not fit long");
    assertThat(mapper.map(small("count", "3.000")).count()).isEqualTo(3);
  }

  @Test
  void missingAttributeForAPrimitiveFieldIsAnErrorThatSaysSo() {
    Map<String, AttributeValue> image = small("count", "1");
    image.remove("total");

    assertThatThrownBy(() -> ImageMapper.of(Small.class).map(image))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'total'")
        .hasMessageContaining("missing or NULL");
  }

  record Tagged(List<Integer> tags, Address address) {}

  @Test
  void namesNestedPathsOfBadValues() {
    ImageMapper<Tagged> mapper = ImageMapper.of(Tagged.class);
    Map<String, AttributeValue> badIndex =
        Map.of(
            "tags",
            AttributeValue.fromL(
                List.of(
                    AttributeValue.fromN("1"),
                    AttributeValue.fromN("2"),
                    AttributeValue.fromM(Map.of("secret", AttributeValue.fromS("s3cr3t"))))));
    Map<String, AttributeValue> badCity =
        Map.of("address", AttributeValue.fromM(Map.of("city", AttributeValue.fromM(Map.of()))));

    assertThatThrownBy(() -> mapper.map(badIndex))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'tags[2]'")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> mapper.map(badCity))
        .isInstanceOf(ImageMappingException.class)
        .satisfies(
            e -> assertThat(((ImageMappingException) e).attributePath()).isEqualTo("address.city"));
  }

  @Test
  void reportsUnknownAttributeTypesAndBrokenNumbersWithTheirPath() {
    AttributeValue unknown = AttributeValue.builder().build();
    Map<String, AttributeValue> image =
        Map.of("address", AttributeValue.fromM(Map.of("zip", unknown)));

    assertThatThrownBy(() -> ImageMapper.of(Tagged.class).map(image))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'address.zip'");
    assertThatThrownBy(() -> ImageMapper.of(Small.class).map(small("count", "12abc")))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'count'")
        .hasMessageContaining("not a valid number")
        .hasMessageNotContaining("12abc");
  }

  record Node(String leaf, Node child) {}

  @Test
  void mapsNestingToDynamoDbsDepthLimit() {
    // DynamoDB allows 32 levels of nesting; the innermost map holds the leaf.
    AttributeValue level = AttributeValue.fromM(Map.of("leaf", AttributeValue.fromS("deep")));
    for (int depth = 1; depth < 31; depth++) {
      level = AttributeValue.fromM(Map.of("child", level));
    }
    Map<String, AttributeValue> image = Map.of("child", level);

    Node node = ImageMapper.of(Node.class).map(image);
    int depth = 0;
    while (node.child() != null) {
      node = node.child();
      depth++;
    }
    assertThat(depth).isEqualTo(31);
    assertThat(node.leaf()).isEqualTo("deep");

    @SuppressWarnings("unchecked")
    Map<String, Object> untyped = ImageMapper.of(Map.class).map(image);
    assertThat(untyped).containsKey("child");
  }

  /** A POJO with private fields and no setters: users' legacy classes look like this. */
  static final class LegacyPet {
    private String name;
    private int ageYears;

    String name() {
      return name;
    }

    int ageYears() {
      return ageYears;
    }
  }

  @Test
  void mapsPlainClassesThroughTheirFields() {
    LegacyPet pet =
        ImageMapper.of(LegacyPet.class)
            .map(
                Map.of("name", AttributeValue.fromS("Rex"), "ageYears", AttributeValue.fromN("4")));

    assertThat(pet.name()).isEqualTo("Rex");
    assertThat(pet.ageYears()).isEqualTo(4);
  }

  @DynamoDbBean
  public static class BeanPet {
    private String id;
    private Integer weight;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public Integer getWeight() {
      return weight;
    }

    public void setWeight(Integer weight) {
      this.weight = weight;
    }
  }

  @Test
  void usesTheEnhancedClientForDynamoDbBeans() {
    BeanPet pet =
        ImageMapper.of(BeanPet.class)
            .map(Map.of("id", AttributeValue.fromS("p1"), "weight", AttributeValue.fromN("12")));

    assertThat(pet.getId()).isEqualTo("p1");
    assertThat(pet.getWeight()).isEqualTo(12);
    assertThat(ImageMapper.of(BeanPet.class)).isSameAs(ImageMapper.of(BeanPet.class));
  }

  @Test
  void beanMappingFailuresNameTheAttributeButNotTheValue() {
    assertThatThrownBy(
            () ->
                ImageMapper.of(BeanPet.class)
                    .map(
                        Map.of(
                            "id", AttributeValue.fromS("p1"),
                            "weight", AttributeValue.fromN("99999999999999"))))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'weight'")
        .hasMessageNotContaining("99999999999999");
  }

  @DynamoDbImmutable(builder = ImmutablePet.Builder.class)
  public static final class ImmutablePet {
    private final String id;

    private ImmutablePet(Builder b) {
      this.id = b.id;
    }

    @DynamoDbPartitionKey
    public String id() {
      return id;
    }

    public static Builder builder() {
      return new Builder();
    }

    public static final class Builder {
      private String id;

      public Builder id(String id) {
        this.id = id;
        return this;
      }

      public ImmutablePet build() {
        return new ImmutablePet(this);
      }
    }
  }

  @Test
  void usesTheEnhancedClientForImmutables() {
    ImmutablePet pet =
        ImageMapper.of(ImmutablePet.class).map(Map.of("id", AttributeValue.fromS("p9")));

    assertThat(pet.id()).isEqualTo("p9");
  }

  @Test
  void mapsToEnhancedDocumentsAndUntypedMaps() {
    EnhancedDocument doc = ImageMapper.of(EnhancedDocument.class).map(everythingImage());
    assertThat(doc.getString("s")).isEqualTo("text");

    @SuppressWarnings("unchecked")
    Map<String, Object> map = ImageMapper.of(Map.class).map(everythingImage());
    assertThat(map.get("big")).isEqualTo(new BigDecimal(MAX_DIGITS));
  }

  @Test
  void nullForPrimitivesIsAnError() {
    Map<String, AttributeValue> image = small("count", "1");
    image.put("count", AttributeValue.fromNul(true));
    assertThatThrownBy(() -> ImageMapper.of(Small.class).map(image))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("'count'");
  }
}
