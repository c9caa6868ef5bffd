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
package dev.ddbstreams.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ddbstreams.ImageMappingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class RecordImageMapperTest {
  enum Species {
    DOG,
    CAT
  }

  record Address(String city, int floor) {}

  private record Pet(
      String name,
      int age,
      long chip,
      short legs,
      byte litter,
      double weight,
      float height,
      boolean vaccinated,
      Integer visits,
      BigDecimal price,
      BigInteger serial,
      byte[] photo,
      Species species,
      List<String> names,
      Set<BigDecimal> scores,
      Map<String, Integer> counts,
      Map<String, Object> extra,
      Address address,
      List<Address> previous) {}

  static Map<String, AttributeValue> pet() {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    m.put("name", AttributeValue.fromS("Rex"));
    m.put("age", AttributeValue.fromN("4"));
    m.put("chip", AttributeValue.fromN("123456789012345678"));
    m.put("legs", AttributeValue.fromN("4"));
    m.put("litter", AttributeValue.fromN("-3"));
    m.put("weight", AttributeValue.fromN("12.5"));
    m.put("height", AttributeValue.fromN("0.25"));
    m.put("vaccinated", AttributeValue.fromBool(true));
    m.put("visits", AttributeValue.fromNul(true));
    m.put("price", AttributeValue.fromN("3.000"));
    m.put("serial", AttributeValue.fromN("12345678901234567890123456789012345678"));
    m.put("photo", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})));
    m.put("species", AttributeValue.fromS("CAT"));
    m.put("names", AttributeValue.fromSs(List.of("Rex", "Rexy")));
    m.put("scores", AttributeValue.fromNs(List.of("1.50", "1E+2")));
    m.put("counts", AttributeValue.fromM(Map.of("a", AttributeValue.fromN("1"))));
    m.put(
        "extra",
        AttributeValue.fromM(
            Map.of(
                "n", AttributeValue.fromN("7"),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromN("0.5"))))));
    m.put(
        "address",
        AttributeValue.fromM(
            Map.of("city", AttributeValue.fromS("Oslo"), "floor", AttributeValue.fromN("2"))));
    m.put(
        "previous",
        AttributeValue.fromL(
            List.of(
                AttributeValue.fromM(Map.of("floor", AttributeValue.fromN("1"))),
                AttributeValue.fromNul(true))));
    m.put("unmapped", AttributeValue.fromN("1"));
    return m;
  }

  @Test
  void mapsEverySupportedTypeWithoutJackson() {
    TypeMapping<Pet> mapper = MapperRegistry.mappingFor(Pet.class);
    assertThat(mapper).isInstanceOf(RecordImageMapper.class);
    assertThat(RecordConverter.of(Pet.class).fromM(pet())).isInstanceOf(Pet.class);

    Pet p = mapper.map(pet());

    assertThat(p.name()).isEqualTo("Rex");
    assertThat(p.age()).isEqualTo(4);
    assertThat(p.chip()).isEqualTo(123456789012345678L);
    assertThat(p.legs()).isEqualTo((short) 4);
    assertThat(p.litter()).isEqualTo((byte) -3);
    assertThat(p.weight()).isEqualTo(12.5);
    assertThat(p.height()).isEqualTo(0.25f);
    assertThat(p.vaccinated()).isTrue();
    assertThat(p.visits()).isNull();
    // As the Jackson mapper reads them: an integral number loses its trailing zeros.
    assertThat(p.price()).isEqualTo(new BigDecimal("3"));
    assertThat(p.serial()).isEqualTo(new BigInteger("12345678901234567890123456789012345678"));
    assertThat(p.photo()).containsExactly(1, 2);
    assertThat(p.species()).isEqualTo(Species.CAT);
    assertThat(p.names()).isInstanceOf(ArrayList.class).containsExactly("Rex", "Rexy");
    assertThat(p.scores())
        .isInstanceOf(HashSet.class)
        .containsExactlyInAnyOrder(new BigDecimal("1.50"), BigDecimal.valueOf(100));
    assertThat(p.counts()).isInstanceOf(LinkedHashMap.class).isEqualTo(Map.of("a", 1));
    assertThat(p.extra())
        .isEqualTo(Map.of("n", BigInteger.valueOf(7), "l", List.of(new BigDecimal("0.5"))));
    assertThat(p.address()).isEqualTo(new Address("Oslo", 2));
    assertThat(p.previous()).containsExactly(new Address(null, 1), null);
    assertThat(mapper.attributeNames()).contains("name", "previous").hasSize(19);
  }

  @Test
  void aTypeWhoseImagesAlwaysNeedJacksonStopsTryingItsOwnPathButMapsTheSame() {
    record Visits(String name, int visits) {}
    // An int fed S attributes: Jackson coerces it, the record mapper does not.
    Map<String, AttributeValue> coerced =
        Map.of("name", AttributeValue.fromS("Rex"), "visits", AttributeValue.fromS("7"));
    RecordImageMapper<Visits> mapper =
        (RecordImageMapper<Visits>) RecordImageMapper.orJackson(Visits.class);

    for (int i = 0; i < RecordImageMapper.FALLBACKS_BEFORE_GIVING_UP; i++) {
      assertThat(mapper.jacksonOnly()).isFalse();
      assertThat(mapper.map(coerced)).isEqualTo(new Visits("Rex", 7));
    }
    assertThat(mapper.jacksonOnly()).isTrue();
    assertThat(mapper.map(coerced)).isEqualTo(new Visits("Rex", 7));
    assertThat(
            mapper.map(
                Map.of("name", AttributeValue.fromS("Tom"), "visits", AttributeValue.fromN("2"))))
        .isEqualTo(new Visits("Tom", 2));
  }

  @Test
  void oneImageOnItsOwnPathResetsTheCount() {
    record Visits(String name, int visits) {}
    Map<String, AttributeValue> coerced = Map.of("visits", AttributeValue.fromS("7"));
    Map<String, AttributeValue> plain = Map.of("visits", AttributeValue.fromN("7"));
    RecordImageMapper<Visits> mapper =
        (RecordImageMapper<Visits>) RecordImageMapper.orJackson(Visits.class);

    for (int i = 0; i < 3 * RecordImageMapper.FALLBACKS_BEFORE_GIVING_UP; i++) {
      mapper.map(i % RecordImageMapper.FALLBACKS_BEFORE_GIVING_UP == 0 ? plain : coerced);
    }

    assertThat(mapper.jacksonOnly()).isFalse();
  }

  @Test
  void missingObjectsAreNullAndMissingPrimitivesFailAsBefore() {
    record Partial(String name, Integer visits, List<String> tags, int age) {}
    TypeMapping<Partial> mapper = MapperRegistry.mappingFor(Partial.class);

    assertThat(mapper.map(Map.of("age", AttributeValue.fromN("3"))))
        .isEqualTo(new Partial(null, null, null, 3));
    assertThatThrownBy(() -> mapper.map(Map.of("name", AttributeValue.fromS("Rex"))))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("at attribute 'age'")
        .hasMessageContaining("missing or NULL");
  }

  /** Each wrong value takes the Jackson path, which names the attribute and not the value. */
  @Test
  void wrongValuesFailWithTheJacksonMappersPathAndReason() {
    TypeMapping<Pet> mapper = MapperRegistry.mappingFor(Pet.class);
    RecordConverter direct = RecordConverter.of(Pet.class);
    Map<String, AttributeValue> secret = Map.of("x", AttributeValue.fromS("s3cr3t"));
    Object[][] cases = {
      {"age", AttributeValue.fromN("2147483648"), "age", "the number does not fit int"},
      {"age", AttributeValue.fromN("1.5"), "age", null},
      {"chip", AttributeValue.fromN("12abc"), "chip", "N attribute is not a valid number"},
      {"height", AttributeValue.fromN("1E+100"), "height", "the number does not fit float"},
      {"weight", AttributeValue.fromN("1E+126"), "weight", "outside DynamoDB's number range"},
      {"serial", AttributeValue.fromN("1.5"), "serial", null},
      {"vaccinated", AttributeValue.fromNul(true), "vaccinated", "missing or NULL"},
      {"species", AttributeValue.fromS("cat"), "species", null},
      {"names", AttributeValue.fromM(secret), "names", null},
      {
        "address",
        AttributeValue.fromM(Map.of("city", AttributeValue.fromM(secret))),
        "address.city",
        null
      },
      {
        "previous",
        AttributeValue.fromL(List.of(AttributeValue.fromS("s3cr3t"))),
        "previous[0]",
        null
      },
      {
        "counts",
        AttributeValue.fromM(Map.of("a", AttributeValue.fromS("s3cr3t"))),
        "counts.a",
        null
      },
      {"unmapped", AttributeValue.fromN("s3cr3t"), "unmapped", "N attribute is not a valid number"},
      {"unmapped", AttributeValue.builder().build(), "unmapped", "unknown attribute type"},
    };
    for (Object[] c : cases) {
      Map<String, AttributeValue> image = pet();
      image.put((String) c[0], (AttributeValue) c[1]);

      assertThat(direct.fromM(image)).as("%s", c[0]).isSameAs(ValueConverter.FALLBACK);
      assertThatThrownBy(() -> mapper.map(image))
          .as("%s", c[0])
          .isInstanceOf(ImageMappingException.class)
          .hasMessageContaining("at attribute '" + c[2] + "'")
          .hasMessageContaining(c[3] == null ? "" : (String) c[3])
          .hasMessageNotContaining("s3cr3t")
          .hasMessageNotContaining("2147483648")
          .hasMessageNotContaining("12abc");
    }
  }

  /** Values the fast path does not take, but the Jackson mapper accepts, still map as before. */
  @Test
  void theJacksonMappersCoercionsStillApply() {
    TypeMapping<Pet> mapper = MapperRegistry.mappingFor(Pet.class);
    Map<String, AttributeValue> image = pet();
    image.put("age", AttributeValue.fromS("5"));
    image.put("litter", AttributeValue.fromN("200"));

    assertThat(RecordConverter.of(Pet.class).fromM(image)).isSameAs(ValueConverter.FALLBACK);
    Pet p = mapper.map(image);
    assertThat(p.age()).isEqualTo(5);
    assertThat(p.litter()).isEqualTo((byte) 200);
  }

  record Validated(String name) {
    Validated {
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name must not be empty");
      }
    }
  }

  @Test
  void aConstructorThatThrowsIsReportedAsBefore() {
    assertThatThrownBy(
            () ->
                MapperRegistry.mappingFor(Validated.class)
                    .map(Map.of("name", AttributeValue.fromS(""))))
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("the type's constructor or setter threw")
        .hasMessageContaining("IllegalArgumentException");
  }

  record Node(String leaf, Node child) {}

  @Test
  void mapsRecursiveRecordsWithoutJackson() {
    Map<String, AttributeValue> image =
        Map.of(
            "leaf", AttributeValue.fromS("a"),
            "child",
                AttributeValue.fromM(
                    Map.of(
                        "leaf",
                        AttributeValue.fromS("b"),
                        "child",
                        AttributeValue.fromM(Map.of("leaf", AttributeValue.fromS("c"))))));

    assertThat(RecordConverter.of(Node.class).fromM(image))
        .isEqualTo(new Node("a", new Node("b", new Node("c", null))));
  }

  record Renamed(@JsonProperty("pet_name") String name) {}

  record WithOptional(Optional<String> name) {}

  record WithInstant(Instant at) {}

  record WithChar(char c) {}

  record WithArray(String[] names) {}

  record Box<T>(T value) {}

  record WithBox(Box<String> box) {}

  record WithIntKeys(Map<Integer, String> byNumber) {}

  @SuppressWarnings("rawtypes")
  record WithRawList(List names) {}

  enum Renaming {
    @JsonProperty("dog")
    DOG
  }

  record WithRenamedEnum(Renaming kind) {}

  static final class Pojo {
    String name;
  }

  record WithPojo(Pojo pojo) {}

  @Test
  void recordsItCannotMapKeepTheJacksonMapper() {
    for (Class<?> type :
        List.of(
            Renamed.class,
            WithOptional.class,
            WithInstant.class,
            WithChar.class,
            WithArray.class,
            WithBox.class,
            WithIntKeys.class,
            WithRawList.class,
            WithRenamedEnum.class,
            WithPojo.class)) {
      assertThat(RecordConverter.of(type)).as(type.getSimpleName()).isNull();
      assertThat(MapperRegistry.mappingFor(type))
          .as(type.getSimpleName())
          .isInstanceOf(JacksonImageMapper.class);
    }
    assertThat(
            MapperRegistry.mappingFor(Renamed.class)
                .map(Map.of("pet_name", AttributeValue.fromS("Rex"))))
        .isEqualTo(new Renamed("Rex"));
    assertThat(
            MapperRegistry.mappingFor(WithRenamedEnum.class)
                .map(Map.of("kind", AttributeValue.fromS("dog"))))
        .isEqualTo(new WithRenamedEnum(Renaming.DOG));
  }
}
