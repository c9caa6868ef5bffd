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
package dev.ddbstreams.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.SequenceNumber;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.internal.record.LazyBatch;
import dev.ddbstreams.lambda.WholeBatchFailure;
import dev.ddbstreams.lambda.WholeBatchRetryException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both Lambda handler bases do between decoding and answering: build the batch context, run
 * the router, and turn its result into the one item identifier of a partial batch response.
 */
public final class Invocations {
  private static final Logger LOG = LoggerFactory.getLogger(Invocations.class);
  private static final JsonFactory JSON = new JsonFactory();

  private Invocations() {}

  /**
   * Runs a decoded event through the router.
   *
   * @param router the router
   * @param event the decoded event
   * @param lambda the Lambda context, whose remaining time becomes the batch deadline
   * @param mode what to do when the batch cannot be checkpointed
   * @return the item identifier to report, or empty if every record is done
   * @throws WholeBatchRetryException in {@link WholeBatchFailure#THROW} mode, when no checkpoint
   *     can name the records to retry
   */
  public static Optional<String> run(
      StreamRouter router, DecodedEvent event, @Nullable Context lambda, WholeBatchFailure mode) {
    if (event.records().isEmpty()) {
      return Optional.empty();
    }
    BatchResult result = router.process(event.records(), context(event.streamArn(), lambda));
    LOG.debug("Processed batch: {}", result);
    return itemIdentifier(result, event, mode);
  }

  /**
   * Builds the batch context of an invocation.
   *
   * @param streamArn the event's stream ARN, or {@code null}
   * @param lambda the Lambda context, or {@code null} outside Lambda
   * @return the context with ARN, request ID and deadline
   */
  public static BatchContext context(@Nullable String streamArn, @Nullable Context lambda) {
    BatchContext.Builder b = BatchContext.builder().streamArn(streamArn);
    if (lambda != null) {
      b.invocationId(lambda.getAwsRequestId())
          .deadline(Instant.now().plusMillis(lambda.getRemainingTimeInMillis()));
    }
    return b.build();
  }

  static Optional<String> itemIdentifier(
      BatchResult result, DecodedEvent event, WholeBatchFailure mode) {
    if (result.requiresWholeBatchRetry()) {
      if (mode == WholeBatchFailure.THROW) {
        throw new WholeBatchRetryException(
            "A record to retry has no usable sequence number, so the whole batch of "
                + event.records().size()
                + " records must be retried: "
                + result);
      }
      var first = LazyBatch.routing(event.records(), 0).dynamodb();
      String seq = first == null ? null : first.sequenceNumber();
      // An empty item identifier makes Lambda treat the batch as a complete failure.
      return Optional.of(seq == null ? "" : seq);
    }
    return result.firstFailedSequenceNumber().map(SequenceNumber::toString);
  }

  /**
   * Writes a partial batch response as the Lambda Java runtime serializes a {@code
   * StreamsEventResponse}: {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}, with an empty
   * array when every record is done.
   *
   * @param itemIdentifier the sequence number to resume from, or {@code null}
   * @param out where to write; not closed
   * @throws IOException if the stream cannot be written
   */
  public static void writeResponse(@Nullable String itemIdentifier, OutputStream out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeArrayFieldStart("batchItemFailures");
      if (itemIdentifier != null) {
        g.writeStartObject();
        g.writeStringField("itemIdentifier", itemIdentifier);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }
}
