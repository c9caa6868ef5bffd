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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuceneSearchIndexTest {
  private final LuceneSearchIndex index = new LuceneSearchIndex();

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void seesEveryChangeMadeBeforeASearchWithoutACommit() {
    index.index("a", Map.of("name", "Rex", "species", "dog"));
    assertThat(index.search("rex", 5).ids()).containsExactly("a");

    index.index("a", Map.of("name", "Rex", "species", "cat"));
    assertThat(index.search("species:dog", 5).total()).isZero();

    index.delete("a");
    assertThat(index.search("rex", 5).total()).isZero();
  }

  @Test
  void countsEveryMatchButReturnsAtMostNIds() {
    for (int i = 0; i < 7; i++) {
      index.index("d" + i, Map.of("species", "dog"));
    }

    SearchIndex.Hits hits = index.search("species:dog", 3);

    assertThat(hits.total()).isEqualTo(7);
    assertThat(hits.ids()).hasSize(3);
  }

  @Test
  void matchesNumbersByTheirExactText() {
    index.index("a", Map.of("weightKg", new BigDecimal("12.5")));

    assertThat(index.search("weightKg:12.5", 5).ids()).containsExactly("a");
    assertThat(index.search("weightKg:12", 5).total()).isZero();
  }

  @Test
  void deletingAMissingDocumentDoesNothing() {
    index.index("a", Map.of("species", "dog"));

    index.delete("missing");

    assertThat(index.search("species:dog", 5).total()).isEqualTo(1);
  }

  @Test
  void rejectsAQueryItCannotParse() {
    assertThatThrownBy(() -> index.search("species:(dog", 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
