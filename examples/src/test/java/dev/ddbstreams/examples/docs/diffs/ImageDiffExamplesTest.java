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
package dev.ddbstreams.examples.docs.diffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.diff.AttributeChange;
import dev.ddbstreams.diff.ImageDiff;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.testkit.StreamEvents;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** docs/diffs.md: every claim the page makes about ImageDiff, as running code. */
class ImageDiffExamplesTest {
  @Test
  void comparesByValue() {
    // tag::by-value[]
    Map<String, AttributeValue> before =
        Map.of(
            "weightKg", AttributeValue.fromN("10.0"),
            "tags", AttributeValue.fromSs(List.of("friendly", "vaccinated")),
            "address",
                AttributeValue.fromM(
                    Map.of(
                        "city", AttributeValue.fromS("Lyon"),
                        "zip", AttributeValue.fromS("69001"))));
    Map<String, AttributeValue> after =
        Map.of(
            "weightKg", AttributeValue.fromN("10"),
            "tags", AttributeValue.fromSs(List.of("vaccinated", "friendly")),
            "address",
                AttributeValue.fromM(
                    Map.of(
                        "city", AttributeValue.fromS("Paris"),
                        "zip", AttributeValue.fromS("69001"))));

    ImageDiff diff = ImageDiff.between(before, after);

    assertThat(diff.changed("weightKg")).isFalse(); // 10.0 and 10 are the same number
    assertThat(diff.changed("tags")).isFalse(); // the same set in another order
    assertThat(diff.changedPaths()).containsExactly("address.city"); // maps recurse
    assertThat(diff.changed("address")).isTrue(); // a change below the path counts
    assertThat(diff.oldString("address.city")).contains("Lyon");
    assertThat(diff.newString("address.city")).contains("Paris");
    assertThat(diff.toString()).isEqualTo("ImageDiff[CHANGED address.city]"); // never values
    // end::by-value[]
  }

  @Test
  void listsAddAndRemoveIndexes() {
    // tag::lists[]
    Map<String, AttributeValue> before =
        Map.of(
            "visits",
            AttributeValue.fromL(
                List.of(AttributeValue.fromM(Map.of("vet", AttributeValue.fromS("Dr Ada"))))));
    Map<String, AttributeValue> after =
        Map.of(
            "visits",
            AttributeValue.fromL(
                List.of(
                    AttributeValue.fromM(Map.of("vet", AttributeValue.fromS("Dr Bo"))),
                    AttributeValue.fromM(Map.of("vet", AttributeValue.fromS("Dr Ada"))))));

    ImageDiff diff = ImageDiff.between(before, after);

    assertThat(diff.changes())
        .extracting(AttributeChange::kind, AttributeChange::path)
        .containsExactly(
            tuple(AttributeChange.Kind.CHANGED, "visits[0].vet"),
            tuple(AttributeChange.Kind.ADDED, "visits[1]"));
    // end::lists[]
  }

  @Test
  void quotesNamesThatLookLikePaths() {
    // tag::quoting[]
    Map<String, AttributeValue> before =
        Map.of(
            "a.b", AttributeValue.fromN("1"),
            "m", AttributeValue.fromM(Map.of("x`y", AttributeValue.fromN("1"))));
    Map<String, AttributeValue> after =
        Map.of(
            "a.b", AttributeValue.fromN("2"),
            "m", AttributeValue.fromM(Map.of("x`y", AttributeValue.fromN("2"))));

    ImageDiff diff = ImageDiff.between(before, after);

    assertThat(diff.changedPaths()).containsExactly("`a.b`", "m.`x``y`");
    assertThat(diff.changed("`a.b`")).isTrue(); // the attribute named a.b
    assertThat(diff.changed("a.b")).isFalse(); // key b of a map a: absent from both images
    assertThat(ImageDiff.path("m", "x`y")).isEqualTo("m.`x``y`"); // quotes where needed
    assertThat(diff.changed(ImageDiff.path("m", "x`y"))).isTrue();
    assertThatThrownBy(() -> diff.changed("tags[")).isInstanceOf(IllegalArgumentException.class);
    // end::quoting[]
  }

  @Test
  void numbers() {
    // tag::numbers[]
    ImageDiff diff =
        ImageDiff.between(
            Map.of(
                "weightKg", AttributeValue.fromN("10"),
                "stock", AttributeValue.fromN("5"),
                "name", AttributeValue.fromS("Rex")),
            Map.of(
                "weightKg", AttributeValue.fromN("12.5"),
                "stock", AttributeValue.fromN("3"),
                "name", AttributeValue.fromS("Rex")));

    assertThat(diff.numberDelta("weightKg")).contains(new BigDecimal("2.5")); // new - old
    assertThat(diff.numberChangedByMoreThan("weightKg", 2)).isTrue(); // |2.5| > 2
    assertThat(diff.numberChangedByMoreThan("weightKg", new BigDecimal("2.5"))).isFalse();
    assertThat(diff.numberDelta("stock").filter(d -> d.signum() < 0)).isPresent(); // stock fell
    assertThat(diff.numberDelta("name")).isEmpty(); // not a number in both images
    assertThat(diff.numberChangedByMoreThan("name", 0)).isFalse();
    // end::numbers[]
  }

  // tag::changed[]
  record Address(String city) {}

  record Pet(String userId, String name, String species, BigDecimal weightKg, Address address) {}

  static final class PetWatch {
    final List<String> seen = new ArrayList<>();

    @OnModify(
        sk = "PET#",
        changed = {"weightKg", "address.city"})
    void movedOrWeighed(StreamRecord<Pet> change, ImageDiff diff) {
      seen.add(String.join(",", diff.changedPaths())); // runs for a new weight or city only
    }
  }

  // end::changed[]

  @Test
  void handlersRunOnlyWhenAListedPathChanged() {
    PetWatch watch = new PetWatch();
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    Map<String, Object> rex = pet("Rex", 10, "Lyon");
    try (StreamRouter router =
        StreamRouter.builder()
            .handlers(watch)
            .idempotency(InMemoryIdempotencyStore.builder().build())
            .build()) {
      router.process(
          List.of(
              events.modify(rex, pet("Rex", 10, "Paris")),
              events.modify(rex, pet("Max", 10, "Lyon")),
              events.modify(rex, pet("Rex", 11, "Lyon"))));
    }
    assertThat(watch.seen).containsExactly("address.city", "weightKg");
  }

  @Test
  void aRecordComputesItsOwnDiff() {
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    Record record = events.modify(pet("Rex", 10, "Lyon"), pet("Rex", 13, "Lyon"));
    List<String> alerts = new ArrayList<>();
    // tag::record-diff[]
    StreamRecord<Pet> change = StreamRecord.of(record, Pet.class);
    if (change.diff().numberChangedByMoreThan("weightKg", 2)) {
      alerts.add(change.newImage().orElseThrow().name());
    }
    // end::record-diff[]
    assertThat(alerts).containsExactly("Rex");

    // tag::insert-remove[]
    StreamRecord<Pet> inserted = StreamRecord.of(events.insert(pet("Rex", 10, "Lyon")), Pet.class);
    assertThat(inserted.diff().addedPaths()).contains("name", "weightKg", "address"); // all added
    assertThat(inserted.diff().removedPaths()).isEmpty();
    // end::insert-remove[]
  }

  @Test
  void applyToReplaysTheChanges() {
    Map<String, AttributeValue> before = Map.of("n", AttributeValue.fromN("1"));
    Map<String, AttributeValue> after =
        Map.of("n", AttributeValue.fromN("2"), "s", AttributeValue.fromS("x"));
    // tag::apply[]
    ImageDiff diff = ImageDiff.between(before, after);
    Map<String, AttributeValue> replayed = diff.applyTo(before);
    assertThat(ImageDiff.sameValue(AttributeValue.fromM(replayed), AttributeValue.fromM(after)))
        .isTrue();
    // end::apply[]
  }

  static Map<String, Object> pet(String name, int weightKg, String city) {
    return Map.of(
        "PK",
        "USER#u1",
        "SK",
        "PET#7",
        "userId",
        "u1",
        "name",
        name,
        "weightKg",
        weightKg,
        "address",
        Map.of("city", city));
  }
}
