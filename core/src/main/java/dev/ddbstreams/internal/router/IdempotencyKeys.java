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
package dev.ddbstreams.internal.router;

import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyKeyStrategy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Makes the idempotency key of a (handler, record) pair under the router's key strategy. Keys fit
 * DynamoDB's partition key: the router checks at build time that namespace and handler ID leave
 * {@link #RECORD_PART_BYTES} for the record part, and a record ID longer than that (never a
 * DynamoDB event ID, which has 32 characters) is replaced by its SHA-256.
 */
final class IdempotencyKeys {
  /** DynamoDB's limit on a partition key value, in UTF-8 bytes. */
  static final int MAX_KEY_BYTES = 2_048;

  /** What a key keeps for its record part; longer record IDs are hashed to 71 characters. */
  static final int RECORD_PART_BYTES = 128;

  private final String namespace;
  private final IdempotencyKeyStrategy strategy;

  IdempotencyKeys(String namespace, IdempotencyKeyStrategy strategy) {
    this.namespace = namespace;
    this.strategy = strategy;
  }

  IdempotencyKey of(String handlerId, RecordView view) {
    // A snapshot has no sequence number; its event ID already names the item and the backfill.
    String recordId =
        strategy == IdempotencyKeyStrategy.EVENT_ID || view.record.isSnapshot()
            ? fitted(view.record.eventId())
            : itemAndSequence(view);
    return new IdempotencyKey(namespace, handlerId, recordId);
  }

  /**
   * The UTF-8 length of the longest key a handler can get: the key without its record part, plus
   * the room kept for it.
   */
  static int longestKeyBytes(String namespace, String handlerId) {
    return new IdempotencyKey(namespace, handlerId, "")
            .value()
            .getBytes(StandardCharsets.UTF_8)
            .length
        + RECORD_PART_BYTES;
  }

  /** The record ID, or its SHA-256 if its part of the key would be longer than kept for it. */
  private static String fitted(String recordId) {
    // A character takes at most 3 bytes in the key (escaped '#', or UTF-8): most IDs fit at once.
    if (recordId.length() * 3 <= RECORD_PART_BYTES
        || recordPartBytes(recordId) <= RECORD_PART_BYTES) {
      return recordId;
    }
    byte[] digest = sha256().digest(recordId.getBytes(StandardCharsets.UTF_8));
    return "sha256:" + HexFormat.of().formatHex(digest);
  }

  /** The UTF-8 length of the record part of a key, as {@link IdempotencyKey#value()} writes it. */
  private static int recordPartBytes(String recordId) {
    String keyWithOnlyRecord = new IdempotencyKey("", "", recordId).value();
    return keyWithOnlyRecord.getBytes(StandardCharsets.UTF_8).length - 2;
  }

  private static String itemAndSequence(RecordView view) {
    MessageDigest sha = sha256();
    for (Map.Entry<String, AttributeValue> e : new TreeMap<>(view.record.keys()).entrySet()) {
      sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      AttributeValue v = e.getValue();
      String text =
          v.s() != null
              ? "S:" + v.s()
              : v.n() != null
                  ? "N:" + v.n()
                  : v.b() != null
                      ? "B:" + HexFormat.of().formatHex(v.b().asByteArrayUnsafe())
                      : "?:" + v.type();
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    sha.update(view.record.sequenceNumber().toString().getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
