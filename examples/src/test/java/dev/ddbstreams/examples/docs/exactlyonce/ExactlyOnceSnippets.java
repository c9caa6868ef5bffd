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
package dev.ddbstreams.examples.docs.exactlyonce;

import dev.ddbstreams.DeadLetterSink;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.TransactionalWriteException;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** docs/exactly-once.md. */
final class ExactlyOnceSnippets {
  private ExactlyOnceSnippets() {}

  static StreamRouter router() {
    // tag::router[]
    DynamoDbClient dynamo = DynamoDbClient.create(); // commits the handlers' writes too
    StreamRouter router =
        StreamRouter.builder()
            .handlers(new DailyCounts("PetTracker"))
            .idempotency(
                DynamoDbIdempotencyStore.builder().client(dynamo).tableName("idempotency").build())
            .retry(RetryPolicy.attempts(3)) // conflicts and throttling: handler and commit again
            .build();
    // end::router[]
    return router;
  }

  static DeadLetterSink sink(Logger log) {
    // tag::cancelled[]
    DeadLetterSink sink =
        letter -> {
          if (letter.failure() instanceof TransactionalWriteException e) {
            for (TransactionalWriteException.CanceledWrite w : e.canceled()) {
              log.error(
                  "{}: staged write {} ({} on {}) was cancelled: {}",
                  letter.handlerId(),
                  w.index(),
                  w.operation(),
                  w.tableName(),
                  w.reason());
            }
          }
        };
    // end::cancelled[]
    return sink;
  }

  static SequenceGuard tombstones() {
    // tag::tombstones[]
    // A delete leaves a tombstone for 7 days (make deletedUntil the table's TTL attribute);
    // readers skip items for which guard.isTombstone(item) is true.
    SequenceGuard guard =
        SequenceGuard.inAttribute("replicatedSequence")
            .withTombstones("deletedUntil", Duration.ofDays(7));
    // end::tombstones[]
    return guard;
  }

  /** A replica kept with a sequence guard. */
  static final class Replica {
    private final DynamoDbClient replica;

    Replica(DynamoDbClient replica) {
      this.replica = replica;
    }

    // tag::guard[]
    private static final SequenceGuard GUARD = SequenceGuard.inAttribute("replicatedSequence");

    @OnChange(pk = "USER#")
    void copy(StreamRecord<Map<String, Object>> change) {
      // INSERT and MODIFY put the new image, REMOVE deletes; stale and repeated changes are no-ops
      GUARD.apply(replica, "PetTracker-Replica", change);
    }

    // end::guard[]

    boolean snapshot(Map<String, AttributeValue> item) {
      // tag::snapshot[]
      // A backfill's copy of an existing item carries no sequence number: it fills the item only
      // if no stream change has written it yet.
      boolean applied =
          GUARD.put(
              replica,
              PutItemRequest.builder().tableName("PetTracker-Replica").item(item).build(),
              null);
      // end::snapshot[]
      return applied;
    }
  }
}
