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
package dev.ddbstreams.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.EventName;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.ViewType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class StreamEventsTest {
  record Pet(String PK, String SK, String name, BigDecimal weightKg, List<String> tags) {}

  private final Pet rex = new Pet("USER#u1", "PET#p1", "Rex", new BigDecimal("12.5"), List.of("a"));
  private final Pet heavier =
      new Pet("USER#u1", "PET#p1", "Rex", new BigDecimal("15"), List.of("a"));

  @Test
  void typedItemsBecomeRecordsAsDynamoDbWritesThem() {
    StreamEvents events = StreamEvents.builder().build();

    List<StreamRecord<Pet>> records =
        List.of(events.insert(rex), events.modify(rex, heavier), events.remove(heavier)).stream()
            .map(r -> StreamRecord.of(r, Pet.class))
            .toList();

    assertThat(records)
        .extracting(StreamRecord::eventName)
        .containsExactly(EventName.INSERT, EventName.MODIFY, EventName.REMOVE);
    assertThat(records.get(0).newImage()).contains(rex);
    assertThat(records.get(0).oldImage()).isEmpty();
    assertThat(records.get(1).diff().numberChangedByMoreThan("weightKg", 2)).isTrue();
    assertThat(records.get(2).oldImage()).contains(heavier);
    assertThat(records.get(0).keys())
        .containsEntry("PK", AttributeValue.fromS("USER#u1"))
        .containsEntry("SK", AttributeValue.fromS("PET#p1"));
    assertThat(records.get(1).sequenceNumber()).isGreaterThan(records.get(0).sequenceNumber());
    assertThat(records).noneMatch(StreamRecord::isTtlExpiry);
  }

  @Test
  void ttlExpiryIsARemoveWithTheServiceIdentity() {
    StreamRecord<Pet> expired =
        StreamRecord.of(StreamEvents.builder().build().ttlExpire(rex), Pet.class);

    assertThat(expired.eventName()).isEqualTo(EventName.REMOVE);
    assertThat(expired.isTtlExpiry()).isTrue();
  }

  @Test
  void viewTypeDecidesWhichImagesRecordsCarry() {
    Record keysOnly =
        StreamEvents.builder().viewType(ViewType.KEYS_ONLY).build().modify(rex, heavier);
    Record newOnly =
        StreamEvents.builder().viewType(ViewType.NEW_IMAGE).build().modify(rex, heavier);

    assertThat(keysOnly.dynamodb().hasNewImage()).isFalse();
    assertThat(keysOnly.dynamodb().hasOldImage()).isFalse();
    assertThat(newOnly.dynamodb().hasNewImage()).isTrue();
    assertThat(newOnly.dynamodb().hasOldImage()).isFalse();
  }

  @Test
  void acceptsImagesPlainMapsAndTablesWithoutSortKey() {
    StreamEvents events = StreamEvents.builder().keys("id").build();

    Record fromPlain = events.insert(Map.of("id", "x1", "count", 3, "tags", Set.of("a")));
    Record fromImage = events.insert(Map.of("id", AttributeValue.fromS("x2")));

    assertThat(fromPlain.dynamodb().newImage().get("tags"))
        .isEqualTo(AttributeValue.fromSs(List.of("a")));
    assertThat(fromPlain.dynamodb().keys()).containsOnlyKeys("id");
    assertThat(fromImage.dynamodb().keys()).containsEntry("id", AttributeValue.fromS("x2"));
  }

  @Test
  void anItemWithoutItsKeyAttributesIsRejected() {
    assertThatThrownBy(() -> StreamEvents.builder().build().insert(Map.of("PK", "only")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'SK'");
  }

  @Test
  void lambdaEventJsonCarriesEveryRecordAndTheStreamArn() {
    StreamEvents events = StreamEvents.builder().build();
    String json = events.lambdaEvent(List.of(events.insert(rex), events.ttlExpire(rex)));

    assertThat(json)
        .startsWith("{\"Records\":[")
        .contains("\"eventName\":\"INSERT\"")
        .contains("\"principalId\":\"dynamodb.amazonaws.com\"")
        .contains("\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:")
        .contains("\"weightKg\":{\"N\":\"12.5\"}");
  }
}
