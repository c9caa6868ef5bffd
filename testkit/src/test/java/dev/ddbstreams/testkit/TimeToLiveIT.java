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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

class TimeToLiveIT {

  private static final Logger LOG = LoggerFactory.getLogger(TimeToLiveIT.class);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static Map<String, AttributeValue> pet() {
    return Map.of(
        "PK", AttributeValue.fromS("USER#1"),
        "SK", AttributeValue.fromS("PET#1"),
        "name", AttributeValue.fromS("Rex"));
  }

  @Test
  void anExpiredItemArrivesAsARemoveByTheDynamoDbService() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().ttlAttribute("expiresAt").create(local.client());
    StreamReader reader = table.reader(local.streamsClient());

    long started = System.nanoTime();
    Map<String, AttributeValue> written = TimeToLive.expire(local, table, pet());
    LOG.info("TTL delete took {} ms", (System.nanoTime() - started) / 1_000_000);
    List<Record> records = reader.awaitRecords(2, WAIT);

    assertThat(records)
        .extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.REMOVE);
    Record delete = records.get(1);
    assertThat(TtlDeletes.isTtlDelete(delete)).isTrue();
    assertThat(delete.userIdentity()).isEqualTo(TtlDeletes.serviceIdentity());
    assertThat(delete.dynamodb().oldImage()).isEqualTo(written).containsKey("expiresAt");
    assertThat(delete.dynamodb().hasNewImage()).isFalse();
    assertThat(TtlDeletes.isTtlDelete(records.get(0))).isFalse();
  }

  @Test
  void anItemIsNotDeletedBeforeItsExpiryTimeAndTheSweepDeletesOnlyExpiredItems() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().ttlAttribute("expiresAt").create(local.client());
    StreamReader reader = table.reader(local.streamsClient());
    long inAnHour = local.clock().instant().getEpochSecond() + 3600;
    Map<String, AttributeValue> later = new HashMap<>(pet());
    later.put("SK", AttributeValue.fromS("PET#2"));
    later.put("expiresAt", AttributeValue.fromN(Long.toString(inAnHour)));
    local.client().putItem(b -> b.tableName(table.name()).item(later));

    TimeToLive.expire(local, table, pet());

    assertThat(reader.awaitRecords(3, WAIT))
        .extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.INSERT, OperationType.REMOVE);
    assertThat(
            local
                .client()
                .getItem(
                    b ->
                        b.tableName(table.name())
                            .key(Map.of("PK", later.get("PK"), "SK", later.get("SK"))))
                .hasItem())
        .isTrue();
  }

  @Test
  void anOrdinaryDeleteIsNotATtlDelete() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable table = StreamTable.builder().ttlAttribute("expiresAt").create(local.client());
    StreamReader reader = table.reader(local.streamsClient());

    local.client().putItem(b -> b.tableName(table.name()).item(pet()));
    local
        .client()
        .deleteItem(
            b ->
                b.tableName(table.name())
                    .key(Map.of("PK", pet().get("PK"), "SK", pet().get("SK"))));
    Record delete = reader.awaitRecords(2, WAIT).get(1);

    assertThat(delete.eventName()).isEqualTo(OperationType.REMOVE);
    assertThat(delete.userIdentity()).isNull();
    assertThat(TtlDeletes.isTtlDelete(delete)).isFalse();
  }

  @Test
  void expireRefusesATableWithoutTtlAndAnItemWithoutKeys() {
    DynamoDbEmulator local = DynamoDbEmulator.shared();
    StreamTable noTtl = StreamTable.builder().create(local.client());
    StreamTable withTtl = StreamTable.builder().ttlAttribute("expiresAt").create(local.client());

    assertThatThrownBy(() -> TimeToLive.expire(local, noTtl, pet()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no TTL attribute");
    assertThatThrownBy(
            () -> TimeToLive.expire(local, withTtl, Map.of("PK", AttributeValue.fromS("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lacks key attribute 'SK'");
    assertThat(withTtl.reader(local.streamsClient()).readAll()).isEmpty();
  }
}
