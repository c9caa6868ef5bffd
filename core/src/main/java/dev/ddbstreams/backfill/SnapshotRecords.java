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
package dev.ddbstreams.backfill;

import dev.ddbstreams.StreamRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Makes snapshot records: an existing item in the shape of a stream record, so the router can run
 * the same handlers on it. {@link TableBackfill} makes them from a parallel scan; a job that reads
 * items from elsewhere (an export in S3, a backup) can make them too and call {@code
 * router.process(...)} itself.
 *
 * <p>A snapshot record is an {@code INSERT} whose {@code eventSource} is {@link
 * StreamRecord#SNAPSHOT_EVENT_SOURCE}, with the item as its new image and its key attributes as
 * keys, no old image and no sequence number. Its event ID is derived from the backfill's name and
 * the item's keys: the same item in the same backfill gets the same ID (so an idempotency store
 * skips it when a resumed backfill reads it again), another backfill gets another.
 *
 * <pre>{@code
 * Record snapshot = SnapshotRecords.of("search-v2", item, List.of("PK", "SK"));
 * router.process(List.of(snapshot));
 * }</pre>
 */
public final class SnapshotRecords {
  private static final int EVENT_ID_HEX_DIGITS = 32;

  private SnapshotRecords() {}

  /**
   * Makes the snapshot record of an item.
   *
   * @param backfill the backfill's name, part of the event ID
   * @param item the item, every attribute
   * @param keyAttributes the table's key attribute names (partition key first)
   * @return the raw record
   * @throws IllegalArgumentException if the item lacks a key attribute
   */
  public static Record of(
      String backfill, Map<String, AttributeValue> item, Collection<String> keyAttributes) {
    Objects.requireNonNull(backfill, "backfill");
    Map<String, AttributeValue> keys = new LinkedHashMap<>();
    for (String name : keyAttributes) {
      AttributeValue value = item.get(name);
      if (value == null) {
        throw new IllegalArgumentException("the item has no key attribute '" + name + "'");
      }
      keys.put(name, value);
    }
    return Record.builder()
        .eventID(eventId(backfill, keys))
        .eventName(OperationType.INSERT)
        .eventSource(StreamRecord.SNAPSHOT_EVENT_SOURCE)
        .dynamodb(b -> b.keys(keys).newImage(item).streamViewType(StreamViewType.NEW_IMAGE))
        .build();
  }

  /**
   * The event ID of an item's snapshot in a backfill: 32 hex digits of a SHA-256 over the name and
   * the keys (names, types and values), so no key value can be read back from it.
   */
  static String eventId(String backfill, Map<String, AttributeValue> keys) {
    MessageDigest sha = sha256();
    update(sha, backfill);
    List<String> names = new ArrayList<>(keys.keySet());
    names.sort(null);
    for (String name : names) {
      AttributeValue v = keys.get(name);
      update(sha, name);
      if (v.s() != null) {
        update(sha, "S:" + v.s());
      } else if (v.n() != null) {
        update(sha, "N:" + v.n());
      } else if (v.b() != null) {
        update(sha, "B:" + HexFormat.of().formatHex(v.b().asByteArrayUnsafe()));
      } else {
        throw new IllegalArgumentException("key attribute '" + name + "' is not of type S, N or B");
      }
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, EVENT_ID_HEX_DIGITS);
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
