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

import java.util.List;
import java.util.Map;

/**
 * A full-text index of items: Apache Lucene in-process for the demo and tests ({@link
 * LuceneSearchIndex}), OpenSearch in production ({@link OpenSearchIndex}). Queries use Lucene's
 * query syntax ({@code species:dog AND name:rex}), which OpenSearch's {@code q=} parameter shares.
 * Implementations are thread-safe.
 */
public interface SearchIndex {
  /**
   * Adds a document or replaces the one with the same ID.
   *
   * @param id the document ID
   * @param document attribute names to values as {@code Images.toMap} gives them
   */
  void index(String id, Map<String, Object> document);

  /**
   * Deletes a document; deleting one that is not there does nothing.
   *
   * @param id the document ID
   */
  void delete(String id);

  /**
   * Searches the index; sees every change made before the call (within the refresh interval for
   * OpenSearch).
   *
   * @param query a query in Lucene syntax
   * @param n the most IDs to return
   * @return the total number of matches and up to {@code n} IDs, best first
   * @throws IllegalArgumentException if the query cannot be parsed
   */
  Hits search(String query, int n);

  /**
   * The result of a search.
   *
   * @param total how many documents match
   * @param ids the IDs of the best matches, best first
   */
  record Hits(long total, List<String> ids) {
    /** Copies the IDs. */
    public Hits {
      ids = List.copyOf(ids);
    }
  }
}
