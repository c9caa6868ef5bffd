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
package dev.ddbstreams.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ddbstreams.DeadLetter;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.micrometer.MicrometerObserver;
import dev.ddbstreams.testkit.BatchWrites;
import dev.ddbstreams.testkit.lambda.LocalEventSourceMapping;
import dev.ddbstreams.testlog.Figures;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Metrics under the local event source mapping, on real stream records from the emulator: the
 * Micrometer binding keeps the same meters as under KCL ({@code EndToEndIT} of the KCL adapter),
 * and the embedded metric format writes one batch document per invocation, every document valid.
 */
class OperationsMetricsIT {
  private static final int ITEMS = 500;
  private static final int VERSIONS = 3;
  private static final String TABLE = "Operations";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DynamoDbEmulator local;

  @BeforeAll
  static void start() {
    local = DynamoDbEmulator.start();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /** Counts changes; one record always fails and one fails once. */
  public static final class Counting {
    final AtomicBoolean flakyFailed = new AtomicBoolean();

    /**
     * Handles a change.
     *
     * @param change the change
     */
    @OnChange(id = "count")
    public void count(StreamRecord<Map<String, Object>> change) {
      String pk = change.key("PK").orElseThrow().s();
      String v = change.rawNewImage().orElseThrow().get("v").n();
      if (pk.equals("ITEM#7") && v.equals("2")) {
        throw new IllegalStateException("poison");
      }
      if (pk.equals("ITEM#9") && flakyFailed.compareAndSet(false, true)) {
        throw new IllegalStateException("flaky");
      }
    }
  }

  @Test
  void theMappingsInvocationsRecordTheSameMetersAsKclAndValidEmfDocuments() throws IOException {
    String arn = LocalTables.createStreamTable(local.client(), TABLE);
    for (int version = 1; version <= VERSIONS; version++) {
      int v = version;
      BatchWrites.put(
          local.client(),
          TABLE,
          ITEMS,
          i ->
              Map.of(
                  "PK", AttributeValue.fromS("ITEM#" + i),
                  "SK", AttributeValue.fromS("A"),
                  "v", AttributeValue.fromN(Integer.toString(v))));
    }
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<String> emf = new CopyOnWriteArrayList<>();
    List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    StreamRouter router =
        StreamRouter.builder()
            .keys("PK", "SK")
            .handlers(new Counting())
            .retry(RetryPolicy.attempts(2).backoff(Duration.ZERO, 1.0, Duration.ZERO))
            .deadLetter(deadLetters::add)
            .observer(new MicrometerObserver(registry))
            .observer(EmbeddedMetrics.builder().functionName("operations").output(emf::add).build())
            .build();
    DynamoDbStreamJsonLambda function =
        new DynamoDbStreamJsonLambda() {
          @Override
          protected StreamRouter router() {
            return router;
          }
        };

    LocalEventSourceMapping.Stats stats;
    try (LocalEventSourceMapping mapping =
        LocalEventSourceMapping.builder()
            .streams(local.streamsClient())
            .streamArn(arn)
            .handler(function)
            .batchSize(100)
            .parallelizationFactor(2)
            .reportBatchItemFailures(true)
            .build()) {
      assertThat(mapping.drain(Duration.ofMinutes(2))).isTrue();
      stats = mapping.stats();
    }

    assertThat(deadLetters).hasSize(1);
    assertThat(registry.getMeters())
        .extracting(m -> m.getId().getName())
        .containsOnly(
            MicrometerObserver.HANDLER_OUTCOMES,
            MicrometerObserver.HANDLER_INVOCATIONS,
            MicrometerObserver.RECORDS,
            MicrometerObserver.BATCHES,
            MicrometerObserver.BATCH_RECORDS,
            MicrometerObserver.RECORD_AGE);
    assertThat(outcomes(registry, "handled", "INSERT")).isEqualTo(ITEMS);
    assertThat(outcomes(registry, "handled", "MODIFY")).isEqualTo(ITEMS * (VERSIONS - 1) - 1);
    assertThat(outcomes(registry, "dead_lettered", "MODIFY")).isEqualTo(1);
    assertThat(outcomes(registry, "retried", "MODIFY") + outcomes(registry, "retried", "INSERT"))
        .as("the poison record's first attempt and the flaky one's")
        .isEqualTo(2);
    assertThat(records(registry, "handled")).isEqualTo(ITEMS * VERSIONS - 1);
    assertThat(records(registry, "dead_lettered")).isEqualTo(1);
    Timer batches = registry.get(MicrometerObserver.BATCHES).tag("stream", TABLE).timer();
    Timer age = registry.get(MicrometerObserver.RECORD_AGE).tag("stream", TABLE).timer();
    assertThat(batches.count()).as("one batch per invocation").isEqualTo(stats.invocations());
    assertThat(age.count()).isEqualTo(stats.invocations());
    assertThat(age.max(TimeUnit.MILLISECONDS)).isPositive();

    assertThat(emf).allSatisfy(line -> assertThat(EmfSpecification.problems(line)).isEmpty());
    List<JsonNode> docs = emf.stream().map(OperationsMetricsIT::parse).toList();
    List<JsonNode> batchDocs = docs.stream().filter(d -> !d.has("Handler")).toList();
    assertThat(batchDocs)
        .as("one batch document per invocation")
        .hasSize((int) stats.invocations());
    assertThat(batchDocs.stream().mapToInt(d -> d.path("ddbstreams.batch.records").asInt()).sum())
        .isEqualTo(stats.recordsDelivered());
    assertThat(
            docs.stream()
                .filter(d -> d.path("Handler").asText().equals("count"))
                .mapToInt(d -> d.path("ddbstreams.handler.outcomes.dead_lettered").asInt())
                .sum())
        .isEqualTo(1);
    Figures.print(
        String.format(
            "lambda-metrics: invocations=%d recordAgeMax=%.0fms emfDocuments=%d",
            stats.invocations(), age.max(TimeUnit.MILLISECONDS), emf.size()));
  }

  private static double outcomes(SimpleMeterRegistry registry, String outcome, String event) {
    return registry
        .get(MicrometerObserver.HANDLER_OUTCOMES)
        .tags("handler", "count", "outcome", outcome, "event.name", event)
        .counter()
        .count();
  }

  private static double records(SimpleMeterRegistry registry, String status) {
    return registry
        .get(MicrometerObserver.RECORDS)
        .tags("stream", TABLE, "status", status)
        .counter()
        .count();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
