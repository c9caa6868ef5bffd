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

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.EventName;
import dev.ddbstreams.MissingImageException;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.diff.ImageDiff;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Core's record model and router on records produced by real writes to the emulator. */
class CoreOnRealRecordsIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  record Pet(String name, String species, BigDecimal weightKg) {}

  private static Map<String, AttributeValue> pet(String id, String name, String weight) {
    return Map.of(
        "PK", AttributeValue.fromS("USER#u1"),
        "SK", AttributeValue.fromS("PET#" + id),
        "name", AttributeValue.fromS(name),
        "species", AttributeValue.fromS("dog"),
        "weightKg", AttributeValue.fromN(weight));
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("PK", AttributeValue.fromS("USER#u1"), "SK", AttributeValue.fromS("PET#" + id));
  }

  /**
   * Put, overwrite, update, transaction, batch write and delete: eight records. The last write puts
   * {@code 2.0} over {@code 2}: the same number, so the item does not change and DynamoDB writes no
   * stream record for it.
   */
  private static List<Record> writeEveryKind(StreamTable table) {
    DynamoDbClient ddb = DynamoDbEmulator.shared().client();
    String t = table.name();
    ddb.putItem(b -> b.tableName(t).item(pet("1", "Rex", "10")));
    ddb.putItem(b -> b.tableName(t).item(pet("1", "Rex", "13")));
    ddb.updateItem(
        b ->
            b.tableName(t)
                .key(key("1"))
                .updateExpression("SET weightKg = :w")
                .expressionAttributeValues(Map.of(":w", AttributeValue.fromN("13.5"))));
    ddb.transactWriteItems(
        b ->
            b.transactItems(
                TransactWriteItem.builder()
                    .put(Put.builder().tableName(t).item(pet("2", "Tom", "4")).build())
                    .build(),
                TransactWriteItem.builder()
                    .delete(Delete.builder().tableName(t).key(key("1")).build())
                    .build()));
    ddb.batchWriteItem(
        b ->
            b.requestItems(
                Map.of(
                    t,
                    List.of(
                        WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(pet("3", "Kit", "2")).build())
                            .build(),
                        WriteRequest.builder()
                            .putRequest(PutRequest.builder().item(pet("4", "Bo", "30")).build())
                            .build()))));
    ddb.deleteItem(b -> b.tableName(t).key(key("2")));
    ddb.putItem(b -> b.tableName(t).item(pet("3", "Kit", "2.0")));
    return table.reader(DynamoDbEmulator.shared().streamsClient()).awaitRecords(8, WAIT);
  }

  @ParameterizedTest
  @EnumSource(
      value = StreamViewType.class,
      names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
  void typedRecordsFollowTheViewType(StreamViewType streamViewType) {
    StreamTable table =
        StreamTable.builder().viewType(streamViewType).create(DynamoDbEmulator.shared().client());
    List<StreamRecord<Pet>> records =
        writeEveryKind(table).stream().map(r -> StreamRecord.of(r, Pet.class)).toList();
    ViewType viewType = ViewType.valueOf(streamViewType.name());

    assertThat(records)
        .extracting(StreamRecord::eventName)
        .containsExactly(
            EventName.INSERT,
            EventName.MODIFY,
            EventName.MODIFY,
            EventName.INSERT,
            EventName.REMOVE,
            EventName.INSERT,
            EventName.INSERT,
            EventName.REMOVE);
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).sequenceNumber())
          .isGreaterThan(records.get(i - 1).sequenceNumber());
    }
    for (StreamRecord<Pet> r : records) {
      assertThat(r.viewType()).isEqualTo(viewType);
      assertThat(r.keys()).containsOnlyKeys("PK", "SK");
      assertThat(r.sizeBytes()).isPresent();
      assertThat(r.isTtlExpiry()).isFalse();
      assertImage(r, viewType, true);
      assertImage(r, viewType, false);
    }
  }

  private static void assertImage(StreamRecord<Pet> r, ViewType viewType, boolean newImage) {
    boolean eventHasIt =
        newImage ? r.eventName() != EventName.REMOVE : r.eventName() != EventName.INSERT;
    boolean streamHasIt =
        viewType == ViewType.NEW_AND_OLD_IMAGES
            || viewType == (newImage ? ViewType.NEW_IMAGE : ViewType.OLD_IMAGE);
    if (!eventHasIt) {
      assertThat(newImage ? r.newImage() : r.oldImage()).isEmpty();
    } else if (streamHasIt) {
      Pet pet = (newImage ? r.newImage() : r.oldImage()).orElseThrow();
      assertThat(pet.species()).isEqualTo("dog");
    } else {
      assertThatThrownBy(newImage ? r::newImage : r::oldImage)
          .isInstanceOf(MissingImageException.class)
          .hasMessageContaining(viewType.name());
    }
  }

  @Test
  void diffsOfRealModifiesSeeNumbersByValue() {
    StreamTable table =
        StreamTable.builder()
            .viewType(StreamViewType.NEW_AND_OLD_IMAGES)
            .create(DynamoDbEmulator.shared().client());
    List<StreamRecord<Pet>> records =
        writeEveryKind(table).stream().map(r -> StreamRecord.of(r, Pet.class)).toList();

    ImageDiff overwrite = records.get(1).diff();
    assertThat(overwrite.changedPaths()).containsExactly("weightKg");
    assertThat(overwrite.numberChangedByMoreThan("weightKg", 2)).isTrue();
    // Overwriting 2 with 2.0 changed nothing, so the stream has no ninth record.
    assertThat(records).hasSize(8);
    assertThat(table.reader(DynamoDbEmulator.shared().streamsClient()).readAll()).hasSize(8);
  }

  static final class Handlers {
    final List<String> calls = new ArrayList<>();

    @OnInsert(sk = "PET#")
    void welcome(Pet pet) {
      calls.add("welcome " + pet.name());
    }

    @OnModify(sk = "PET#", changed = "weightKg")
    void weight(Pet pet) {
      calls.add("weight " + pet.name() + " " + pet.weightKg().toPlainString());
    }

    @OnRemove(sk = "PET#", ttl = TtlMatch.EXCLUDE)
    void deleted(Pet pet) {
      calls.add("deleted " + pet.name());
    }

    @OnRemove(sk = "PET#", ttl = TtlMatch.ONLY)
    void expired(Pet pet) {
      calls.add("expired " + pet.name());
    }
  }

  @Test
  void routerHandlesRealRecordsIncludingATtlDelete() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table =
        StreamTable.builder()
            .viewType(StreamViewType.NEW_AND_OLD_IMAGES)
            .ttlAttribute("expiresAt")
            .create(local.client());
    List<Record> written = new ArrayList<>(writeEveryKind(table));
    TimeToLive.expire(local, table, pet("9", "Old", "1"));
    StreamReader reader = table.reader(local.streamsClient());
    List<Record> all = reader.awaitRecords(10, WAIT);
    Handlers handlers = new Handlers();
    StreamRouter router =
        StreamRouter.builder().viewType(ViewType.NEW_AND_OLD_IMAGES).handlers(handlers).build();

    BatchResult result = router.process(all);

    assertThat(written).hasSize(8);
    assertThat(result.isComplete()).isTrue();
    assertThat(result.count(RecordStatus.HANDLED)).isEqualTo(10);
    assertThat(handlers.calls)
        .containsExactly(
            "welcome Rex",
            "weight Rex 13",
            "weight Rex 13.5",
            "welcome Tom",
            "deleted Rex",
            "welcome Kit",
            "welcome Bo",
            "deleted Tom",
            "welcome Old",
            "expired Old");
  }
}
