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
package dev.ddbstreams.examples.docs.failures;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.DeadLetterSink;
import dev.ddbstreams.FailurePolicy;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.examples.docs.gettingstarted.Notifier;
import dev.ddbstreams.examples.docs.gettingstarted.PetHandlers;
import dev.ddbstreams.idempotency.IdempotencyStore;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** docs/failures.md. */
final class FailuresSnippets {
  private FailuresSnippets() {}

  static StreamRouter router(Notifier notifier, IdempotencyStore store, DeadLetterSink sink) {
    // tag::settings[]
    StreamRouter router =
        StreamRouter.builder()
            .handlers(new PetHandlers(notifier))
            .failurePolicy(FailurePolicy.STOP_AT_FIRST_FAILURE) // the default
            .retry(
                RetryPolicy.attempts(3).backoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(2)))
            .deadLetter(sink) // after the last attempt; the batch goes on
            .idempotency(store)
            .parallelism(4) // different items on 4 threads, one item's records in order
            .deadlineMargin(Duration.ofSeconds(2)) // start nothing 2 s before Lambda's deadline
            .build();
    // end::settings[]
    return router;
  }

  static void report(StreamRouter router, List<Record> batch, Logger log) {
    // tag::result[]
    BatchResult result = router.process(batch);
    for (RecordOutcome failed : result.withStatus(RecordStatus.FAILED)) {
      log.warn("{} failed in {}", failed.sequenceNumber(), failed.failedHandler());
    }
    result
        .firstFailedSequenceNumber()
        .ifPresent(checkpoint -> log.info("resume at {}", checkpoint));
    // end::result[]
  }

  static DeadLetterSink sink(Logger log) {
    // tag::sink[]
    DeadLetterSink sink =
        letter ->
            log.error(
                "dead letter {} of {} after {} attempts: {}",
                letter.record().eventID(),
                letter.handlerId(),
                letter.attempts(),
                letter.failure().getClass().getName()); // the message may quote the item
    // end::sink[]
    return sink;
  }
}
