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
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.internal.DecodedEvent;
import dev.ddbstreams.lambda.internal.Invocations;
import dev.ddbstreams.lambda.internal.LambdaEventConverter;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Base class of a Lambda function that consumes a DynamoDB stream through a {@link StreamRouter},
 * taking the event as the Lambda runtime decodes it ({@link DynamodbEvent}).
 *
 * <pre>{@code
 * public final class Handler extends DynamoDbStreamLambda {
 *   private static final StreamRouter ROUTER = StreamRouter.builder()
 *       .keys("PK", "SK").handlers(new PetHandlers(notifier)).idempotency(store).build();
 *   @Override protected StreamRouter router() { return ROUTER; }
 * }
 * }</pre>
 *
 * <h2>What it does with one invocation</h2>
 *
 * The event's records become SDK v2 {@code Record}s, in order; their {@code eventSourceARN} becomes
 * the batch's stream ARN (records of two streams in one event are an {@link
 * EventDecodingException}). The Lambda request ID becomes the invocation ID, and now plus the
 * remaining time becomes the deadline, which also ends the idempotency leases taken in this
 * invocation. The router's result becomes a partial batch response.
 *
 * <p>A record's images are converted from the runtime's objects when first read, so a record no
 * handler reads costs no conversion. An image that is no valid image (an attribute value without a
 * type) fails only that record, when read, as a {@link dev.ddbstreams.MalformedRecordException}
 * naming the record and the attribute path, under the router's retry and failure policy; keys that
 * cannot be converted fail the whole event ({@link EventDecodingException}).
 *
 * <h2>Partial batch response</h2>
 *
 * The event source mapping must enable {@code ReportBatchItemFailures}. The response names at most
 * one record: the router's checkpoint, the lowest sequence number that must be delivered again. One
 * suffices because Lambda resumes a stream shard from the lowest sequence number among the returned
 * failures and redelivers every record after it anyway; every record below the checkpoint is done.
 * Naming later records too would change nothing. With an idempotency store, the handlers that
 * finished a redelivered record are not run again.
 *
 * <p>If a record to retry has no usable sequence number, the whole batch must be retried; {@link
 * #wholeBatchFailure()} chooses how that is told to Lambda.
 *
 * <h2>Metrics</h2>
 *
 * One setting on the router the function returns, {@code .observer(EmbeddedMetrics.create())},
 * makes every invocation write the router's metrics as CloudWatch embedded metric format to the
 * function's log; see {@link EmbeddedMetrics}.
 *
 * <p>Thread safety: Lambda runs one invocation at a time per instance; the router is thread-safe
 * anyway. {@link DynamoDbStreamJsonLambda} does the same work from the raw JSON, faster.
 */
public abstract class DynamoDbStreamLambda
    implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

  /** Creates the handler; Lambda calls this once per container. */
  protected DynamoDbStreamLambda() {}

  /**
   * Returns the router that handles the records. Called on every invocation: build the router once
   * per container, for example in a static field, and return it here.
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
   * @param event the stream event
   * @param context the Lambda context
   * @return the partial batch response: no failures, or the one sequence number to resume from
   * @throws EventDecodingException if the event cannot be turned into records
   * @throws WholeBatchRetryException in {@link WholeBatchFailure#THROW} mode, see there
   */
  @Override
  public final StreamsEventResponse handleRequest(DynamodbEvent event, @Nullable Context context) {
    DecodedEvent decoded = LambdaEventConverter.convert(event);
    Optional<String> failed = Invocations.run(router(), decoded, context, wholeBatchFailure());
    return new StreamsEventResponse(
        failed
            .map(id -> List.of(new StreamsEventResponse.BatchItemFailure(id)))
            .orElseGet(List::of));
  }
}
