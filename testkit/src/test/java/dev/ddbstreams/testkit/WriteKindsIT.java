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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Every kind of write, on every view type, read back through the real streams API. */
class WriteKindsIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Map<String, AttributeValue> key(String pk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS("PET#1"));
  }

  private static Map<String, AttributeValue> item(String pk, String name) {
    return Map.of(
        "PK", AttributeValue.fromS(pk),
        "SK", AttributeValue.fromS("PET#1"),
        "name", AttributeValue.fromS(name));
  }

  /** One expected record: event name, key, and the images the write had before and after. */
  private record Expected(
      OperationType event,
      String pk,
      Map<String, AttributeValue> oldItem,
      Map<String, AttributeValue> newItem) {}

  @ParameterizedTest
  @EnumSource(
      value = StreamViewType.class,
      names = {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
  void readsRecordsOfEveryWriteKindInOrder(StreamViewType viewType) {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    DynamoDbClient ddb = local.client();
    StreamTable table = StreamTable.builder().viewType(viewType).create(ddb);
    StreamReader reader = table.reader(local.streamsClient());
    String t = table.name();
    Map<String, AttributeValue> none = Map.of();
    List<Record> all = new ArrayList<>();
    Instant before = Instant.now();

    ddb.putItem(b -> b.tableName(t).item(item("a", "Rex")));
    check(reader, all, viewType, new Expected(OperationType.INSERT, "a", none, item("a", "Rex")));

    ddb.putItem(b -> b.tableName(t).item(item("a", "Max")));
    check(
        reader,
        all,
        viewType,
        new Expected(OperationType.MODIFY, "a", item("a", "Rex"), item("a", "Max")));

    ddb.updateItem(
        b ->
            b.tableName(t)
                .key(key("a"))
                .updateExpression("SET #n = :n")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Bo"))));
    check(
        reader,
        all,
        viewType,
        new Expected(OperationType.MODIFY, "a", item("a", "Max"), item("a", "Bo")));

    ddb.updateItem(
        b ->
            b.tableName(t)
                .key(key("u"))
                .updateExpression("SET #n = :n")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS("Up"))));
    check(reader, all, viewType, new Expected(OperationType.INSERT, "u", none, item("u", "Up")));

    ddb.deleteItem(b -> b.tableName(t).key(key("a")));
    check(reader, all, viewType, new Expected(OperationType.REMOVE, "a", item("a", "Bo"), none));

    Function<Map<String, AttributeValue>, TransactWriteItem> transactPut =
        i -> TransactWriteItem.builder().put(Put.builder().tableName(t).item(i).build()).build();
    ddb.transactWriteItems(
        b ->
            b.transactItems(
                transactPut.apply(item("t", "Tx")),
                TransactWriteItem.builder().delete(d -> d.tableName(t).key(key("u"))).build()));
    check(
        reader,
        all,
        viewType,
        new Expected(OperationType.INSERT, "t", none, item("t", "Tx")),
        new Expected(OperationType.REMOVE, "u", item("u", "Up"), none));

    ddb.batchWriteItem(
        b ->
            b.requestItems(
                Map.of(
                    t,
                    List.of(
                        WriteRequest.builder().putRequest(p -> p.item(item("b", "Batch"))).build(),
                        WriteRequest.builder().deleteRequest(d -> d.key(key("t"))).build()))));
    check(
        reader,
        all,
        viewType,
        new Expected(OperationType.INSERT, "b", none, item("b", "Batch")),
        new Expected(OperationType.REMOVE, "t", item("t", "Tx"), none));

    assertThat(all).hasSize(9);
    SequenceNumbers.assertStrictlyIncreasing(all);
    assertThat(all).extracting(Record::eventID).doesNotHaveDuplicates();
    for (Record record : all) {
      assertThat(record.eventSource()).isEqualTo("aws:dynamodb");
      assertThat(record.eventVersion()).isEqualTo("1.1");
      assertThat(record.awsRegion()).isEqualTo("us-east-1");
      assertThat(record.userIdentity()).isNull();
      assertThat(record.dynamodb().streamViewType()).isEqualTo(viewType);
      assertThat(record.dynamodb().sizeBytes()).isPositive();
      // DynamoDB Streams rounds the creation time down to the second.
      Instant created = record.dynamodb().approximateCreationDateTime();
      assertThat(created.getNano()).isZero();
      assertThat(created).isBetween(before.minusSeconds(1), Instant.now());
    }
    assertThat(reader.readAll()).isEqualTo(all);
  }

  /**
   * Reads the records of one write call; for several, in any order, as AWS does not promise one.
   */
  private static void check(
      StreamReader reader, List<Record> all, StreamViewType viewType, Expected... expected) {
    List<Record> records = reader.awaitRecords(expected.length, WAIT);
    assertThat(records).hasSize(expected.length);
    for (Expected want : expected) {
      Record record =
          records.stream()
              .filter(r -> r.dynamodb().keys().equals(key(want.pk())))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no record for " + want + " in " + records));
      assertThat(record.eventName()).as("event of %s", want).isEqualTo(want.event());
      assertImages(record, viewType, want);
    }
    all.addAll(records);
  }

  private static void assertImages(Record record, StreamViewType viewType, Expected want) {
    boolean newImage =
        viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    boolean oldImage =
        viewType == StreamViewType.OLD_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
    boolean expectNew = newImage && !want.newItem().isEmpty();
    boolean expectOld = oldImage && !want.oldItem().isEmpty();
    assertThat(record.dynamodb().hasNewImage()).as("NewImage of %s", want).isEqualTo(expectNew);
    assertThat(record.dynamodb().hasOldImage()).as("OldImage of %s", want).isEqualTo(expectOld);
    if (expectNew) {
      assertThat(record.dynamodb().newImage()).isEqualTo(want.newItem());
    }
    if (expectOld) {
      assertThat(record.dynamodb().oldImage()).isEqualTo(want.oldItem());
    }
  }
}
