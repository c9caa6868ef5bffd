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

import static dev.ddbstreams.TestRecords.keys;
import static dev.ddbstreams.TestRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamRecordTest {
  record Pet(String name, String species, BigDecimal weightKg) {}

  private static final Map<String, AttributeValue> BUDDY =
      Map.of(
          "PK", AttributeValue.fromS("USER#u1"),
          "SK", AttributeValue.fromS("PET#p1"),
          "name", AttributeValue.fromS("Buddy"),
          "species", AttributeValue.fromS("dog"),
          "weightKg", AttributeValue.fromN("12.5"));

  @Test
  void exposesMetadataOfTheRawRecord() {
    StreamRecord<Pet> r = StreamRecord.of(TestRecords.insert("111111111111", BUDDY), Pet.class);

    assertThat(r.eventId()).isEqualTo("event-111111111111");
    assertThat(r.eventName()).isEqualTo(EventName.INSERT);
    assertThat(r.eventVersion()).contains("1.1");
    assertThat(r.eventSource()).contains("aws:dynamodb");
    assertThat(r.awsRegion()).contains("us-east-1");
    assertThat(r.streamArn()).isEmpty();
    assertThat(r.keys()).containsOnlyKeys("PK", "SK");
    assertThat(r.key("SK")).contains(AttributeValue.fromS("PET#p1"));
    assertThat(r.key("nope")).isEmpty();
    assertThat(r.sequenceNumber()).hasToString("111111111111");
    assertThat(r.sequenceNumber().toBigInteger()).isEqualTo(new BigInteger("111111111111"));
    assertThat(r.sizeBytes()).hasValue(42L);
    assertThat(r.viewType()).isEqualTo(ViewType.NEW_AND_OLD_IMAGES);
    assertThat(r.approximateCreationTime()).contains(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(r.userIdentity()).isEmpty();
    assertThat(r.isTtlExpiry()).isFalse();
  }

  @Test
  void mapsImagesByTypeAndLeavesOutImagesTheEventCannotHave() {
    StreamRecord<Pet> insert = StreamRecord.of(TestRecords.insert("1", BUDDY), Pet.class);
    assertThat(insert.newImage()).contains(new Pet("Buddy", "dog", new BigDecimal("12.5")));
    assertThat(insert.oldImage()).isEmpty();

    StreamRecord<Pet> remove = StreamRecord.of(TestRecords.remove("2", BUDDY), Pet.class);
    assertThat(remove.newImage()).isEmpty();
    assertThat(remove.oldImage().map(Pet::name)).contains("Buddy");
  }

  @Test
  void decodesEachImageOnceAndOnlyWhenAsked() {
    AtomicInteger calls = new AtomicInteger();
    ImageMapper<String> counting =
        image -> {
          calls.incrementAndGet();
          return image.get("name").s();
        };
    StreamRecord<String> r = StreamRecord.of(TestRecords.modify("3", BUDDY, BUDDY), counting);

    assertThat(calls).hasValue(0);
    assertThat(r.newImage()).contains("Buddy");
    assertThat(r.newImage()).contains("Buddy");
    assertThat(calls).hasValue(1);
    r.oldImage();
    assertThat(calls).hasValue(2);
  }

  @Test
  void recognisesTtlDeletesByTheServiceIdentity() {
    StreamRecord<Pet> ttl = StreamRecord.of(TestRecords.ttlRemove("4", BUDDY), Pet.class);
    StreamRecord<Pet> user = StreamRecord.of(TestRecords.remove("5", BUDDY), Pet.class);

    assertThat(ttl.isTtlExpiry()).isTrue();
    assertThat(ttl.userIdentity()).contains(UserIdentity.TTL_SERVICE);
    assertThat(user.isTtlExpiry()).isFalse();
  }

  @Test
  void missingImageNamesTheViewTypeAndTheRecord() {
    Record keysOnly =
        record("MODIFY", "77", "KEYS_ONLY", keys("USER#u1", "PET#p1"), null, null).build();
    StreamRecord<Pet> r = StreamRecord.of(keysOnly, Pet.class);

    assertThatThrownBy(r::newImage)
        .isInstanceOf(MissingImageException.class)
        .hasMessageContaining("NewImage")
        .hasMessageContaining("KEYS_ONLY")
        .hasMessageContaining("eventID=event-77")
        .hasMessageContaining("sequenceNumber=77");
    assertThatThrownBy(() -> r.requireImage(ImageKind.OLD_IMAGE, "PetHandlers#weight"))
        .isInstanceOf(MissingImageException.class)
        .hasMessageContaining("PetHandlers#weight needs the OldImage");
  }

  @Test
  void newImageOnlyStreamReportsTheMissingOldImage() {
    Record r = record("MODIFY", "78", "NEW_IMAGE", keys("U", "P"), null, BUDDY).build();
    StreamRecord<Pet> record = StreamRecord.of(r, Pet.class);

    assertThat(record.newImage()).isPresent();
    assertThatThrownBy(record::oldImage)
        .isInstanceOf(MissingImageException.class)
        .satisfies(
            e -> {
              MissingImageException m = (MissingImageException) e;
              assertThat(m.viewType()).isEqualTo(ViewType.NEW_IMAGE);
              assertThat(m.image()).isEqualTo(ImageKind.OLD_IMAGE);
            });
  }

  @Test
  void mappingFailuresNameRecordImagePathAndTypeButNoValue() {
    Map<String, AttributeValue> bad = new HashMap<>(BUDDY);
    bad.put("weightKg", AttributeValue.fromS("secret-value-123"));
    StreamRecord<Pet> r = StreamRecord.of(TestRecords.insert("99", bad), Pet.class);

    assertThatThrownBy(r::newImage)
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("NewImage")
        .hasMessageContaining("eventID=event-99")
        .hasMessageContaining("sequenceNumber=99")
        .hasMessageContaining("'weightKg'")
        .hasMessageContaining(Pet.class.getName())
        .satisfies(e -> assertThat(e.toString()).doesNotContain("secret-value-123"))
        .hasNoCause();
  }

  @Test
  void userMapperFailuresAreWrappedWithTheRecord() {
    ImageMapper<String> broken =
        image -> {
          throw new IllegalStateException("boom");
        };
    StreamRecord<String> r = StreamRecord.of(TestRecords.insert("5", BUDDY), broken);

    assertThatThrownBy(r::newImage)
        .isInstanceOf(ImageMappingException.class)
        .hasMessageContaining("eventID=event-5")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void rejectsRecordsWithoutWhatEveryStreamRecordHas() {
    Map<String, AttributeValue> k = keys("U", "P");
    assertThatThrownBy(
            () ->
                StreamRecord.of(
                    record("EXPIRE", "1", "KEYS_ONLY", k, null, null).build(), Map.class))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("unknown eventName 'EXPIRE'");
    assertThatThrownBy(
            () ->
                StreamRecord.of(
                    record("INSERT", "12a", "KEYS_ONLY", k, null, null).build(), Map.class))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("SequenceNumber is not a decimal number");
    assertThatThrownBy(
            () ->
                StreamRecord.of(
                    record("INSERT", "1", "KEYS_ONLY", k, null, null).eventID(null).build(),
                    Map.class))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("no eventID");
    assertThatThrownBy(
            () ->
                StreamRecord.of(
                    Record.builder().eventID("e").eventName("INSERT").build(), Map.class))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("no dynamodb section");
  }

  @Test
  void recordWithoutKeysOrTimestampIsStillUsable() {
    Record bare =
        Record.builder()
            .eventID("e1")
            .eventName("INSERT")
            .dynamodb(
                software.amazon.awssdk.services.dynamodb.model.StreamRecord.builder()
                    .sequenceNumber("10")
                    .build())
            .build();
    StreamRecord<Object> r = StreamRecord.of(bare, ImageMapper.of(Object.class));

    assertThat(r.keys()).isEmpty();
    assertThat(r.approximateCreationTime()).isEmpty();
    assertThat(r.sizeBytes()).isEmpty();
    assertThat(r.viewType()).isEqualTo(ViewType.UNKNOWN);
    assertThatThrownBy(r::newImage)
        .isInstanceOf(MissingImageException.class)
        .hasMessageContaining("does not state its stream view type");
  }

  @Test
  void sequenceNumbersOfDifferentLengthCompareAsNumbers() {
    StreamRecord<Pet> shorter = StreamRecord.of(TestRecords.insert("9", BUDDY), Pet.class);
    StreamRecord<Pet> longer = StreamRecord.of(TestRecords.insert("10", BUDDY), Pet.class);

    // As text "9" sorts after "10"; as sequence numbers it comes first.
    assertThat(shorter.sequenceNumber().toString())
        .isGreaterThan(longer.sequenceNumber().toString());
    assertThat(shorter.sequenceNumber()).isLessThan(longer.sequenceNumber());
  }

  @Test
  void toStringCarriesCoordinatesButNoValues() {
    StreamRecord<Pet> r = StreamRecord.of(TestRecords.insert("1", BUDDY), Pet.class);

    assertThat(r.toString())
        .contains("event-1", "INSERT", "PK", "SK")
        .doesNotContain("Buddy", "USER#u1");
  }

  @Test
  void withMapperSharesTheRawRecord() {
    StreamRecord<Pet> r = StreamRecord.of(TestRecords.insert("1", BUDDY), Pet.class);
    @SuppressWarnings("rawtypes")
    StreamRecord<Map> untyped = r.withMapper(ImageMapper.of(Map.class));

    assertThat(untyped.raw()).isSameAs(r.raw());
    assertThat(untyped.newImage().orElseThrow().get("weightKg")).isEqualTo(new BigDecimal("12.5"));
  }

  @Test
  void diffOfAModifyRecordFindsTheWeightChange() {
    Map<String, AttributeValue> heavier = new HashMap<>(BUDDY);
    heavier.put("weightKg", AttributeValue.fromN("15"));
    StreamRecord<Pet> r = StreamRecord.of(TestRecords.modify("7", BUDDY, heavier), Pet.class);

    assertThat(r.diff().changedPaths()).containsExactly("weightKg");
    assertThat(r.diff().numberChangedByMoreThan("weightKg", 2)).isTrue();
    assertThat(r.diff()).isSameAs(r.diff());
  }

  @Test
  void diffOfAnInsertAddsEveryAttributeAndNeedsNoOldImage() {
    StreamRecord<Pet> r = StreamRecord.of(TestRecords.insert("8", BUDDY), Pet.class);

    assertThat(r.diff().addedPaths()).containsExactlyInAnyOrderElementsOf(BUDDY.keySet());
  }

  @Test
  void diffOnANewImageOnlyStreamNamesTheMissingOldImage() {
    Record r = record("MODIFY", "9", "NEW_IMAGE", keys("U", "P"), null, BUDDY).build();

    assertThatThrownBy(() -> StreamRecord.of(r, Pet.class).diff())
        .isInstanceOf(MissingImageException.class)
        .hasMessageContaining("OldImage")
        .hasMessageContaining("NEW_IMAGE");
  }
}
