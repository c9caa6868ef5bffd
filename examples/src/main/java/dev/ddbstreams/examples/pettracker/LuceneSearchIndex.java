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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A {@link SearchIndex} in memory with Apache Lucene: a {@link ByteBuffersDirectory}, one {@link
 * IndexWriter}, and a near-real-time reader refreshed before each search, so a search sees every
 * change made before it without a commit.
 *
 * <p>String attributes are analysed as text ({@code name:rex}, {@code species:dog}); numbers are
 * indexed as their exact text ({@code weightKg:12}); other types (sets, lists, maps, binary) are
 * left out. The default field of a query is {@code name}. Thread-safe; close it to free the writer.
 */
public final class LuceneSearchIndex implements SearchIndex, AutoCloseable {
  private static final String ID = "_id";

  private final StandardAnalyzer analyzer = new StandardAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;

  /** Creates an empty index. */
  public LuceneSearchIndex() {
    try {
      writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void index(String id, Map<String, Object> document) {
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.YES));
    document.forEach(
        (name, value) -> {
          if (value instanceof String s) {
            doc.add(new TextField(name, s, Field.Store.NO));
          } else if (value instanceof BigDecimal n) {
            doc.add(new StringField(name, n.toPlainString(), Field.Store.NO));
          }
        });
    try {
      writer.updateDocument(new Term(ID, id), doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(String id) {
    try {
      writer.deleteDocuments(new Term(ID, id));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Hits search(String query, int n) {
    Query parsed;
    try {
      parsed = new QueryParser("name", analyzer).parse(query);
    } catch (ParseException e) {
      throw new IllegalArgumentException("Cannot parse the search query", e);
    }
    try {
      searchers.maybeRefreshBlocking();
      IndexSearcher searcher = searchers.acquire();
      try {
        long total = searcher.count(parsed);
        TopDocs top = searcher.search(parsed, Math.max(1, n));
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
          if (ids.size() < n) {
            ids.add(searcher.storedFields().document(hit.doc).get(ID));
          }
        }
        return new Hits(total, ids);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
