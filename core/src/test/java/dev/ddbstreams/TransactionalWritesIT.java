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
package dev.ddbstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.Fault;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Transactional writes against the project's DynamoDB emulator: the commit with the idempotency
 * record, cancellations, conflicts, lost answers and leases taken over.
 */
class TransactionalWritesIT {
  private static final String COUNTS = "Counts";
  private static final String IDEMPOTENCY = "idempotency";

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient client;

  @BeforeAll
  static void startEmulator() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    client = emulator.client();
    DynamoDbIdempotencyStore.createTable(client, IDEMPOTENCY);
    client.createTable(
        b ->
            b.tableName(COUNTS)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder()
                        .attributeName("PK")
                        .attributeType(ScalarAttributeType.S)
                        .build())
                .keySchema(
                    KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build()));
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @AfterEach
  void clearFaults() {
    emulator.faults().clear();
  }

  /** ADDs one to a counter per record, and puts a marker if asked to, all staged. */
  static final class Counting {
    final String counter = "COUNT#" + UUID.randomUUID();
    volatile boolean requireExistingCounter;
    volatile String alsoPut;

    @OnInsert
    void count(StreamRecord<Map<String, Object>> change, TransactionalWrites writes) {
      if (alsoPut != null) {
        writes.put(p -> p.tableName(COUNTS).item(Map.of("PK", AttributeValue.fromS(alsoPut))));
      }
      writes.update(
          u -> {
            u.tableName(COUNTS)
                .key(Map.of("PK", AttributeValue.fromS(counter)))
                .updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")));
            if (requireExistingCounter) {
              u.conditionExpression("attribute_exists(PK)");
            }
          });
    }

    int count() {
      Map<String, AttributeValue> item =
          client
              .getItem(b -> b.tableName(COUNTS).key(Map.of("PK", AttributeValue.fromS(counter))))
              .item();
      return item.isEmpty() ? 0 : Integer.parseInt(item.get("n").n());
    }
  }

  private static Record insert() {
    String seq = Long.toString(System.nanoTime());
    return TestRecords.insert(seq, TestRecords.keys("USER#" + seq, "ACTIVITY#1")).toBuilder()
        .eventID(UUID.randomUUID().toString())
        .build();
  }

  private static DynamoDbIdempotencyStore store(DynamoDbClient c) {
    return DynamoDbIdempotencyStore.builder().client(c).tableName(IDEMPOTENCY).build();
  }

  private static StreamRouter.Builder router(Counting handler, DynamoDbClient c) {
    return StreamRouter.builder().handlers(handler).idempotency(store(c));
  }

  private static Map<String, AttributeValue> idempotencyItem(Counting handler, Record r) {
    IdempotencyKey key =
        new IdempotencyKey("ddbstreams", Counting.class.getName() + "#count", r.eventID());
    return client
        .getItem(b -> b.tableName(IDEMPOTENCY).key(Map.of("id", AttributeValue.fromS(key.value()))))
        .item();
  }

  @Test
  void theWritesAndTheCompletedMarkCommitTogetherAndTheRedeliveryIsSkipped() {
    Counting handler = new Counting();
    Record record = insert();
    StreamRouter router = router(handler, client).build();

    assertThat(router.process(List.of(record)).outcomes().get(0).status())
        .isEqualTo(RecordStatus.HANDLED);
    assertThat(router.process(List.of(record)).outcomes().get(0).status())
        .isEqualTo(RecordStatus.DUPLICATE);

    assertThat(handler.count()).isEqualTo(1);
    assertThat(idempotencyItem(handler, record).get("status").s()).isEqualTo("COMPLETED");
  }

  @Test
  void aFailedConditionCancelsEverythingAndNamesTheStagedWrite() {
    Counting handler = new Counting();
    handler.requireExistingCounter = true;
    handler.alsoPut = "MARKER#" + UUID.randomUUID();
    Record record = insert();

    RecordOutcome outcome =
        router(handler, client).build().process(List.of(record)).outcomes().get(0);

    assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
    TransactionalWriteException e = (TransactionalWriteException) outcome.failure();
    assertThat(e.canceled())
        .containsExactly(
            new TransactionalWriteException.CanceledWrite(
                1, "Update", COUNTS, TransactionalWriteException.CONDITIONAL_CHECK_FAILED));
    assertThat(e)
        .hasMessageContaining(
            "handler " + Counting.class.getName() + "#count on record " + record.eventID())
        .hasMessageContaining("staged write 1 (Update on table Counts): ConditionalCheckFailed");
    assertThat(
            client
                .getItem(
                    b ->
                        b.tableName(COUNTS)
                            .key(Map.of("PK", AttributeValue.fromS(handler.alsoPut))))
                .item())
        .as("the other staged write was not applied")
        .isEmpty();
    assertThat(idempotencyItem(handler, record)).as("the lease was released").isEmpty();
  }

  @Test
  void conflictsAreRetriedPerTheRetryPolicy() {
    Counting handler = new Counting();
    long firedBefore = emulator.faults().firedCount(Fault.Kind.TRANSACTION_CONFLICT);
    emulator.faults().add(Fault.transactionConflict().onOperations("TransactWriteItems").times(2));

    RecordOutcome outcome =
        router(handler, client)
            .retry(RetryPolicy.attempts(3).backoff(Duration.ofMillis(1), 1.0, Duration.ofMillis(1)))
            .build()
            .process(List.of(insert()))
            .outcomes()
            .get(0);

    assertThat(outcome.status()).isEqualTo(RecordStatus.HANDLED);
    assertThat(emulator.faults().firedCount(Fault.Kind.TRANSACTION_CONFLICT) - firedBefore)
        .isEqualTo(2);
    assertThat(handler.count()).isEqualTo(1);
  }

  @Test
  void withoutRetriesAConflictFailsTheRecordAsTransient() {
    Counting handler = new Counting();
    emulator.faults().add(Fault.transactionConflict().onOperations("TransactWriteItems").times(1));

    RecordOutcome outcome =
        router(handler, client).build().process(List.of(insert())).outcomes().get(0);

    assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(((TransactionalWriteException) outcome.failure()).transientFailure()).isTrue();
    assertThat(handler.count()).isZero();
  }

  @Test
  void aCommitTheSdkRetriesAfterALostAnswerIsAppliedOnce() {
    // The first request is held past the client's attempt timeout, then applied; the SDK sends
    // the same request again with the same token, which DynamoDB answers without applying again.
    Counting handler = new Counting();
    emulator
        .faults()
        .add(Fault.latency(Duration.ofMillis(1_500)).onOperations("TransactWriteItems").times(1));
    try (DynamoDbClient impatient =
        emulator
            .clientBuilder()
            .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMillis(500)))
            .build()) {
      RecordOutcome outcome =
          router(handler, impatient).build().process(List.of(insert())).outcomes().get(0);

      assertThat(outcome.status()).isEqualTo(RecordStatus.HANDLED);
    }
    sleep(Duration.ofMillis(1_500)); // the held request has run by now
    assertThat(handler.count()).isEqualTo(1);
  }

  @Test
  void aCommitWhoseAnswerNeverCameIsFoundCompletedByTheNextAttempt() {
    Counting handler = new Counting();
    emulator
        .faults()
        .add(Fault.latency(Duration.ofMillis(1_000)).onOperations("TransactWriteItems").times(1));
    try (DynamoDbClient noRetries =
        emulator
            .clientBuilder()
            .overrideConfiguration(
                o ->
                    o.apiCallAttemptTimeout(Duration.ofMillis(300))
                        .retryStrategy(r -> r.maxAttempts(1)))
            .build()) {
      RecordOutcome outcome =
          router(handler, noRetries)
              .retry(
                  RetryPolicy.attempts(2)
                      .backoff(Duration.ofMillis(2_000), 1.0, Duration.ofMillis(2_000)))
              .build()
              .process(List.of(insert()))
              .outcomes()
              .get(0);

      assertThat(outcome.status())
          .as("the second attempt's commit found the record completed by the first")
          .isEqualTo(RecordStatus.DUPLICATE);
    }
    assertThat(handler.count()).isEqualTo(1);
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverCommitsNothing() {
    TestClock clock = new TestClock(Instant.now());
    DynamoDbIdempotencyStore slow =
        DynamoDbIdempotencyStore.builder()
            .client(client)
            .tableName(IDEMPOTENCY)
            .clock(clock)
            .build();
    DynamoDbIdempotencyStore successor =
        DynamoDbIdempotencyStore.builder()
            .client(client)
            .tableName(IDEMPOTENCY)
            .clock(clock)
            .build();
    IdempotencyKey key = new IdempotencyKey("it", "H#h", UUID.randomUUID().toString());
    Counting counter = new Counting();
    List<TransactWriteItem> writes =
        TransactionalWrites.create()
            .update(
                u ->
                    u.tableName(COUNTS)
                        .key(Map.of("PK", AttributeValue.fromS(counter.counter)))
                        .updateExpression("ADD n :one")
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))
            .staged();
    Instant slowLease = clock.instant().plusSeconds(60);
    assertThat(slow.begin(key, slowLease)).isEqualTo(IdempotencyState.NEW);
    clock.advance(Duration.ofSeconds(61));
    Instant successorLease = clock.instant().plusSeconds(60);
    assertThat(successor.begin(key, successorLease)).isEqualTo(IdempotencyState.NEW);

    assertThatThrownBy(() -> slow.completeWith(key, slowLease, writes, "t-slow"))
        .isInstanceOf(HandlerInProgressException.class);
    assertThat(counter.count()).isZero();
    assertThat(successor.completeWith(key, successorLease, writes, "t-successor")).isTrue();
    assertThat(slow.completeWith(key, slowLease, writes, "t-slow-2"))
        .as("completed by the successor: nothing to commit")
        .isFalse();
    assertThat(counter.count()).isEqualTo(1);
  }

  @Test
  void withoutWritesTheMarkIsOneConditionalUpdate() {
    IdempotencyKey key = new IdempotencyKey("it", "H#h", UUID.randomUUID().toString());
    DynamoDbIdempotencyStore store = store(client);
    Instant lease = Instant.now().plusSeconds(60);
    store.begin(key, lease);

    assertThatThrownBy(() -> store.completeWith(key, lease.plusMillis(1), List.of(), "t"))
        .as("not this lease")
        .isInstanceOf(HandlerInProgressException.class);
    assertThat(store.completeWith(key, lease, List.of(), "t")).isTrue();
    assertThat(store.completeWith(key, lease, List.of(), "t")).as("done already").isFalse();
    assertThat(store.begin(key, lease)).isEqualTo(IdempotencyState.COMPLETED);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
