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
package dev.ddbstreams.examples.pettracker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.idempotency.DynamoDbIdempotencyStore;
import dev.ddbstreams.testkit.StreamEvents;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Write units per record of each way to make a handler's DynamoDB effect safe under redelivery,
 * measured: every write the router, the store and the handler send asks for {@code
 * ReturnConsumedCapacity=TOTAL}, and the answers are summed. The emulator counts capacity by
 * DynamoDB's published unit rules (1 KB write units, at least 1 per write, transactions twice).
 * Items here are under 1 KB. The table of docs/idempotency.md comes from the {@code cost:} lines:
 * {@code mvn -B -o -pl core,testkit,examples -am verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WriteCostIT | grep cost:}.
 */
class WriteCostIT {
  private static final int RECORDS = 50;

  private static DynamoDbEmulator emulator;
  private static final StreamEvents EVENTS = StreamEvents.builder().keys("PK", "SK").build();

  @BeforeAll
  static void startEmulator() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  /** Asks every write for its consumed capacity and adds up the write units. */
  static final class Meter implements ExecutionInterceptor {
    final DoubleAdder units = new DoubleAdder();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      SdkRequest r = context.request();
      ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
      if (r instanceof PutItemRequest put) {
        return put.toBuilder().returnConsumedCapacity(total).build();
      }
      if (r instanceof UpdateItemRequest update) {
        return update.toBuilder().returnConsumedCapacity(total).build();
      }
      if (r instanceof DeleteItemRequest delete) {
        return delete.toBuilder().returnConsumedCapacity(total).build();
      }
      if (r instanceof TransactWriteItemsRequest transaction) {
        return transaction.toBuilder().returnConsumedCapacity(total).build();
      }
      return r;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      SdkResponse r = context.response();
      if (r instanceof PutItemResponse put) {
        add(put.consumedCapacity());
      } else if (r instanceof UpdateItemResponse update) {
        add(update.consumedCapacity());
      } else if (r instanceof DeleteItemResponse delete) {
        add(delete.consumedCapacity());
      } else if (r instanceof TransactWriteItemsResponse transaction) {
        transaction.consumedCapacity().forEach(this::add);
      }
    }

    private void add(ConsumedCapacity c) {
      if (c != null && c.capacityUnits() != null) {
        units.add(c.capacityUnits());
      }
    }
  }

  /** ADDs to a counter with its own UpdateItem: the effect idempotency alone protects. */
  static final class PlainCounter {
    private final DynamoDbClient dynamo;

    PlainCounter(DynamoDbClient dynamo) {
      this.dynamo = dynamo;
    }

    @OnInsert
    void count(StreamRecord<Map<String, Object>> change) {
      dynamo.updateItem(
          b ->
              b.tableName("Views")
                  .key(counter(change))
                  .updateExpression("ADD n :one")
                  .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }
  }

  /** Stages the same ADD, and as many more as asked, on TransactionalWrites. */
  static final class StagedCounter {
    private final int writes;

    StagedCounter(int writes) {
      this.writes = writes;
    }

    @OnInsert
    void count(StreamRecord<Map<String, Object>> change, TransactionalWrites staged) {
      for (int i = 0; i < writes; i++) {
        Map<String, AttributeValue> key =
            Map.of("PK", AttributeValue.fromS(change.keys().get("PK").s() + "#" + i));
        staged.update(
            u ->
                u.tableName("Views")
                    .key(key)
                    .updateExpression("ADD n :one")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
      }
    }
  }

  /** Copies the item with a SequenceGuard: no store at all. */
  static final class GuardedCopy {
    private static final SequenceGuard GUARD = SequenceGuard.inAttribute("seq");
    private final DynamoDbClient dynamo;

    GuardedCopy(DynamoDbClient dynamo) {
      this.dynamo = dynamo;
    }

    @OnInsert
    void copy(StreamRecord<Map<String, Object>> change) {
      GUARD.put(
          dynamo,
          PutItemRequest.builder().tableName("Views").item(counter(change)).build(),
          change.sequenceNumber());
    }
  }

  private static Map<String, AttributeValue> counter(StreamRecord<?> change) {
    return Map.of("PK", AttributeValue.fromS(change.keys().get("PK").s()));
  }

  private record Cost(double first, double redelivered) {}

  private Cost measure(String name, boolean store, Function<DynamoDbClient, Object> handler) {
    Meter meter = new Meter();
    try (DynamoDbClient client =
        emulator
            .clientBuilder()
            .overrideConfiguration(o -> o.addExecutionInterceptor(meter))
            .build()) {
      String idempotency = "idempotency-" + name;
      DynamoDbIdempotencyStore.createTable(emulator.client(), idempotency);
      StreamRouter.Builder builder = StreamRouter.builder().handlers(handler.apply(client));
      if (store) {
        builder.idempotency(
            DynamoDbIdempotencyStore.builder().client(client).tableName(idempotency).build());
      }
      StreamRouter router = builder.build();
      List<Record> batch =
          IntStream.range(0, RECORDS)
              .mapToObj(i -> EVENTS.insert(PetItems.activity(name + i, "2026-11-20T10:15:00Z")))
              .toList();
      BatchResult first = router.process(batch);
      assertThat(first.count(RecordStatus.HANDLED)).isEqualTo(RECORDS);
      double firstUnits = meter.units.sumThenReset();
      router.process(batch);
      double again = meter.units.sumThenReset();
      Cost cost = new Cost(firstUnits / RECORDS, again / RECORDS);
      System.out.printf(
          Locale.ROOT,
          "cost: %s: %.1f write units per record, %.1f reported on redelivery%n",
          name,
          cost.first(),
          cost.redelivered());
      return cost;
    }
  }

  @Test
  void writeUnitsPerRecordOfEachWay() {
    emulator
        .client()
        .createTable(
            b ->
                b.tableName("Views")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        AttributeDefinition.builder()
                            .attributeName("PK")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .keySchema(
                        KeySchemaElement.builder()
                            .attributeName("PK")
                            .keyType(KeyType.HASH)
                            .build()));

    Cost plain = measure("idempotency-and-plain-write", true, PlainCounter::new);
    Cost transactional = measure("transactional-1-write", true, c -> new StagedCounter(1));
    Cost twoWrites = measure("transactional-2-writes", true, c -> new StagedCounter(2));
    Cost noWrites = measure("transactional-0-writes", true, c -> new StagedCounter(0));
    Cost guarded = measure("sequence-guard-no-store", false, GuardedCopy::new);

    // begin (PutItem) + the handler's UpdateItem + complete (UpdateItem)
    assertThat(plain.first()).isEqualTo(3.0);
    // begin + a transaction of the staged write and the mark, each counted twice
    assertThat(transactional.first()).isEqualTo(1.0 + 2 * 2);
    assertThat(twoWrites.first()).isEqualTo(1.0 + 3 * 2);
    // begin + the mark as one conditional UpdateItem: nothing to commit with it
    assertThat(noWrites.first()).isEqualTo(2.0);
    assertThat(guarded.first()).isEqualTo(1.0);
    // A redelivery is one failed conditional begin (charged 1, not reported in the error), or for
    // the guard one failed conditional put; nothing succeeds, so nothing is reported.
    assertThat(List.of(plain, transactional, twoWrites, noWrites, guarded))
        .allSatisfy(c -> assertThat(c.redelivered()).isZero());
  }
}
