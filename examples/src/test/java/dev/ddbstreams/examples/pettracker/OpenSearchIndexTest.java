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

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks the requests {@link OpenSearchIndex} sends against a stub HTTP server that answers as the
 * OpenSearch REST API documents; no OpenSearch runs here, so this is the shape, not the behaviour.
 */
class OpenSearchIndexTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private int status = 200;
  private String answer = "{}";
  private OpenSearchIndex index;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getRawPath()
                  + (exchange.getRequestURI().getRawQuery() == null
                      ? ""
                      : "?" + exchange.getRequestURI().getRawQuery())
                  + (body.isEmpty() ? "" : " " + body));
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    index = new OpenSearchIndex(HttpClient.newHttpClient(), endpoint, "pets");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void putsTheDocumentAsJsonUnderItsEncodedId() {
    index.index("USER#u1#PET#p1", Map.of("species", "dog", "weightKg", new BigDecimal("12.5")));

    assertThat(requests).hasSize(1);
    assertThat(requests.get(0))
        .startsWith("PUT /pets/_doc/USER%23u1%23PET%23p1 {")
        .contains("\"species\":\"dog\"")
        .contains("\"weightKg\":12.5");
  }

  @Test
  void deletingAMissingDocumentIsNotAnError() {
    status = 404;

    index.delete("USER#u1#PET#p1");

    assertThat(requests).containsExactly("DELETE /pets/_doc/USER%23u1%23PET%23p1");
  }

  @Test
  void readsTotalAndIdsFromASearchAnswer() {
    answer = "{\"hits\":{\"total\":{\"value\":7},\"hits\":[{\"_id\":\"a\"},{\"_id\":\"b\"}]}}";

    SearchIndex.Hits hits = index.search("species:dog", 2);

    assertThat(hits).isEqualTo(new SearchIndex.Hits(7, List.of("a", "b")));
    assertThat(requests).containsExactly("GET /pets/_search?size=2&q=species%3Adog");
  }

  @Test
  void failsTheRecordWhenTheClusterRefusesAWrite() {
    status = 503;

    assertThatThrownBy(() -> index.index("a", Map.of("species", "dog")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("OpenSearch answered 503 to PUT on index pets");
  }
}
