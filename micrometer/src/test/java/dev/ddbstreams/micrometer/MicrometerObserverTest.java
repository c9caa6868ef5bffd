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
package dev.ddbstreams.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.BatchResult;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.RetryPolicy;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnRemove;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class MicrometerObserverTest {
  private static final String ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Pets/stream/2026-11-24T00:00:00.000";
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  static final class Pets {
    int welcomeFailures;

    @OnInsert(sk = "PET#", id = "welcome")
    void welcome(StreamRecord<Map<String, Object>> change) {
      if (welcomeFailures-- > 0) {
        throw new IllegalStateException("flaky");
      }
    }

    @OnRemove(sk = "PET#", id = "goodbye")
    void goodbye(StreamRecord<Map<String, Object>> change) {
      throw new IllegalArgumentException("always");
    }
  }

  static Record record(String event, String seq, Instant created) {
    Map<String, AttributeValue> keys =
        Map.of("PK", AttributeValue.fromS("USER#1"), "SK", AttributeValue.fromS("PET#" + seq));
    software.amazon.awssdk.services.dynamodb.model.StreamRecord.Builder body =
        software.amazon.awssdk.services.dynamodb.model.StreamRecord.builder()
            .keys(keys)
            .sequenceNumber(seq)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
            .approximateCreationDateTime(created);
    if (event.equals("INSERT")) {
      body.newImage(keys);
    } else {
      body.oldImage(keys);
    }
    return Record.builder()
        .eventID("e" + seq)
        .eventName(event)
        .eventSource("aws:dynamodb")
        .dynamodb(body.build())
        .build();
  }

  private SimpleMeterRegistry registry;

  private static BatchContext context() {
    return BatchContext.builder()
        .streamArn(ARN)
        .shardId("shardId-1")
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  @Test
  void countsAndTimesHandlerOutcomesByHandlerOutcomeAndEventName() {
    registry = new SimpleMeterRegistry();
    Pets pets = new Pets();
    pets.welcomeFailures = 1;
    dev.ddbstreams.StreamRouter router =
        dev.ddbstreams.StreamRouter.builder()
            .handlers(pets)
            .retry(RetryPolicy.attempts(2).backoff(Duration.ZERO, 1.0, Duration.ZERO))
            .deadLetter(letter -> {})
            .observer(new MicrometerObserver(registry))
            .build();

    BatchResult result =
        router.process(
            List.of(
                record("INSERT", "1", NOW.minusSeconds(50)),
                record("INSERT", "2", NOW.minusSeconds(40)),
                record("REMOVE", "3", NOW.minusSeconds(30))),
            context());

    assertThat(result.isComplete()).isTrue();
    assertThat(count("welcome", "retried", "INSERT")).isEqualTo(1);
    assertThat(count("welcome", "handled", "INSERT")).isEqualTo(2);
    assertThat(count("goodbye", "retried", "REMOVE")).isEqualTo(1);
    assertThat(count("goodbye", "dead_lettered", "REMOVE")).isEqualTo(1);
    Timer handled =
        registry
            .get(MicrometerObserver.HANDLER_INVOCATIONS)
            .tags("handler", "welcome", "outcome", "handled", "event.name", "INSERT")
            .timer();
    assertThat(handled.count()).isEqualTo(2);
    assertThat(handled.totalTime(TimeUnit.NANOSECONDS)).isPositive();

    assertThat(registry.get(MicrometerObserver.RECORDS).tags("stream", "Pets").counters())
        .extracting(c -> c.getId().getTag("status") + "=" + (int) c.count())
        .contains("handled=2", "dead_lettered=1", "failed=0");
    assertThat(registry.get(MicrometerObserver.BATCHES).tag("stream", "Pets").timer().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MicrometerObserver.BATCH_RECORDS)
                .tag("stream", "Pets")
                .summary()
                .totalAmount())
        .isEqualTo(3);
    Timer age = registry.get(MicrometerObserver.RECORD_AGE).tag("stream", "Pets").timer();
    assertThat(age.count()).isEqualTo(1);
    assertThat(age.max(TimeUnit.SECONDS)).as("the newest record's age").isEqualTo(30);
  }

  private double count(String handler, String outcome, String event) {
    return registry
        .get(MicrometerObserver.HANDLER_OUTCOMES)
        .tags("handler", handler, "outcome", outcome, "event.name", event)
        .counter()
        .count();
  }

  @Test
  void filteredAndNotRunRecordsCountUnderTheRoutersIdAndNoTimerIsRecordedForThem() {
    registry = new SimpleMeterRegistry();
    Pets pets = new Pets();
    pets.welcomeFailures = 1;
    dev.ddbstreams.StreamRouter router =
        dev.ddbstreams.StreamRouter.builder()
            .handlers(pets)
            .filter("{\"eventName\": [\"INSERT\"]}")
            .observer(new MicrometerObserver(registry))
            .build();

    router.process(
        List.of(record("REMOVE", "1", NOW), record("INSERT", "2", NOW), record("INSERT", "3", NOW)),
        BatchContext.none());

    assertThat(count("ddbstreams:router", "filtered", "REMOVE")).isEqualTo(1);
    assertThat(count("welcome", "failed", "INSERT")).isEqualTo(1);
    assertThat(count("ddbstreams:router", "not_run", "INSERT")).isEqualTo(1);
    assertThat(
            registry
                .find(MicrometerObserver.HANDLER_INVOCATIONS)
                .tag("outcome", "not_run")
                .timers())
        .isEmpty();
    assertThat(registry.get(MicrometerObserver.BATCHES).tag("stream", "unknown").timer().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(MicrometerObserver.RECORDS)
                .tags("stream", "unknown", "status", RecordStatus.NOT_RUN.name().toLowerCase())
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void metersFollowMicrometersNamingConvention() {
    registry = new SimpleMeterRegistry();
    countsAndTimesHandlerOutcomesByHandlerOutcomeAndEventName(registry);
    assertThat(registry.getMeters())
        .extracting(Meter::getId)
        .allSatisfy(
            id -> {
              assertThat(id.getName()).matches("ddbstreams(\\.[a-z]+)+");
              id.getTags().forEach(t -> assertThat(t.getKey()).matches("[a-z]+(\\.[a-z]+)*"));
            });
  }

  private void countsAndTimesHandlerOutcomesByHandlerOutcomeAndEventName(SimpleMeterRegistry into) {
    dev.ddbstreams.StreamRouter.builder()
        .handlers(new Pets())
        .deadLetter(letter -> {})
        .observer(new MicrometerObserver(into))
        .build()
        .process(List.of(record("INSERT", "1", NOW), record("REMOVE", "2", NOW)), context());
  }

  @Test
  void theStreamTagIsTheTableName() {
    assertThat(MicrometerObserver.tableName(ARN)).isEqualTo("Pets");
    assertThat(MicrometerObserver.tableName("arn:aws:dynamodb:us-east-1:1:table/T")).isEqualTo("T");
    assertThat(MicrometerObserver.tableName("nonsense")).isEqualTo("unknown");
  }
}
