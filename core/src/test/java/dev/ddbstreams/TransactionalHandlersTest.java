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

import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import dev.ddbstreams.idempotency.TransactionalIdempotencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Handlers that take {@link TransactionalWrites}: what the router commits, and what it does with
 * each answer of the store's commit. {@code TransactionalWritesIT} runs the commit on the emulator.
 */
class TransactionalHandlersTest {
  private static final Record INSERT =
      TestRecords.insert("100", TestRecords.keys("USER#1", "ACTIVITY#1"));

  /** Stages one ADD per record; counts its calls. */
  static final class Counter {
    final List<Integer> stagedPerCall = new CopyOnWriteArrayList<>();

    @OnInsert
    void count(StreamRecord<Map<String, Object>> change, TransactionalWrites writes) {
      stagedPerCall.add(writes.staged().size());
      writes.update(
          u ->
              u.tableName("Counts")
                  .key(Map.of("PK", AttributeValue.fromS("COUNT")))
                  .updateExpression("ADD n :one")
                  .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }
  }

  /** An in-memory store whose commits answer what the test scripts, recording each. */
  static final class ScriptedStore implements TransactionalIdempotencyStore {
    final InMemoryIdempotencyStore real = InMemoryIdempotencyStore.builder().build();
    final List<Supplier<Boolean>> answers = new ArrayList<>();
    final List<List<TransactWriteItem>> commits = new CopyOnWriteArrayList<>();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
      return real.begin(key, leaseExpiry);
    }

    @Override
    public void complete(IdempotencyKey key) {
      calls.add("complete");
      real.complete(key);
    }

    @Override
    public void release(IdempotencyKey key) {
      calls.add("release");
      real.release(key);
    }

    @Override
    public boolean completeWith(
        IdempotencyKey key, Instant leaseExpiry, List<TransactWriteItem> writes, String token) {
      calls.add("completeWith");
      commits.add(List.copyOf(writes));
      tokens.add(token);
      boolean applied = answers.isEmpty() || answers.remove(0).get();
      if (applied) {
        real.complete(key);
      }
      return applied;
    }
  }

  private static StreamRouter.Builder router(Object handlers, IdempotencyStore store) {
    return StreamRouter.builder().handlers(handlers).idempotency(store);
  }

  private static TransactionalWriteException conflict() {
    return new TransactionalWriteException(
        "conflict",
        List.of(
            new TransactionalWriteException.CanceledWrite(
                0, "Update", "Counts", "TransactionConflict")),
        new IllegalStateException("cause"));
  }

  @Test
  void theStagedWritesAreCommittedWithTheIdempotencyRecordInsteadOfCompletingIt() {
    Counter counter = new Counter();
    ScriptedStore store = new ScriptedStore();

    BatchResult result = router(counter, store).build().process(List.of(INSERT));

    assertThat(result.outcomes().get(0).status()).isEqualTo(RecordStatus.HANDLED);
    assertThat(store.calls).containsExactly("completeWith");
    assertThat(store.commits).hasSize(1);
    assertThat(store.commits.get(0)).hasSize(1);
    assertThat(store.commits.get(0).get(0).update().tableName()).isEqualTo("Counts");
    assertThat(store.tokens.get(0)).startsWith("ddbs-").hasSizeLessThanOrEqualTo(36);
    assertThat(router(counter, store).build().process(List.of(INSERT)).outcomes().get(0).status())
        .as("redelivered")
        .isEqualTo(RecordStatus.DUPLICATE);
  }

  @Test
  void aCommitThatFindsTheRecordFinishedReportsADuplicate() {
    ScriptedStore store = new ScriptedStore();
    store.answers.add(() -> false);

    BatchResult result = router(new Counter(), store).build().process(List.of(INSERT));

    assertThat(result.outcomes().get(0).status()).isEqualTo(RecordStatus.DUPLICATE);
    assertThat(store.calls).containsExactly("completeWith");
  }

  @Test
  void aCancelledCommitIsRetriedPerTheRetryPolicyWithFreshWritesAndANewToken() {
    Counter counter = new Counter();
    ScriptedStore store = new ScriptedStore();
    store.answers.add(
        () -> {
          throw conflict();
        });
    store.answers.add(
        () -> {
          throw conflict();
        });

    BatchResult result =
        router(counter, store)
            .retry(RetryPolicy.attempts(3).backoff(Duration.ZERO, 1.0, Duration.ZERO))
            .build()
            .process(List.of(INSERT));

    assertThat(result.outcomes().get(0).status()).isEqualTo(RecordStatus.HANDLED);
    assertThat(counter.stagedPerCall).as("each attempt starts empty").containsExactly(0, 0, 0);
    assertThat(store.commits).hasSize(3).allSatisfy(c -> assertThat(c).hasSize(1));
    assertThat(store.tokens).doesNotHaveDuplicates();
  }

  @Test
  void aCommitThatFailsEveryAttemptFailsTheRecordOrIsDeadLetteredWithoutItsWrites() {
    ScriptedStore store = new ScriptedStore();
    for (int i = 0; i < 4; i++) {
      store.answers.add(
          () -> {
            throw conflict();
          });
    }
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();

    RecordOutcome failed =
        router(new Counter(), store).build().process(List.of(INSERT)).outcomes().get(0);
    RecordOutcome deadLettered =
        router(new Counter(), store)
            .deadLetter(letters::add)
            .build()
            .process(List.of(INSERT))
            .outcomes()
            .get(0);

    assertThat(failed.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(failed.failure()).isInstanceOf(TransactionalWriteException.class);
    assertThat(deadLettered.status()).isEqualTo(RecordStatus.DEAD_LETTERED);
    assertThat(letters)
        .singleElement()
        .satisfies(l -> assertThat(l.failure()).isInstanceOf(TransactionalWriteException.class));
    assertThat(store.calls)
        .as("the failure released the lease; the dead letter marked the record without writes")
        .containsExactly("completeWith", "release", "completeWith", "complete");
  }

  @Test
  void aLeaseTakenOverByAnotherWorkerFailsTheRecordWithoutRetryOrDeadLetter() {
    ScriptedStore store = new ScriptedStore();
    IdempotencyKey key = new IdempotencyKey("ddbstreams", "k", "r");
    store.answers.add(
        () -> {
          throw new HandlerInProgressException(key);
        });
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    Counter counter = new Counter();

    RecordOutcome outcome =
        router(counter, store)
            .retry(RetryPolicy.attempts(3).backoff(Duration.ZERO, 1.0, Duration.ZERO))
            .deadLetter(letters::add)
            .build()
            .process(List.of(INSERT))
            .outcomes()
            .get(0);

    assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(outcome.failure()).isInstanceOf(HandlerInProgressException.class);
    assertThat(counter.stagedPerCall).hasSize(1);
    assertThat(letters).isEmpty();
    assertThat(store.calls).doesNotContain("complete");
  }

  /** Stages one write more than a transaction can hold with the idempotency record. */
  static final class TooMany {
    @OnChange
    void stage(StreamRecord<Map<String, Object>> change, TransactionalWrites writes) {
      for (int i = 0; i < 100; i++) {
        String pk = "ITEM#" + i;
        writes.delete(d -> d.tableName("T").key(Map.of("PK", AttributeValue.fromS(pk))));
      }
    }
  }

  @Test
  void writesThatBreakALimitFailTheAttemptWithoutRetryOrCommit() {
    ScriptedStore store = new ScriptedStore();

    RecordOutcome outcome =
        router(new TooMany(), store)
            .retry(RetryPolicy.attempts(3).backoff(Duration.ZERO, 1.0, Duration.ZERO))
            .build()
            .process(List.of(INSERT))
            .outcomes()
            .get(0);

    assertThat(outcome.status()).isEqualTo(RecordStatus.FAILED);
    assertThat(outcome.failure())
        .isInstanceOf(TransactionLimitException.class)
        .hasMessageContaining("staged write 99 (Delete on table T) is one too many")
        .hasMessageContaining("may stage 99");
    assertThat(store.commits).isEmpty();
  }

  @Test
  void buildRefusesTransactionalHandlersWithoutATransactionalStore() {
    assertThatThrownBy(() -> StreamRouter.builder().handlers(new Counter()).build())
        .isInstanceOf(HandlerDefinitionException.class)
        .hasMessageContaining(Counter.class.getName() + "#count: takes TransactionalWrites")
        .hasMessageContaining("needs a DynamoDbIdempotencyStore")
        .hasMessageContaining("the router has no idempotency store");
    assertThatThrownBy(
            () -> router(new Counter(), InMemoryIdempotencyStore.builder().build()).build())
        .hasMessageContaining(
            "the router's store, InMemoryIdempotencyStore, cannot take part in a DynamoDB"
                + " transaction");
  }

  /** Two TransactionalWrites parameters. */
  static final class Twice {
    @OnChange
    void stage(TransactionalWrites a, TransactionalWrites b) {}
  }

  @Test
  void buildRefusesASecondTransactionalWritesParameter() {
    assertThatThrownBy(() -> router(new Twice(), new ScriptedStore()).build())
        .hasMessageContaining("has more than one TransactionalWrites parameter");
  }

  @Test
  void handlersWithoutTheParameterStillCompleteAsBefore() {
    ScriptedStore store = new ScriptedStore();
    FlakyHandlers plain = new FlakyHandlers();

    BatchResult result = router(plain, store).build().process(List.of(INSERT));

    assertThat(result.isComplete()).isTrue();
    assertThat(store.calls).allMatch(c -> c.equals("complete"));
  }
}
