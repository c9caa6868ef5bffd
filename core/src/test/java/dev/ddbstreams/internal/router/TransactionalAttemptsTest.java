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
package dev.ddbstreams.internal.router;

import static dev.ddbstreams.internal.router.StageFixtures.handlerOf;
import static dev.ddbstreams.internal.router.StageFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.TransactionLimitException;
import dev.ddbstreams.TransactionalWriteException;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The attempts stage with a handler that stages writes: each commit answer, by the table. */
class TransactionalAttemptsTest {
  private final StageFixtures.RecordingSleeper sleeper = new StageFixtures.RecordingSleeper();
  private final Attempts attempts =
      new Attempts(
          RetryPolicy.attempts(3).backoff(Duration.ofMillis(10), 1.0, Duration.ofMillis(10)),
          Duration.ofSeconds(1),
          sleeper,
          false);

  /** Stages one delete per call, or as many as told. */
  static final class Staging {
    int calls;
    int writes = 1;

    @OnChange
    void stage(StreamRecord<Map<String, Object>> change, TransactionalWrites staged) {
      calls++;
      for (int i = 0; i < writes; i++) {
        String pk = "P" + i;
        staged.delete(d -> d.tableName("T").key(Map.of("PK", AttributeValue.fromS(pk))));
      }
    }
  }

  /** A lease whose commits answer from a script; records what each was given. */
  static final class ScriptedLease implements IdempotencyGuard.Lease {
    final List<Object> answers = new ArrayList<>();
    final List<Integer> attempts = new ArrayList<>();

    @Override
    public boolean commit(List<TransactWriteItem> writes, int attempt) {
      attempts.add(attempt);
      Object answer = answers.isEmpty() ? Boolean.TRUE : answers.remove(0);
      if (answer instanceof RuntimeException e) {
        throw e;
      }
      return (Boolean) answer;
    }

    @Override
    public Throwable complete() {
      throw new AssertionError("a transactional handler is marked by its commit");
    }

    @Override
    public void release() {}
  }

  private Attempts.Result run(Staging handler, ScriptedLease lease) {
    return attempts.run(handlerOf(handler), view("a", "1"), BatchContext.none(), lease);
  }

  @Test
  void anAppliedCommitIsTheSuccessAndMarksTheRecord() {
    ScriptedLease lease = new ScriptedLease();

    Attempts.Result result = run(new Staging(), lease);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.commit()).isEqualTo(Attempts.Commit.COMMITTED);
    assertThat(lease.attempts).containsExactly(1);
  }

  @Test
  void aCommitThatFindsTheRecordDoneIsASuccessWithNothingApplied() {
    ScriptedLease lease = new ScriptedLease();
    lease.answers.add(Boolean.FALSE);

    assertThat(run(new Staging(), lease).commit()).isEqualTo(Attempts.Commit.ALREADY_COMPLETED);
  }

  @Test
  void aFailedCommitIsRetriedWithTheHandlerAndTheNextAttemptsNumber() {
    ScriptedLease lease = new ScriptedLease();
    lease.answers.add(
        new TransactionalWriteException("cancelled", List.of(), new IllegalStateException()));
    Staging handler = new Staging();

    Attempts.Result result = run(handler, lease);

    assertThat(result.commit()).isEqualTo(Attempts.Commit.COMMITTED);
    assertThat(result.attempts()).isEqualTo(2);
    assertThat(handler.calls).isEqualTo(2);
    assertThat(lease.attempts).containsExactly(1, 2);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(10));
  }

  @Test
  void aLeaseTakenOverEndsTheAttemptsAtOnce() {
    ScriptedLease lease = new ScriptedLease();
    lease.answers.add(new HandlerInProgressException(new IdempotencyKey("n", "h", "r")));

    Attempts.Result result = run(new Staging(), lease);

    assertThat(result.failure()).isInstanceOf(HandlerInProgressException.class);
    assertThat(result.commit()).isEqualTo(Attempts.Commit.LEASE_LOST);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void writesOverALimitAreNotRetriedNorCommitted() {
    ScriptedLease lease = new ScriptedLease();
    Staging handler = new Staging();
    handler.writes = 100;

    Attempts.Result result = run(handler, lease);

    assertThat(result.failure()).isInstanceOf(TransactionLimitException.class);
    assertThat(result.attempts()).isEqualTo(1);
    assertThat(lease.attempts).isEmpty();
  }

  @Test
  void commitTokensAreDerivedFromKeyLeaseAndAttempt() {
    IdempotencyKey key = new IdempotencyKey("n", "h#m", "r");
    Instant lease = Instant.parse("2026-11-24T08:00:00Z");

    String token = CommitTokens.of(key, lease, 1);

    assertThat(token).isEqualTo(CommitTokens.of(key, lease, 1)).hasSizeLessThanOrEqualTo(36);
    assertThat(
            List.of(
                CommitTokens.of(key, lease, 2),
                CommitTokens.of(key, lease.plusMillis(1), 1),
                CommitTokens.of(new IdempotencyKey("n", "h#m", "r2"), lease, 1)))
        .doesNotContain(token)
        .doesNotHaveDuplicates();
  }
}
