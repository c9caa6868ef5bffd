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

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.Invocations;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Base class of a Lambda function that consumes a DynamoDB stream through a {@link StreamRouter},
 * reading the event JSON itself: a streaming parser turns it straight into SDK v2 records, with no
 * runtime event classes in between, and the response is written as JSON.
 *
 * <pre>{@code
 * public final class Handler extends DynamoDbStreamJsonLambda {
 *   private static final StreamRouter ROUTER = ...;   // built once per container
 *   @Override protected StreamRouter router() { return ROUTER; }
 * }
 * }</pre>
 *
 * Behaves as {@link DynamoDbStreamLambda} (same records, same batch context, same partial batch
 * response, byte for byte); see there. Fractional epoch seconds in {@code
 * ApproximateCreationDateTime} become milliseconds as the Lambda Java runtime computes them, so
 * both bases see the same instant. Unknown fields are skipped; malformed JSON or a value of the
 * wrong JSON type is an {@link EventDecodingException} naming the record and JSON path. Metrics:
 * {@code .observer(EmbeddedMetrics.create())} on the router, as {@link EmbeddedMetrics} describes.
 *
 * <p>Images are decoded when first read, not when the event is parsed: a record no handler reads
 * costs a scan of its bytes. An image that is well-formed JSON but no valid image (an attribute
 * value of unknown type or without one) fails only the record whose image is read, as a {@link
 * dev.ddbstreams.MalformedRecordException} naming the record and the attribute path, under the
 * router's retry and failure policy, as on {@link DynamoDbStreamLambda}.
 */
public abstract class DynamoDbStreamJsonLambda implements RequestStreamHandler {

  /** Creates the handler; Lambda calls this once per container. */
  protected DynamoDbStreamJsonLambda() {}

  /**
   * Returns the router that handles the records; build it once per container.
   *
   * @return the router
   */
  protected abstract StreamRouter router();

  /**
   * Returns what to do when the whole batch must be retried. Default {@link
   * WholeBatchFailure#REPORT_WHOLE_BATCH}.
   *
   * @return the setting
   */
  protected WholeBatchFailure wholeBatchFailure() {
    return WholeBatchFailure.REPORT_WHOLE_BATCH;
  }

  /**
   * Handles one batch.
   *
   * @param input the event JSON
   * @param output where the partial batch response JSON goes
   * @param context the Lambda context
   * @throws IOException if the streams cannot be read or written
   * @throws EventDecodingException if the event cannot be decoded
   * @throws WholeBatchRetryException in {@link WholeBatchFailure#THROW} mode
   */
  @Override
  public final void handleRequest(InputStream input, OutputStream output, @Nullable Context context)
      throws IOException {
    DecodedEvent decoded = StreamEventDecoder.decode(input);
    String failed = Invocations.run(router(), decoded, context, wholeBatchFailure()).orElse(null);
    Invocations.writeResponse(failed, output);
  }
}
