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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link SearchIndex} on an OpenSearch (or Elasticsearch) cluster through its REST API and the
 * JDK's {@link HttpClient}: {@code PUT /index/_doc/id}, {@code DELETE /index/_doc/id} and {@code
 * GET /index/_search?q=...}.
 *
 * <p><b>Not tested against a server</b>: OpenSearch cannot run in this project's build. A test
 * checks the requests this class sends against a stub HTTP server (paths, encoding, JSON, status
 * handling); only {@link LuceneSearchIndex} is exercised end to end. The class is kept to the three
 * calls above. What it does not do: sign requests (Amazon OpenSearch Service with IAM
 * authentication needs SigV4, for example the SDK's {@code AwsV4HttpSigner}; a domain with
 * fine-grained access control and basic authentication can pass an {@link HttpClient} built with an
 * {@code Authenticator}), bulk requests, retries (a failed call throws, so the record fails and the
 * stream delivers it again), or versioned writes (stream sequence numbers do not fit OpenSearch's
 * 64-bit external versions; changes to one item arrive in order, and a redelivered change writes
 * the same document again). Searches see changes after the index's refresh interval (1 s by
 * default), not at once. Thread-safe.
 */
public final class OpenSearchIndex implements SearchIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI endpoint;
  private final String index;

  /**
   * Creates the index client.
   *
   * @param http the HTTP client
   * @param endpoint the cluster's base URI, such as {@code https://search-pets.example.com}
   * @param index the index name, such as {@code pets}
   */
  public OpenSearchIndex(HttpClient http, URI endpoint, String index) {
    this.http = http;
    this.endpoint = endpoint;
    this.index = index;
  }

  @Override
  public void index(String id, Map<String, Object> document) {
    String body;
    try {
      body = JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the document as JSON", e);
    }
    send(
        HttpRequest.newBuilder(document(id))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        false);
  }

  @Override
  public void delete(String id) {
    send(HttpRequest.newBuilder(document(id)).DELETE().build(), true);
  }

  @Override
  public Hits search(String query, int n) {
    URI uri = endpoint.resolve("/" + encode(index) + "/_search?size=" + n + "&q=" + encode(query));
    String body = send(HttpRequest.newBuilder(uri).GET().build(), false);
    try {
      JsonNode hits = JSON.readTree(body).path("hits");
      List<String> ids = new ArrayList<>();
      hits.path("hits").forEach(hit -> ids.add(hit.path("_id").asText()));
      return new Hits(hits.path("total").path("value").asLong(), ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("OpenSearch answered a search with unreadable JSON", e);
    }
  }

  private URI document(String id) {
    return endpoint.resolve("/" + encode(index) + "/_doc/" + encode(id));
  }

  private String send(HttpRequest request, boolean notFoundIsFine) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(request, (name, value) -> true)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling OpenSearch", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2 && !(notFoundIsFine && status == 404)) {
      // The body may quote the document; the status and method are enough to find the cause.
      throw new IllegalStateException(
          "OpenSearch answered " + status + " to " + request.method() + " on index " + index);
    }
    return response.body();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
