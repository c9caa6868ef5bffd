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
package dev.ddbstreams.testkit.lambda.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Writes the JSON record a Lambda event source mapping for a DynamoDB stream sends to its
 * on-failure destination (the SQS message body, the SNS message) when it gives records up:
 *
 * <pre>{@code
 * {"requestContext": {"condition": "RetryAttemptsExhausted", "approximateInvokeCount": 4},
 *  "version": "1.0", "timestamp": "2026-06-05T18:22:26.479Z",
 *  "DDBStreamBatchInfo": {"shardId": "shardId-...", "startSequenceNumber": "2023...",
 *    "endSequenceNumber": "2023...", "approximateArrivalOfFirstRecord": "2026-06-05T18:21:49Z",
 *    "approximateArrivalOfLastRecord": "2026-06-05T18:21:49Z", "batchSize": 1,
 *    "streamArn": "arn:aws:dynamodb:...:table/T/stream/2026-..."}}
 * }</pre>
 *
 * <p>Lambda's request ID, function ARN and {@code responseContext}, which a local mapping does not
 * have, are left out; so are arrival times a record does not have. {@code ddbstreams-lambda}'s
 * {@code OnFailureMessages} reads this JSON; a test in that module keeps the two in step.
 * Thread-safe.
 */
public final class OnFailureMessageWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OnFailureMessageWriter() {}

  /**
   * Writes the on-failure record for a batch given up.
   *
   * @param batch the batch
   * @param timestamp when it was given up (written to the millisecond, as Lambda does)
   * @return the JSON text, one line
   */
  public static String write(GivenUpBatch batch, Instant timestamp) {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(timestamp, "timestamp");
    ObjectNode root = JSON.createObjectNode();
    ObjectNode request = root.putObject("requestContext");
    request.put("condition", batch.condition().wireName());
    request.put("approximateInvokeCount", batch.approximateInvokeCount());
    root.put("version", "1.0");
    root.put("timestamp", timestamp.truncatedTo(ChronoUnit.MILLIS).toString());
    ObjectNode info = root.putObject("DDBStreamBatchInfo");
    info.put("shardId", batch.shardId());
    info.put("startSequenceNumber", batch.startSequenceNumber());
    info.put("endSequenceNumber", batch.endSequenceNumber());
    Instant first = batch.approximateArrivalOfFirstRecord();
    if (first != null) {
      info.put("approximateArrivalOfFirstRecord", seconds(first));
    }
    Instant last = batch.approximateArrivalOfLastRecord();
    if (last != null) {
      info.put("approximateArrivalOfLastRecord", seconds(last));
    }
    info.put("batchSize", batch.batchSize());
    info.put("streamArn", batch.streamArn());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers is always JSON", e);
    }
  }

  /** Stream records carry their creation time to the second; Lambda writes it so. */
  private static String seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
