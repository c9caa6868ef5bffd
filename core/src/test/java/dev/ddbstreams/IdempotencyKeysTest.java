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
import dev.ddbstreams.idempotency.IdempotencyKey;
import dev.ddbstreams.idempotency.IdempotencyState;
import dev.ddbstreams.idempotency.IdempotencyStore;
import dev.ddbstreams.idempotency.InMemoryIdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Idempotency keys are unambiguous and fit DynamoDB's 2,048-byte partition key. */
class IdempotencyKeysTest {

  static final class Named {
    final List<String> runs = new CopyOnWriteArrayList<>();

    @OnChange(id = "b#c")
    void handle(StreamRecord<Map<String, Object>> change) {
      runs.add(change.eventId());
    }
  }

  static final class OtherNamed {
    final List<String> runs = new CopyOnWriteArrayList<>();

    @OnChange(id = "c")
    void handle(StreamRecord<Map<String, Object>> change) {
      runs.add(change.eventId());
    }
  }

  /** Remembers the keys it was asked about, over a real in-memory store. */
  static final class KeyRecordingStore implements IdempotencyStore {
    final InMemoryIdempotencyStore real = InMemoryIdempotencyStore.builder().build();
    final List<String> keys = new CopyOnWriteArrayList<>();

    @Override
    public IdempotencyState begin(IdempotencyKey key, Instant leaseExpiry) {
      keys.add(key.value());
      return real.begin(key, leaseExpiry);
    }

    @Override
    public void complete(IdempotencyKey key) {
      real.complete(key);
    }

    @Override
    public void release(IdempotencyKey key) {
      real.release(key);
    }
  }

  private static Record record() {
    return BatchPolicyTest.change("a", "1");
  }

  @Test
  void aHashInTheNamespaceOrAHandlerIdCannotMakeTwoPairsShareAKey() {
    IdempotencyStore shared = InMemoryIdempotencyStore.builder().build();
    Named first = new Named();
    OtherNamed second = new OtherNamed();
    // "a" + "b#c" and "a#b" + "c" used to be the same key: a#b#c#event-1.
    StreamRouter.builder()
        .idempotency(shared)
        .idempotencyNamespace("a")
        .handlers(first)
        .build()
        .process(List.of(record()));
    BatchResult result =
        StreamRouter.builder()
            .idempotency(shared)
            .idempotencyNamespace("a#b")
            .handlers(second)
            .build()
            .process(List.of(record()));

    assertThat(result.outcomes().get(0).status()).isEqualTo(RecordStatus.HANDLED);
    assertThat(second.runs).containsExactly("event-1");
  }

  @Test
  void keyValuesAreUnambiguousAndUnchangedForPlainNames() {
    assertThat(new IdempotencyKey("pet-views", "com.example.Pets#welcome", "ab12").value())
        .isEqualTo("pet-views#com.example.Pets#welcome#ab12");
    assertThat(new IdempotencyKey("a", "b#c", "r").value())
        .isNotEqualTo(new IdempotencyKey("a#b", "c", "r").value());
    assertThat(new IdempotencyKey("a", "b", "c#r").value())
        .isNotEqualTo(new IdempotencyKey("a", "b#c", "r").value());
    assertThat(new IdempotencyKey("a%23", "b", "r").value())
        .isNotEqualTo(new IdempotencyKey("a#", "b", "r").value());
  }

  @Test
  void aKeyThatCouldExceedDynamoDbsKeyLimitIsABuildProblem() {
    String longNamespace = "é".repeat(1_000); // 2,000 bytes in UTF-8
    assertThatThrownBy(
            () ->
                StreamRouter.builder()
                    .idempotency(InMemoryIdempotencyStore.builder().build())
                    .idempotencyNamespace(longNamespace)
                    .handlers(new Named())
                    .build())
        .isInstanceOfSatisfying(
            HandlerDefinitionException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p).contains("Named#handle", "2,048")));
  }

  @Test
  void aLongRecordIdIsHashedSoTheKeyStillFits() {
    KeyRecordingStore store = new KeyRecordingStore();
    Named h = new Named();
    StreamRouter router = StreamRouter.builder().idempotency(store).handlers(h).build();
    Record longId =
        TestRecords.record(
                "INSERT",
                "7",
                "NEW_AND_OLD_IMAGES",
                TestRecords.keys("a", "b"),
                null,
                Map.of("PK", AttributeValue.fromS("a"), "SK", AttributeValue.fromS("b")))
            .eventID("x".repeat(3_000))
            .build();

    assertThat(router.process(List.of(longId)).isComplete()).isTrue();
    assertThat(router.process(List.of(longId)).count(RecordStatus.DUPLICATE)).isEqualTo(1);
    assertThat(store.keys).hasSize(2).allSatisfy(k -> assertThat(bytes(k)).isLessThan(2_048));
    assertThat(store.keys.get(0)).isEqualTo(store.keys.get(1));
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
