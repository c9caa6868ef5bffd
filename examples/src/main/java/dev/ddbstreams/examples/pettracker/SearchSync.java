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
package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.EventName;
import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.SnapshotMatch;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stream guide's search sync: keeps a {@link SearchIndex} of pets in step with the table.
 * INSERT and MODIFY index the new image, REMOVE (user delete or TTL expiry) deletes the document.
 * Document IDs are {@code PK#SK}, as in the guide, for example {@code USER#u1#PET#p7}.
 *
 * <p><b>Order.</b> It also takes the snapshot records of a backfill, which can reach it before or
 * after the stream changes of the same pet. So it keeps, per document, the sequence number of the
 * change it applied last (a delete's too) and applies a change only by {@link
 * SequenceGuard#appliesOver}'s rule: a snapshot only where no stream change was applied, a stream
 * change only over an older one. Redelivered records are then no-ops, and a snapshot never brings
 * back a pet deleted after the scan read it.
 *
 * <p>The sequence numbers live in this object, so the stream consumer and the backfill must share
 * it, as the demo's do. With OpenSearch and separate processes, keep them in the index instead
 * (external versioning). Thread-safe: one document's changes are applied one at a time.
 */
public final class SearchSync {
  private final SearchIndex index;
  private final Map<String, String> applied = new ConcurrentHashMap<>();

  /**
   * Creates the handler.
   *
   * @param index where pets are indexed
   */
  public SearchSync(SearchIndex index) {
    this.index = index;
  }

  @OnChange(
      pk = "USER#",
      sk = "PET#",
      events = {EventName.INSERT, EventName.MODIFY},
      snapshots = SnapshotMatch.INCLUDE)
  void upsert(StreamRecord<Map<String, Object>> change) {
    String id = documentId(change);
    SequenceNumber sequence = change.isSnapshot() ? null : change.sequenceNumber();
    applied.compute(
        id,
        (key, held) -> {
          if (!SequenceGuard.appliesOver(held, sequence)) {
            return held;
          }
          index.index(id, change.newImage().orElseThrow());
          return sequence == null ? "" : sequence.toString();
        });
  }

  @OnRemove(pk = "USER#", sk = "PET#")
  void remove(StreamRecord<Map<String, Object>> change) {
    String id = documentId(change);
    SequenceNumber sequence = change.sequenceNumber();
    applied.compute(
        id,
        (key, held) -> {
          if (!SequenceGuard.appliesOver(held, sequence)) {
            return held;
          }
          index.delete(id);
          return sequence.toString();
        });
  }

  /**
   * Returns the document ID of an item: {@code PK#SK}.
   *
   * @param partitionKey the item's {@code PK}
   * @param sortKey the item's {@code SK}
   * @return the ID
   */
  public static String documentId(String partitionKey, String sortKey) {
    return partitionKey + "#" + sortKey;
  }

  private static String documentId(StreamRecord<?> change) {
    return documentId(change.keys().get("PK").s(), change.keys().get("SK").s());
  }
}
