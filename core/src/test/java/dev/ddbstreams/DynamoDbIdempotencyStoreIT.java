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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.idempotency.HandlerInProgressException;
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStoreException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The DynamoDB store against the project's DynamoDB emulator: real SDK calls, real conditions. */
class DynamoDbIdempotencyStoreIT {
  private static final String TABLE = "idempotency";
  private static final Instant T0 = Instant.parse("2026-11-24T08:00:00.123Z");

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient client;

  private final TestClock clock = new TestClock(T0);
  private final DynamoDbIdempotencyStore store = store(clock);

  @BeforeAll
  static void startEmulator() {
    // The tests' clock stands days before the wall clock, so their records' TTL (`expiration`)
    // is already past for the emulator's background sweeper, which would delete them at any
    // moment, as DynamoDB may. Only the tests' own clock decides expiry here.
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    client = emulator.client();
    DynamoDbIdempotencyStore.createTable(client, TABLE);
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  private static DynamoDbIdempotencyStore store(Clock clock) {
    return DynamoDbIdempotencyStore.builder().client(client).tableName(TABLE).clock(clock).build();
  }

  private static IdempotencyKey newKey() {
    return new IdempotencyKey("it", "Handlers#run", UUID.randomUUID().toString());
  }

  private static Map<String, AttributeValue> item(IdempotencyKey key) {
    return client
        .getItem(r -> r.tableName(TABLE).key(Map.of("id", AttributeValue.fromS(key.value()))))
        .item();
  }

  @Test
  void firstBeginIsNewAndAfterCompleteEveryBeginIsCompleted() {
    IdempotencyKey key = newKey();

    assertThat(store.begin(key, T0.plusSeconds(60))).isEqualTo(IdempotencyState.NEW);
    store.complete(key);

    assertThat(store.begin(key, T0.plusSeconds(60))).isEqualTo(IdempotencyState.COMPLETED);
    clock.advance(Duration.ofHours(47));
    assertThat(store(clock).begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.COMPLETED);
  }

  @Test
  void aCompletedKeyIsForgottenOnlyAfterItsExpiryEvenBeforeTtlDeletesIt() {
    IdempotencyKey key = newKey();
    store.begin(key, T0.plusSeconds(60));
    store.complete(key);

    clock.advance(Duration.ofHours(48).minusSeconds(1));
    assertThat(store.begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.COMPLETED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.begin(key, clock.instant().plusSeconds(60))).isEqualTo(IdempotencyState.NEW);
  }

  @Test
  void beginWhileAnotherWorkerHoldsTheLeaseIsInProgress() {
    IdempotencyKey key = newKey();
    assertThat(store.begin(key, T0.plusSeconds(60))).isEqualTo(IdempotencyState.NEW);

    clock.advance(Duration.ofSeconds(59));
    DynamoDbIdempotencyStore otherWorker = store(clock);
    assertThat(otherWorker.begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.IN_PROGRESS);
    assertThat(store.begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.IN_PROGRESS);
  }

  @Test
  void aLapsedLeaseIsTakenOverAndTheNewLeaseIsWritten() {
    IdempotencyKey key = newKey();
    store.begin(key, T0.plusSeconds(60));

    clock.advance(Duration.ofSeconds(60));
    Instant secondLease = clock.instant().plusSeconds(90);
    assertThat(store(clock).begin(key, secondLease)).isEqualTo(IdempotencyState.NEW);

    assertThat(item(key).get("in_progress_expiration").n())
        .isEqualTo(Long.toString(secondLease.toEpochMilli()));
    clock.advance(Duration.ofSeconds(89));
    assertThat(store.begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.IN_PROGRESS);
  }

  @Test
  void releaseLetsARetryStartAtOnce() {
    IdempotencyKey key = newKey();
    store.begin(key, T0.plusSeconds(600));
    store.release(key);

    assertThat(item(key)).isEmpty();
    assertThat(store(clock).begin(key, T0.plusSeconds(600))).isEqualTo(IdempotencyState.NEW);
  }

  @Test
  void releaseNeverForgetsACompletedKey() {
    IdempotencyKey key = newKey();
    store.begin(key, T0.plusSeconds(60));
    store.complete(key);

    store.release(key);
    store(clock).release(key);

    assertThat(store.begin(key, T0.plusSeconds(60))).isEqualTo(IdempotencyState.COMPLETED);
  }

  @Test
  void aSlowWorkersReleaseDoesNotEndTheLeaseAnotherWorkerTookOver() {
    IdempotencyKey key = newKey();
    DynamoDbIdempotencyStore slow = store(clock);
    DynamoDbIdempotencyStore successor = store(clock);
    slow.begin(key, T0.plusSeconds(60));
    clock.advance(Duration.ofSeconds(61));
    assertThat(successor.begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.NEW);

    slow.release(key);

    assertThat(store(clock).begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.IN_PROGRESS);
  }

  @Test
  void aReleaseNamingALapsedLeaseDoesNotEndTheLeaseTakenOverEvenThroughOneSharedStore() {
    IdempotencyKey key = newKey();
    DynamoDbIdempotencyStore shared = store(clock);
    Instant slowLease = T0.plusSeconds(60);
    shared.begin(key, slowLease);
    clock.advance(Duration.ofSeconds(61));
    Instant successorLease = clock.instant().plusSeconds(60);
    assertThat(shared.begin(key, successorLease)).isEqualTo(IdempotencyState.NEW);

    shared.release(key, slowLease);
    assertThat(store(clock).begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.IN_PROGRESS);

    shared.release(key, successorLease);
    assertThat(store(clock).begin(key, clock.instant().plusSeconds(60)))
        .isEqualTo(IdempotencyState.NEW);
  }

  @Test
  void itemsHaveThePowertoolsLayoutAndTtlValues() {
    IdempotencyKey key = newKey();
    Instant lease = T0.plusSeconds(300);
    store.begin(key, lease);

    Map<String, AttributeValue> inProgress = item(key);
    assertThat(inProgress.keySet())
        .containsExactlyInAnyOrder("id", "status", "expiration", "in_progress_expiration");
    assertThat(inProgress.get("id").s()).isEqualTo(key.value());
    assertThat(inProgress.get("status").s()).isEqualTo("INPROGRESS");
    assertThat(inProgress.get("expiration").n())
        .isEqualTo(Long.toString(T0.getEpochSecond() + 48 * 3600));
    assertThat(inProgress.get("in_progress_expiration").n())
        .isEqualTo(Long.toString(lease.toEpochMilli()));

    clock.advance(Duration.ofSeconds(42));
    store.complete(key);

    Map<String, AttributeValue> completed = item(key);
    assertThat(completed.get("status").s()).isEqualTo("COMPLETED");
    assertThat(completed.get("status").type()).isEqualTo(AttributeValue.Type.S);
    assertThat(completed.get("expiration").type()).isEqualTo(AttributeValue.Type.N);
    assertThat(completed.get("expiration").n())
        .isEqualTo(Long.toString(T0.getEpochSecond() + 42 + 48 * 3600));
  }

  @Test
  void createTableMakesAnOnDemandTableKeyedByIdWithTtlOnExpiration() {
    DynamoDbIdempotencyStore.createTable(client, TABLE); // a second call is harmless

    var table = client.describeTable(r -> r.tableName(TABLE)).table();
    assertThat(table.keySchema())
        .singleElement()
        .satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
    assertThat(table.attributeDefinitions())
        .singleElement()
        .satisfies(a -> assertThat(a.attributeTypeAsString()).isEqualTo("S"));
    assertThat(table.billingModeSummary().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    TimeToLiveDescription ttl =
        client.describeTimeToLive(r -> r.tableName(TABLE)).timeToLiveDescription();
    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(ttl.attributeName()).isEqualTo("expiration");
  }

  /** The store relies on this to read the blocking item without a second request. */
  @Test
  void theServiceReturnsTheExistingItemWhenAConditionFails() {
    IdempotencyKey key = newKey();
    store.begin(key, T0.plusSeconds(60));
    store.complete(key);

    assertThatThrownBy(
            () ->
                client.putItem(
                    r ->
                        r.tableName(TABLE)
                            .item(Map.of("id", AttributeValue.fromS(key.value())))
                            .conditionExpression("attribute_not_exists(id)")
                            .returnValuesOnConditionCheckFailure(
                                ReturnValuesOnConditionCheckFailure.ALL_OLD)))
        .isInstanceOfSatisfying(
            ConditionalCheckFailedException.class,
            e -> {
              assertThat(e.hasItem()).isTrue();
              assertThat(e.item().get("status").s()).isEqualTo("COMPLETED");
            });
  }

  @Test
  void ofTwoWorkersRacingOnAKeyExactlyOneRunsTheHandler() throws Exception {
    race(List.of());
  }

  @Test
  void ofTwoWorkersRacingForALapsedLeaseExactlyOneTakesItOver() throws Exception {
    List<IdempotencyKey> crashed = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      IdempotencyKey key = newKey();
      store.begin(key, T0.plusSeconds(1));
      crashed.add(key);
    }
    clock.advance(Duration.ofSeconds(2));
    race(crashed);
  }

  private void race(List<IdempotencyKey> given) throws Exception {
    List<IdempotencyKey> keys = new ArrayList<>(given);
    while (keys.size() < 200) {
      keys.add(newKey());
    }
    List<CyclicBarrier> starts = new ArrayList<>();
    keys.forEach(k -> starts.add(new CyclicBarrier(2)));
    Map<IdempotencyKey, Integer> runs = new ConcurrentHashMap<>();
    Map<IdempotencyKey, List<IdempotencyState>> states = new ConcurrentHashMap<>();
    ExecutorService workers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        DynamoDbIdempotencyStore worker = store(clock);
        done.add(
            workers.submit(
                () -> {
                  for (int i = 0; i < keys.size(); i++) {
                    IdempotencyKey key = keys.get(i);
                    starts.get(i).await(10, TimeUnit.SECONDS);
                    IdempotencyState state = worker.begin(key, clock.instant().plusSeconds(60));
                    states.computeIfAbsent(key, k -> new ArrayList<>()).add(state);
                    if (state == IdempotencyState.NEW) {
                      runs.merge(key, 1, Integer::sum);
                      worker.complete(key);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      workers.shutdownNow();
    }
    assertThat(runs).hasSize(200).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    assertThat(states)
        .hasSize(200)
        .allSatisfy(
            (k, s) ->
                assertThat(s)
                    .hasSize(2)
                    .containsOnlyOnce(IdempotencyState.NEW)
                    .allMatch(x -> x != null));
  }

  @Test
  void anUnreachableStoreFailsEveryCallNamingTheKey() throws IOException {
    IdempotencyKey key = newKey();
    try (DynamoDbClient unreachable = unreachableClient()) {
      DynamoDbIdempotencyStore down =
          DynamoDbIdempotencyStore.builder().client(unreachable).tableName(TABLE).build();

      assertThatThrownBy(() -> down.begin(key, T0.plusSeconds(60)))
          .isInstanceOf(IdempotencyStoreException.class)
          .hasMessageContaining(key.value())
          .hasMessageContaining(TABLE);
      assertThatThrownBy(() -> down.complete(key)).isInstanceOf(IdempotencyStoreException.class);
      assertThatThrownBy(() -> down.release(key)).isInstanceOf(IdempotencyStoreException.class);
    }
  }

  @Test
  void aDeletedTableFailsBeginInsteadOfReportingNew() {
    DynamoDbIdempotencyStore.createTable(client, "deleted");
    DynamoDbIdempotencyStore gone =
        DynamoDbIdempotencyStore.builder().client(client).tableName("deleted").build();
    client.deleteTable(r -> r.tableName("deleted"));

    assertThatThrownBy(() -> gone.begin(newKey(), T0.plusSeconds(60)))
        .isInstanceOf(IdempotencyStoreException.class)
        .hasMessageContaining("deleted");
  }

  @Test
  void throughARouterAStoreOutageFailsTheRecordAndRunsNoHandler() throws IOException {
    FlakyHandlers h = new FlakyHandlers();
    try (DynamoDbClient unreachable = unreachableClient()) {
      StreamRouter router =
          StreamRouter.builder()
              .idempotency(
                  DynamoDbIdempotencyStore.builder().client(unreachable).tableName(TABLE).build())
              .handlers(h)
              .build();

      BatchResult result = router.process(List.of(BatchPolicyTest.change("a", "5")));

      assertThat(result.outcomes().get(0).status()).isEqualTo(RecordStatus.FAILED);
      assertThat(result.outcomes().get(0).failure()).isInstanceOf(IdempotencyStoreException.class);
      assertThat(result.firstFailedSequenceNumber()).contains(SequenceNumber.of("5"));
      assertThat(h.calls).isEmpty();
    }
  }

  @Test
  void theRouterRunsEachHandlerOncePerRecordAcrossRedeliveriesAndContainers() {
    String namespace = "redelivery-" + UUID.randomUUID();
    FlakyHandlers h = new FlakyHandlers();
    h.failOn.add("9");
    List<Record> batch = BatchPolicyTest.batch();

    BatchResult first = router(namespace, h).process(batch);
    assertThat(first.firstFailedSequenceNumber()).contains(SequenceNumber.of("9"));
    assertThat(h.calls).containsExactly("first 8", "second 8", "first 9");

    // Lambda redelivers from the checkpoint, possibly to another container with its own router.
    h.failOn.clear();
    h.calls.clear();
    BatchResult second = router(namespace, h).process(batch.subList(1, 5));
    assertThat(second.isComplete()).isTrue();
    assertThat(h.calls)
        .containsExactly(
            "first 9",
            "second 9",
            "first 10",
            "second 10",
            "first 11",
            "second 11",
            "first 120",
            "second 120");

    h.calls.clear();
    BatchResult third = router(namespace, h).process(batch);
    assertThat(h.calls).isEmpty();
    assertThat(third.count(RecordStatus.DUPLICATE)).isEqualTo(5);
  }

  @Test
  void aRecordWhoseWorkerCrashedRunsAgainOnceItsLeaseLapses() {
    String namespace = "crash-" + UUID.randomUUID();
    FlakyHandlers h = new FlakyHandlers();
    Record r = BatchPolicyTest.change("a", "7");
    // The crashed worker began the first handler and never completed or released it.
    store.begin(
        new IdempotencyKey(namespace, FlakyHandlers.class.getName() + "#first", r.eventID()),
        T0.plusSeconds(60));
    BatchContext context = BatchContext.builder().clock(clock).build();
    StreamRouter router = router(namespace, h);

    clock.advance(Duration.ofSeconds(30));
    BatchResult whileLeased = router.process(List.of(r), context);
    assertThat(whileLeased.outcomes().get(0).failure())
        .isInstanceOf(HandlerInProgressException.class);
    assertThat(h.calls).isEmpty();

    clock.advance(Duration.ofSeconds(30));
    BatchResult afterLease = router.process(List.of(r), context);
    assertThat(afterLease.outcomes().get(0).status()).isEqualTo(RecordStatus.HANDLED);
    assertThat(h.calls).containsExactly("first 7", "second 7");

    h.calls.clear();
    assertThat(router.process(List.of(r), context).count(RecordStatus.DUPLICATE)).isEqualTo(1);
    assertThat(h.calls).isEmpty();
  }

  private StreamRouter router(String namespace, FlakyHandlers h) {
    return StreamRouter.builder()
        .idempotency(store(clock))
        .idempotencyNamespace(namespace)
        .idempotencyLease(Duration.ofMinutes(1))
        .handlers(h)
        .build();
  }

  private static DynamoDbClient unreachableClient() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + port))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
