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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the JSON that a Lambda event source mapping for a DynamoDB stream sends to its
 * on-failure destination (SQS or SNS) when it gives up on records: an invocation record whose
 * {@code DDBStreamBatchInfo} holds the stream ARN, the shard ID, the first and last sequence
 * numbers and the batch size, and whose {@code requestContext} holds the condition.
 *
 * <pre>{@code
 * {"requestContext": {"condition": "RetryAttemptsExhausted", "approximateInvokeCount": 4, ...},
 *  "version": "1.0", "timestamp": "2026-06-05T18:22:26.479Z",
 *  "DDBStreamBatchInfo": {"shardId": "shardId-...", "startSequenceNumber": "2023...",
 *    "endSequenceNumber": "2023...", "approximateArrivalOfFirstRecord": "2026-06-05T18:21:49Z",
 *    "approximateArrivalOfLastRecord": "2026-06-05T18:21:49Z", "batchSize": 1,
 *    "streamArn": "arn:aws:dynamodb:...:table/T/stream/2026-..."}}
 * }</pre>
 *
 * <p>{@link #parse(Reader)} takes what a person or a script has at hand, as it is: one record or
 * several (a JSON array, or documents one after another, such as one per line); an SQS message
 * ({@code Body}), the output of {@code aws sqs receive-message} ({@code Messages}), an SNS
 * notification ({@code Message}), or a Lambda event of SQS or SNS records ({@code Records}), each
 * unwrapped to the records inside; and EventBridge Pipes' variant, whose condition is under {@code
 * context}. Thread-safe.
 */
public final class OnFailureMessages {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BATCH_INFO = "DDBStreamBatchInfo";

  private OnFailureMessages() {}

  /**
   * Reads every on-failure record in a text.
   *
   * @param text one or more messages
   * @return the batches, in the order of the text
   * @throws OnFailureMessageException if the text is not JSON, or a document in it holds no
   *     on-failure record, or a record lacks a coordinate
   */
  public static List<FailedBatch> parse(String text) {
    return parse(new StringReader(text));
  }

  /**
   * Reads every on-failure record from a reader, such as a file or standard input.
   *
   * @param in one or more messages
   * @return the batches, in the order of the input
   * @throws OnFailureMessageException as {@link #parse(String)}
   * @throws java.io.UncheckedIOException if the reader fails
   */
  public static List<FailedBatch> parse(Reader in) {
    List<FailedBatch> batches = new ArrayList<>();
    int document = 0;
    try (MappingIterator<JsonNode> documents = JSON.readerFor(JsonNode.class).readValues(in)) {
      while (documents.hasNextValue()) {
        document++;
        unwrap(documents.nextValue(), "document " + document, batches);
      }
    } catch (JsonProcessingException e) {
      throw new OnFailureMessageException(
          "document " + (document + 1) + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the on-failure messages", e);
    } catch (OnFailureMessageException e) {
      throw e;
    } catch (RuntimeException e) {
      // The iterator wraps a parse error of a later document in an unchecked exception.
      if (e.getCause() instanceof JsonProcessingException json) {
        throw new OnFailureMessageException(
            "document " + (document + 1) + " is not JSON: " + json.getOriginalMessage(), json);
      }
      throw e;
    }
    if (document == 0) {
      throw new OnFailureMessageException("no message was given");
    }
    return batches;
  }

  private static void unwrap(JsonNode node, String where, List<FailedBatch> out) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        unwrap(node.get(i), where + "[" + i + "]", out);
      }
    } else if (!node.isObject()) {
      throw new OnFailureMessageException(where + " is not a JSON object");
    } else if (node.has(BATCH_INFO)) {
      out.add(batch(node, where));
    } else if (node.has("Messages") && node.get("Messages").isArray()) {
      unwrap(node.get("Messages"), where + ".Messages", out);
    } else if (node.has("Records") && node.get("Records").isArray()) {
      unwrap(node.get("Records"), where + ".Records", out);
    } else if (node.has("Sns") && node.get("Sns").isObject()) {
      unwrap(node.get("Sns"), where + ".Sns", out);
    } else if (text(node, "Body") != null || text(node, "body") != null) {
      String field = text(node, "Body") != null ? "Body" : "body";
      unwrap(inner(text(node, field), where + "." + field), where + "." + field, out);
    } else if (text(node, "Message") != null) {
      unwrap(inner(text(node, "Message"), where + ".Message"), where + ".Message", out);
    } else {
      throw new OnFailureMessageException(
          where
              + " holds no on-failure record: no "
              + BATCH_INFO
              + ", and no SQS Body, SNS Message, Messages or Records around one");
    }
  }

  private static JsonNode inner(String text, String where) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new OnFailureMessageException(where + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static FailedBatch batch(JsonNode record, String where) {
    JsonNode info = record.get(BATCH_INFO);
    String at = where + "." + BATCH_INFO;
    JsonNode context =
        record.has("requestContext") ? record.get("requestContext") : record.get("context");
    return new FailedBatch(
        required(info, "streamArn", at),
        required(info, "shardId", at),
        sequence(info, "startSequenceNumber", at),
        sequence(info, "endSequenceNumber", at),
        instant(info, "approximateArrivalOfFirstRecord", at),
        instant(info, "approximateArrivalOfLastRecord", at),
        info.path("batchSize").asInt(0),
        FailedBatch.Condition.fromWireName(context == null ? null : text(context, "condition")),
        context == null ? 0 : context.path("approximateInvokeCount").asInt(0));
  }

  private static String required(JsonNode info, String field, String where) {
    String value = text(info, field);
    if (value == null || value.isEmpty()) {
      throw new OnFailureMessageException(where + " has no " + field);
    }
    return value;
  }

  private static String sequence(JsonNode info, String field, String where) {
    String value = required(info, field, where);
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        throw new OnFailureMessageException(where + "." + field + " is not a sequence number");
      }
    }
    return value;
  }

  private static @Nullable Instant instant(JsonNode info, String field, String where) {
    String value = text(info, field);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new OnFailureMessageException(where + "." + field + " is not an ISO-8601 time", e);
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  /**
   * Writes the on-failure record Lambda would send for a batch: {@code requestContext} (condition,
   * invoke count), {@code version}, {@code timestamp} and {@code DDBStreamBatchInfo}. A function
   * ARN and a response context, which a local mapping does not have, are left out.
   *
   * @param batch the batch given up
   * @param timestamp when it was given up
   * @return the JSON text, one line
   */
  public static String toJson(FailedBatch batch, Instant timestamp) {
    Objects.requireNonNull(batch, "batch");
    ObjectNode root = JSON.createObjectNode();
    ObjectNode request = root.putObject("requestContext");
    request.put("condition", batch.condition().wireName());
    request.put("approximateInvokeCount", batch.approximateInvokeCount());
    root.put("version", "1.0");
    root.put("timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
    ObjectNode info = root.putObject(BATCH_INFO);
    info.put("shardId", batch.shardId());
    info.put("startSequenceNumber", batch.startSequenceNumber());
    info.put("endSequenceNumber", batch.endSequenceNumber());
    if (batch.approximateArrivalOfFirstRecord() != null) {
      info.put("approximateArrivalOfFirstRecord", seconds(batch.approximateArrivalOfFirstRecord()));
    }
    if (batch.approximateArrivalOfLastRecord() != null) {
      info.put("approximateArrivalOfLastRecord", seconds(batch.approximateArrivalOfLastRecord()));
    }
    info.put("batchSize", batch.batchSize());
    info.put("streamArn", batch.streamArn());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers is always JSON", e);
    }
  }

  private static String seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
