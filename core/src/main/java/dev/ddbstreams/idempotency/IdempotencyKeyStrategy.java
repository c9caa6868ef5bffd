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
package dev.ddbstreams.idempotency;

/**
 * What identifies a record in idempotency keys. Snapshot records, which have no sequence number,
 * are identified by their event ID under either strategy: it is derived from the backfill's name
 * and the item's keys, so a resumed backfill repeats it and a new backfill does not.
 */
public enum IdempotencyKeyStrategy {
  /** The record's event ID, unique per stream record. The default. */
  EVENT_ID,
  /**
   * A SHA-256 hash of the item's key attributes and the record's sequence number: the same for a
   * record read from the stream directly and from a copy of it (for example a replay through
   * another channel that assigns new event IDs), and free of key values.
   */
  ITEM_KEY_AND_SEQUENCE
}
