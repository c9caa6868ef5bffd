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
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnRemove;
import java.util.Map;

/**
 * The stream guide's search sync: keeps a {@link SearchIndex} of pets in step with the table.
 * INSERT and MODIFY index the new image, REMOVE (user delete or TTL expiry) deletes the document.
 * Document IDs are {@code PK#SK}, as in the guide, for example {@code USER#u1#PET#p7}.
 *
 * <p>Indexing a document again replaces it and deleting a missing one does nothing, so redelivered
 * records are harmless; changes to one item arrive in order, so the index ends with the latest.
 */
public final class SearchSync {
  private final SearchIndex index;

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
      events = {EventName.INSERT, EventName.MODIFY})
  void upsert(StreamRecord<Map<String, Object>> change) {
    index.index(documentId(change), change.newImage().orElseThrow());
  }

  @OnRemove(pk = "USER#", sk = "PET#")
  void remove(StreamRecord<Map<String, Object>> change) {
    index.delete(documentId(change));
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
