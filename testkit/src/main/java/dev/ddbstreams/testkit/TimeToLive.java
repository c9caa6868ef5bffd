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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Produces real TTL deletes in the emulator, so their stream records come from its own TTL sweeper,
 * not from a hand-made record: a {@code REMOVE} with the user identity of the DynamoDB service
 * ({@link TtlDeletes}), as AWS sends it.
 *
 * <p>Stateless and thread-safe.
 */
public final class TimeToLive {

  private TimeToLive() {}

  /**
   * Writes the item with its TTL attribute set one hour before the emulator's clock, then runs the
   * emulator's TTL sweeper, so that the item's TTL delete record is on the stream when this method
   * returns.
   *
   * <p>The write itself adds an {@code INSERT} (or {@code MODIFY}) record before the delete. The
   * sweep also deletes any other expired item of the emulator, as the service's sweeper would.
   *
   * @param emulator the emulator that holds the table
   * @param table a table created with {@link StreamTable.Builder#ttlAttribute}
   * @param item the item to write, keys included; its TTL attribute, if any, is replaced
   * @return the item as written, TTL attribute included (the old image of the delete)
   * @throws IllegalArgumentException if the table has no TTL attribute
   * @throws AssertionError if the item still exists after the sweep
   */
  public static Map<String, AttributeValue> expire(
      DynamoDbEmulator emulator, StreamTable table, Map<String, AttributeValue> item) {
    String ttlAttribute =
        table
            .ttlAttribute()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Table " + table.name() + " has no TTL attribute; set one on its builder"));
    Map<String, AttributeValue> written = new HashMap<>(item);
    Instant now = emulator.clock().instant();
    written.put(ttlAttribute, AttributeValue.fromN(Long.toString(now.getEpochSecond() - 3600)));
    Map<String, AttributeValue> key = keyOf(table, written);
    emulator.client().putItem(b -> b.tableName(table.name()).item(written));
    emulator.sweepTimeToLive();
    if (emulator
        .client()
        .getItem(b -> b.tableName(table.name()).key(key).consistentRead(true))
        .hasItem()) {
      throw new AssertionError(
          "The emulator's TTL sweep left an expired item of table " + table.name());
    }
    return Map.copyOf(written);
  }

  private static Map<String, AttributeValue> keyOf(
      StreamTable table, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new HashMap<>();
    String partitionKey = table.partitionKey().name();
    key.put(partitionKey, required(item, partitionKey, table));
    table.sortKey().ifPresent(sk -> key.put(sk.name(), required(item, sk.name(), table)));
    return key;
  }

  private static AttributeValue required(
      Map<String, AttributeValue> item, String attribute, StreamTable table) {
    AttributeValue value = item.get(attribute);
    if (value == null) {
      throw new IllegalArgumentException(
          "Item lacks key attribute '" + attribute + "' of table " + table.name());
    }
    return value;
  }
}
