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
package dev.ddbstreams.examples.docs.typedimages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.Images;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.testkit.StreamEvents;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** docs/typed-images.md: mapping, exactly or not at all, as running code. */
class TypedImagesExamplesTest {
  @Test
  void mapsImagesToTypes() {
    Record record =
        StreamEvents.builder()
            .keys("PK", "SK")
            .build()
            .insert(
                Map.of(
                    "PK", "PET#1",
                    "SK", "VISIT#1",
                    "vet", "Dr Ada",
                    "minutes", 25,
                    "costEur", new BigDecimal("80.50")));
    // tag::mappers[]
    StreamRecord<Visit> visit =
        StreamRecord.of(record, Visit.class); // a record: the Jackson mapper
    assertThat(visit.newImage().orElseThrow().costEur()).isEqualByComparingTo("80.50");

    ImageMapper<String> vetOnly = image -> image.get("vet").s(); // any lambda is a mapper
    assertThat(visit.withMapper(vetOnly).newImage()).contains("Dr Ada");

    Map<String, Object> plain = Images.toMap(visit.rawNewImage().orElseThrow()); // untyped
    assertThat(plain.get("minutes")).isEqualTo(new BigDecimal("25"));
    // end::mappers[]
  }

  @Test
  void aNumberThatDoesNotFitIsAnErrorNamingThePathNotTheValue() {
    // tag::no-fit[]
    Map<String, AttributeValue> image =
        Map.of(
            "vet", AttributeValue.fromS("Dr Ada"),
            "minutes", AttributeValue.fromN("2147483648")); // one more than Integer.MAX_VALUE

    assertThatThrownBy(() -> ImageMapper.of(Visit.class).map(image))
        .isInstanceOfSatisfying(
            ImageMappingException.class,
            e -> {
              assertThat(e.attributePath()).isEqualTo("minutes");
              assertThat(e.getMessage()).doesNotContain("2147483648"); // never the value
            });
    // end::no-fit[]
  }

  @Test
  void setsAndListsMapToCollections() {
    Map<String, AttributeValue> image =
        Map.of(
            "vet", AttributeValue.fromS("Dr Ada"),
            "minutes", AttributeValue.fromN("25"),
            "tags", AttributeValue.fromSs(List.of("vaccine", "checkup")),
            "notes", AttributeValue.fromL(List.of(AttributeValue.fromS("calm"))));
    Visit visit = ImageMapper.of(Visit.class).map(image);
    assertThat(visit.tags()).containsExactlyInAnyOrder("vaccine", "checkup");
    assertThat(visit.notes()).containsExactly("calm");
    assertThat(visit.costEur()).isNull(); // absent attribute, boxed type
  }
}
