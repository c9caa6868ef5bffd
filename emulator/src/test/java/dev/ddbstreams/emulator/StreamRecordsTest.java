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
package dev.ddbstreams.emulator;

import static dev.ddbstreams.emulator.StreamFixture.item;
import static dev.ddbstreams.emulator.StreamFixture.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.internal.streams.ChangeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The records GetRecords returns, as the API reference's Record and StreamRecord describe them. */
class StreamRecordsTest {

  private final StreamFixture fixture = new StreamFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  /** Appends an INSERT, a MODIFY and a REMOVE of one item and reads them back. */
  private List<Record> writeInsertModifyRemove(String viewType) {
    String arn = fixture.enable("Orders_" + viewType, viewType);
    fixture.store.append(arn, new ChangeRecord("INSERT", key("a"), null, item("a", 1), false));
    fixture.store.append(
        arn, new ChangeRecord("MODIFY", key("a"), item("a", 1), item("a", 2), false));
    fixture.store.append(arn, new ChangeRecord("REMOVE", key("a"), item("a", 2), null, false));
    List<Record> records = fixture.readAll(arn, fixture.onlyShard(arn).shardId());
    assertThat(records).hasSize(3);
    return records;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // view type, INSERT has new, MODIFY has new, MODIFY has old, REMOVE has old
    "KEYS_ONLY,          false, false, false, false",
    "NEW_IMAGE,          true,  true,  false, false",
    "OLD_IMAGE,          false, false, true,  true",
    "NEW_AND_OLD_IMAGES, true,  true,  true,  true",
  })
  void eachViewTypeCarriesTheKeysAndOnlyTheImagesItNames(
      String viewType, boolean insertNew, boolean modifyNew, boolean modifyOld, boolean removeOld) {
    List<Record> records = writeInsertModifyRemove(viewType);
    Record insert = records.get(0);
    Record modify = records.get(1);
    Record remove = records.get(2);

    assertThat(records)
        .extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
    for (Record r : records) {
      assertThat(r.dynamodb().keys()).isEqualTo(key("a"));
      assertThat(r.dynamodb().streamViewTypeAsString()).isEqualTo(viewType);
    }
    assertThat(insert.dynamodb().hasOldImage()).isFalse();
    assertThat(insert.dynamodb().hasNewImage()).isEqualTo(insertNew);
    assertThat(modify.dynamodb().hasNewImage()).isEqualTo(modifyNew);
    assertThat(modify.dynamodb().hasOldImage()).isEqualTo(modifyOld);
    assertThat(remove.dynamodb().hasNewImage()).isFalse();
    assertThat(remove.dynamodb().hasOldImage()).isEqualTo(removeOld);
    if (modifyNew) {
      assertThat(modify.dynamodb().newImage()).isEqualTo(item("a", 2));
    }
    if (modifyOld) {
      assertThat(modify.dynamodb().oldImage()).isEqualTo(item("a", 1));
    }
  }

  @Test
  void recordsCarryTheServicesEnvelope() {
    List<Record> records = writeInsertModifyRemove("NEW_AND_OLD_IMAGES");
    Set<String> ids = new HashSet<>();
    for (Record r : records) {
      assertThat(r.eventID()).matches("[0-9a-f]{32}");
      ids.add(r.eventID());
      assertThat(r.eventVersion()).isEqualTo("1.1");
      assertThat(r.eventSource()).isEqualTo("aws:dynamodb");
      assertThat(r.awsRegion()).isEqualTo("us-east-1");
      assertThat(r.userIdentity()).isNull();
      assertThat(r.dynamodb().sequenceNumber()).matches("[0-9]{21,40}");
    }
    assertThat(ids).hasSize(3);
  }

  @Test
  void approximateCreationDateTimeIsRoundedDownToTheSecond() {
    String arn = fixture.enable("Orders", "KEYS_ONLY");
    fixture.clock.advance(Duration.ofMillis(2_999));
    fixture.insert(arn, "a", 1);

    Record record = fixture.readAll(arn, fixture.onlyShard(arn).shardId()).get(0);

    assertThat(record.dynamodb().approximateCreationDateTime())
        .isEqualTo(StreamFixture.START.plusSeconds(2));
  }

  @Test
  void aTimeToLiveDeleteIsARemoveByTheDynamoDbService() {
    String arn = fixture.enable("Sessions", "NEW_AND_OLD_IMAGES");
    fixture.store.append(arn, new ChangeRecord("REMOVE", key("a"), item("a", 1), null, true));
    fixture.store.append(arn, new ChangeRecord("REMOVE", key("b"), item("b", 1), null, false));

    List<Record> records = fixture.readAll(arn, fixture.onlyShard(arn).shardId());

    Record ttl = records.get(0);
    assertThat(ttl.eventName()).isEqualTo(OperationType.REMOVE);
    assertThat(ttl.userIdentity().type()).isEqualTo("Service");
    assertThat(ttl.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(ttl.dynamodb().oldImage()).isEqualTo(item("a", 1));
    assertThat(records.get(1).userIdentity()).as("a user's delete").isNull();
  }

  @Test
  void sizeBytesIsTheItemSizeOfTheKeysAndTheImagesTheRecordCarries() {
    String keysOnly = fixture.enable("KeysOnly", "KEYS_ONLY");
    String both = fixture.enable("BothImages", "NEW_AND_OLD_IMAGES");
    // Key {pk: "a"}: name 2 + value 1 = 3 bytes. New item {pk: "a", n: 12345}: 3 + name 1 +
    // number (5 significant digits: 3 bytes, plus 1) = 8. Old item {pk: "a", n: 1}: 3 + 1 + 2 = 6.
    Map<String, AttributeValue> newItem = item("a", 12345);
    Map<String, AttributeValue> oldItem = item("a", 1);
    ChangeRecord modify = new ChangeRecord("MODIFY", key("a"), oldItem, newItem, false);
    fixture.store.append(keysOnly, modify);
    fixture.store.append(both, modify);

    assertThat(fixture.readAll(keysOnly, fixture.onlyShard(keysOnly).shardId()).get(0))
        .satisfies(r -> assertThat(r.dynamodb().sizeBytes()).isEqualTo(3L));
    assertThat(fixture.readAll(both, fixture.onlyShard(both).shardId()).get(0))
        .satisfies(r -> assertThat(r.dynamodb().sizeBytes()).isEqualTo(3L + 8L + 6L));
  }

  @Test
  void everyValueTypeSurvivesTheRoundTrip() {
    String arn = fixture.enable("Types", "NEW_IMAGE");
    Map<String, AttributeValue> item = key("a");
    item.put("s", AttributeValue.fromS("zürich ✓"));
    item.put("n", AttributeValue.fromN("-1.5"));
    item.put("b", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x")));
    item.put("bool", AttributeValue.fromBool(true));
    item.put("null", AttributeValue.fromNul(true));
    item.put("ss", AttributeValue.fromSs(List.of("x", "y")));
    item.put("ns", AttributeValue.fromNs(List.of("1", "2")));
    item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))));
    item.put("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromN("1"))));
    fixture.store.append(arn, new ChangeRecord("INSERT", key("a"), null, item, false));

    Record record = fixture.readAll(arn, fixture.onlyShard(arn).shardId()).get(0);

    assertThat(record.dynamodb().newImage()).isEqualTo(item);
    assertThat(record.dynamodb().approximateCreationDateTime())
        .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
