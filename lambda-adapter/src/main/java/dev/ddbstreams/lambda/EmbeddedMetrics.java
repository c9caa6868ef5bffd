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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchEvent;
import dev.ddbstreams.HandlerEvent;
import dev.ddbstreams.HandlerOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamObserver;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a router's metrics as CloudWatch embedded metric format (EMF) documents, JSON lines on
 * standard output that CloudWatch Logs turns into metrics: no client, no dependency, no call in the
 * invocation's path. Register it on the router of a Lambda function:
 *
 * <pre>{@code
 * StreamRouter router = StreamRouter.builder()
 *     .handlers(new PetHandlers(notifier))
 *     .observer(EmbeddedMetrics.builder().namespace("PetTracker").build())
 *     .build();
 * }</pre>
 *
 * <h2>Documents</h2>
 *
 * Once per batch, which under {@link DynamoDbStreamLambda} and {@link DynamoDbStreamJsonLambda} is
 * once per invocation, it writes:
 *
 * <ul>
 *   <li>one batch document, dimension {@code FunctionName}: {@value #BATCHES} (milliseconds the
 *       batch took), {@value #BATCH_RECORDS}, {@value #RECORD_AGE} (the newest record's age when
 *       the batch started, milliseconds; absent if no record had a creation time) and {@value
 *       #RECORDS} {@code .<status>} per {@link RecordStatus} (count);
 *   <li>one document per handler that saw records in the batch, dimensions {@code FunctionName,
 *       Handler} and {@code FunctionName}: {@value #HANDLER_OUTCOMES}{@code .<outcome>} per {@link
 *       HandlerOutcome} (count) and {@value #HANDLER_INVOCATIONS} (milliseconds per handler run, up
 *       to 100 values; more values continue in further documents of that handler, without the
 *       counts).
 * </ul>
 *
 * A dimension has one value per document (the EMF specification takes dimension values from the
 * document's root), so per-handler metrics cannot share the batch document. Dimensions stay
 * low-cardinality: the function's name ({@code AWS_LAMBDA_FUNCTION_NAME} unless set) and handler
 * IDs. The request ID, stream ARN and shard are plain properties of each document, for CloudWatch
 * Logs Insights, not dimensions. The names are those of the Micrometer binding ({@code
 * ddbstreams-micrometer}), with a Micrometer tag such as {@code outcome=failed} becoming a name
 * suffix ({@code ddbstreams.handler.outcomes.failed}).
 *
 * <p>Thread-safe: batches of several shards may be observed at once, and the records of one batch
 * concurrently. A batch's handler events are kept until its batch event, keyed by its {@link
 * BatchContext} instance.
 */
public final class EmbeddedMetrics implements StreamObserver {
  /** Milliseconds each batch took. */
  public static final String BATCHES = "ddbstreams.batches";

  /** Records per batch. */
  public static final String BATCH_RECORDS = "ddbstreams.batch.records";

  /** Age of each batch's newest record when the batch started, in milliseconds. */
  public static final String RECORD_AGE = "ddbstreams.record.age";

  /** Prefix of the per-status record counts. */
  public static final String RECORDS = "ddbstreams.records";

  /** Prefix of the per-outcome handler counts. */
  public static final String HANDLER_OUTCOMES = "ddbstreams.handler.outcomes";

  /** Milliseconds of each handler run. */
  public static final String HANDLER_INVOCATIONS = "ddbstreams.handler.invocations";

  /** The EMF limit of values in one metric's array. */
  static final int MAX_VALUES = 100;

  private static final JsonFactory JSON = new JsonFactory();
  private static final HandlerOutcome[] OUTCOMES = HandlerOutcome.values();
  private static final RecordStatus[] STATUSES = RecordStatus.values();

  private final String namespace;
  private final String functionName;
  private final Consumer<String> out;
  private final Map<BatchContext, Batch> open = new ConcurrentHashMap<>();

  private EmbeddedMetrics(Builder b) {
    this.namespace = b.namespace;
    this.functionName = b.functionName;
    this.out = b.out;
  }

  /**
   * Returns metrics in the namespace {@code ddbstreams}, for the function named by {@code
   * AWS_LAMBDA_FUNCTION_NAME}, written to standard output.
   *
   * @return the observer
   */
  public static EmbeddedMetrics create() {
    return builder().build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** What one batch's handlers did so far. */
  private static final class Batch {
    final Map<String, HandlerTotals> handlers = new LinkedHashMap<>();

    synchronized void add(HandlerEvent event) {
      HandlerTotals totals = handlers.computeIfAbsent(event.handlerId(), id -> new HandlerTotals());
      totals.outcomes[event.outcome().ordinal()]++;
      if (event.attempts() > 0) {
        totals.millis.add(event.durationNanos() / 1_000_000.0);
      }
    }
  }

  private static final class HandlerTotals {
    final int[] outcomes = new int[OUTCOMES.length];
    final List<Double> millis = new ArrayList<>();
  }

  @Override
  public void onHandler(HandlerEvent event) {
    open.computeIfAbsent(event.batch(), k -> new Batch()).add(event);
  }

  @Override
  public void onBatch(BatchEvent event) {
    Batch batch = open.remove(event.batch());
    long timestamp = event.started().toEpochMilli();
    out.accept(batchDocument(event, timestamp));
    if (batch == null) {
      return;
    }
    synchronized (batch) {
      for (Map.Entry<String, HandlerTotals> e : batch.handlers.entrySet()) {
        writeHandler(e.getKey(), e.getValue(), event.batch(), timestamp);
      }
    }
  }

  private String batchDocument(BatchEvent event, long timestamp) {
    Duration age = event.newestRecordAge().orElse(null);
    return document(
        timestamp,
        List.of(List.of("FunctionName")),
        null,
        event.batch(),
        g -> {
          metric(g, BATCHES, "Milliseconds");
          metric(g, BATCH_RECORDS, "Count");
          if (age != null) {
            metric(g, RECORD_AGE, "Milliseconds");
          }
          for (RecordStatus status : STATUSES) {
            metric(g, RECORDS + "." + lower(status.name()), "Count");
          }
        },
        g -> {
          g.writeNumberField(BATCHES, event.duration().toNanos() / 1_000_000.0);
          g.writeNumberField(BATCH_RECORDS, event.size());
          if (age != null) {
            g.writeNumberField(RECORD_AGE, age.toMillis());
          }
          for (RecordStatus status : STATUSES) {
            g.writeNumberField(RECORDS + "." + lower(status.name()), event.count(status));
          }
        });
  }

  private void writeHandler(
      String handlerId, HandlerTotals totals, BatchContext context, long timestamp) {
    List<List<String>> dimensions =
        List.of(List.of("FunctionName", "Handler"), List.of("FunctionName"));
    List<Double> millis = totals.millis;
    int chunks = Math.max(1, (millis.size() + MAX_VALUES - 1) / MAX_VALUES);
    for (int c = 0; c < chunks; c++) {
      boolean counts = c == 0;
      List<Double> values =
          millis.subList(c * MAX_VALUES, Math.min(millis.size(), (c + 1) * MAX_VALUES));
      out.accept(
          document(
              timestamp,
              dimensions,
              handlerId,
              context,
              g -> {
                if (counts) {
                  for (HandlerOutcome outcome : OUTCOMES) {
                    metric(g, HANDLER_OUTCOMES + "." + lower(outcome.name()), "Count");
                  }
                }
                if (!values.isEmpty()) {
                  metric(g, HANDLER_INVOCATIONS, "Milliseconds");
                }
              },
              g -> {
                if (counts) {
                  for (HandlerOutcome outcome : OUTCOMES) {
                    g.writeNumberField(
                        HANDLER_OUTCOMES + "." + lower(outcome.name()),
                        totals.outcomes[outcome.ordinal()]);
                  }
                }
                if (!values.isEmpty()) {
                  g.writeArrayFieldStart(HANDLER_INVOCATIONS);
                  for (double v : values) {
                    g.writeNumber(v);
                  }
                  g.writeEndArray();
                }
              }));
    }
  }

  /** Writes part of a document. */
  @FunctionalInterface
  private interface Part {
    void write(JsonGenerator g) throws IOException;
  }

  private String document(
      long timestamp,
      List<List<String>> dimensions,
      @Nullable String handlerId,
      BatchContext context,
      Part definitions,
      Part values) {
    StringWriter text = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeObjectFieldStart("_aws");
      g.writeNumberField("Timestamp", timestamp);
      g.writeArrayFieldStart("CloudWatchMetrics");
      g.writeStartObject();
      g.writeStringField("Namespace", namespace);
      g.writeArrayFieldStart("Dimensions");
      for (List<String> set : dimensions) {
        g.writeStartArray();
        for (String key : set) {
          g.writeString(key);
        }
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("Metrics");
      definitions.write(g);
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeStringField("FunctionName", functionName);
      if (handlerId != null) {
        g.writeStringField("Handler", handlerId);
      }
      values.write(g);
      // Properties for CloudWatch Logs Insights; not dimensions, which must stay low-cardinality.
      writeIfPresent(g, "requestId", context.invocationId().orElse(null));
      writeIfPresent(g, "streamArn", context.streamArn().orElse(null));
      writeIfPresent(g, "shardId", context.shardId().orElse(null));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void metric(JsonGenerator g, String name, String unit) throws IOException {
    g.writeStartObject();
    g.writeStringField("Name", name);
    g.writeStringField("Unit", unit);
    g.writeEndObject();
  }

  private static void writeIfPresent(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /**
   * Describes the observer.
   *
   * @return namespace and function name
   */
  @Override
  public String toString() {
    return "EmbeddedMetrics{namespace=" + namespace + ", function=" + functionName + '}';
  }

  /** Builds {@link EmbeddedMetrics}. Not thread-safe. */
  public static final class Builder {
    private String namespace = "ddbstreams";
    private String functionName = defaultFunctionName();
    private Consumer<String> out = System.out::println;

    private Builder() {}

    private static String defaultFunctionName() {
      String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
      return name == null || name.isBlank() ? "unknown" : name;
    }

    /**
     * Sets the CloudWatch namespace. Default {@code ddbstreams}.
     *
     * @param namespace 1 to 255 characters
     * @return this builder
     */
    public Builder namespace(String namespace) {
      Objects.requireNonNull(namespace, "namespace");
      if (namespace.isBlank() || namespace.length() > 255) {
        throw new IllegalArgumentException("namespace must have 1 to 255 characters");
      }
      this.namespace = namespace;
      return this;
    }

    /**
     * Sets the {@code FunctionName} dimension's value. Default the {@code AWS_LAMBDA_FUNCTION_NAME}
     * environment variable, which Lambda sets, or {@code unknown}.
     *
     * @param functionName a non-blank name
     * @return this builder
     */
    public Builder functionName(String functionName) {
      Objects.requireNonNull(functionName, "functionName");
      if (functionName.isBlank()) {
        throw new IllegalArgumentException("functionName must not be blank");
      }
      this.functionName = functionName;
      return this;
    }

    /**
     * Sets where each document goes, one JSON text per call. Default {@code System.out::println}:
     * under Lambda, standard output is the function's log stream, where CloudWatch finds the
     * documents.
     *
     * @param out receives documents; must be thread-safe
     * @return this builder
     */
    public Builder output(Consumer<String> out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /**
     * Builds the observer.
     *
     * @return the observer
     */
    public EmbeddedMetrics build() {
      return new EmbeddedMetrics(this);
    }
  }
}
