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

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import dev.ddbstreams.testkit.lambda.internal.BatchInvoker;
import dev.ddbstreams.testkit.lambda.internal.LocalFunction;
import dev.ddbstreams.testkit.lambda.internal.MappingCounters;
import dev.ddbstreams.testkit.lambda.internal.MappingSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** The event source mapping's retry rules, against a scripted function. */
class BatchInvokerTest {
  private static final String ARN = "arn:aws:dynamodb:us-east-1:1:table/T/stream/S";

  private final List<List<String>> invocations = new CopyOnWriteArrayList<>();
  private final List<FailedBatch> failed = new CopyOnWriteArrayList<>();
  private final MappingCounters counters = new MappingCounters();

  private BatchInvoker invoker(
      boolean report,
      boolean bisect,
      int retries,
      @Nullable Duration maxAge,
      Function<List<String>, String> respond) {
    MappingSettings settings =
        new MappingSettings(
            ARN,
            100,
            Duration.ZERO,
            report,
            bisect,
            retries,
            maxAge,
            1,
            Duration.ofSeconds(30),
            "f",
            message -> failed.addAll(OnFailureMessages.parse(message)),
            null);
    LocalFunction function =
        (event, context) -> {
          List<String> seqs =
              StreamEventDecoder.decode(event).records().stream()
                  .map(r -> r.dynamodb().sequenceNumber())
                  .toList();
          invocations.add(seqs);
          return respond.apply(seqs).getBytes(StandardCharsets.UTF_8);
        };
    return new BatchInvoker(settings, function, counters, new AtomicBoolean());
  }

  private static String failAt(String seq) {
    return "{\"batchItemFailures\":[{\"itemIdentifier\":\"" + seq + "\"}]}";
  }

  @Test
  void retriesFromTheLowestReportedSequenceNumber() {
    List<String> reported = new ArrayList<>(List.of("x"));
    BatchInvoker invoker =
        invoker(
            true,
            false,
            -1,
            null,
            seqs -> {
              if (reported.remove("x")) {
                return "{\"batchItemFailures\":[{\"itemIdentifier\":\"4\"},{\"itemIdentifier\":\"3\"}]}";
              }
              return "{\"batchItemFailures\":[]}";
            });

    invoker.deliver("shard-1", records(1, 5));

    assertThat(invocations)
        .containsExactly(List.of("1", "2", "3", "4", "5"), List.of("3", "4", "5"));
    assertThat(counters.partialFailures.get()).isEqualTo(1);
  }

  @Test
  void aFunctionThatThrowsAnErrorIsAFunctionErrorAndTheBatchIsRetried() {
    List<Error> errors =
        new ArrayList<>(
            List.of(
                new AssertionError("bug"), new StackOverflowError(), new NoClassDefFoundError()));
    BatchInvoker invoker =
        invoker(
            true,
            false,
            -1,
            null,
            seqs -> {
              if (!errors.isEmpty()) {
                throw errors.remove(0);
              }
              return "{}";
            });

    invoker.deliver("shard-1", records(1, 2));

    assertThat(invocations).hasSize(4).allSatisfy(b -> assertThat(b).containsExactly("1", "2"));
    assertThat(counters.functionErrors.get()).isEqualTo(3);
    assertThat(failed).isEmpty();
  }

  @Test
  void anErrorOfTheJvmItselfStopsTheDeliveryInsteadOfBeingRetried() {
    InternalError broken = new InternalError("broken");
    BatchInvoker invoker =
        invoker(
            true,
            false,
            -1,
            null,
            seqs -> {
              throw broken;
            });

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> invoker.deliver("shard-1", records(1, 2)))
        .isSameAs(broken);
    assertThat(invocations).hasSize(1);
  }

  @Test
  void ignoresThePartialResponseWithoutReportBatchItemFailures() {
    BatchInvoker invoker = invoker(false, false, -1, null, seqs -> failAt("2"));

    invoker.deliver("shard-1", records(1, 3));

    assertThat(invocations).containsExactly(List.of("1", "2", "3"));
  }

  @Test
  void retriesTheWholeBatchOnAnEmptyOrUnknownItemIdentifier() {
    List<String> answers = new ArrayList<>(List.of(failAt(""), failAt("99"), "null"));
    BatchInvoker invoker = invoker(true, false, -1, null, seqs -> answers.remove(0));

    invoker.deliver("shard-1", records(1, 2));

    assertThat(invocations).hasSize(3).allSatisfy(b -> assertThat(b).containsExactly("1", "2"));
  }

  @Test
  void bisectsAfterFunctionErrorsAndGivesUpOnlyThePoisonRecord() {
    BatchInvoker invoker =
        invoker(
            true,
            true,
            1,
            null,
            seqs -> {
              if (seqs.contains("3")) {
                throw new IllegalStateException("poison");
              }
              return "{}";
            });

    invoker.deliver("shard-1", records(1, 4));

    assertThat(invocations)
        .containsExactly(
            List.of("1", "2", "3", "4"),
            List.of("1", "2"),
            List.of("3", "4"),
            List.of("3"),
            List.of("3"),
            List.of("4"));
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).startSequenceNumber()).isEqualTo("3");
    assertThat(failed.get(0).endSequenceNumber()).isEqualTo("3");
    assertThat(failed.get(0).condition()).isEqualTo(FailedBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED);
    assertThat(counters.bisections.get()).isEqualTo(2);
  }

  @Test
  void givesUpTheBatchAfterMaximumRetryAttempts() {
    BatchInvoker invoker =
        invoker(
            true,
            false,
            2,
            null,
            seqs -> {
              throw new IllegalStateException("always");
            });

    invoker.deliver("shard-1", records(1, 4));

    assertThat(invocations).hasSize(3);
    assertThat(failed)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.batchSize()).isEqualTo(4);
              assertThat(f.shardId()).isEqualTo("shard-1");
              assertThat(f.streamArn()).isEqualTo(ARN);
              assertThat(f.approximateInvokeCount()).isEqualTo(3);
            });
  }

  @Test
  void givesUpRecordsOlderThanMaximumRecordAgeWithoutInvoking() {
    BatchInvoker invoker = invoker(true, false, -1, Duration.ofHours(1), seqs -> "{}");
    List<Record> old = new ArrayList<>(records(1, 2, Instant.now().minus(Duration.ofHours(2))));
    old.addAll(records(3, 3, Instant.now()));

    invoker.deliver("shard-1", old);

    assertThat(invocations).containsExactly(List.of("3"));
    assertThat(failed)
        .singleElement()
        .satisfies(
            f -> assertThat(f.condition()).isEqualTo(FailedBatch.Condition.RECORD_AGE_EXCEEDED));
  }

  @Test
  void passesEventsToARequestHandlerThroughTheRuntimeSerializer() {
    RecordingHandlers handlers = new RecordingHandlers();
    StreamRouter router = StreamRouter.builder().handlers(handlers).build();
    handlers.failOn.add("2");
    AtomicInteger calls = new AtomicInteger();
    MappingSettings settings =
        new MappingSettings(
            ARN,
            100,
            Duration.ZERO,
            true,
            false,
            -1,
            null,
            1,
            Duration.ofSeconds(30),
            "f",
            message -> failed.addAll(OnFailureMessages.parse(message)),
            null);
    LocalFunction function =
        LocalFunction.of(
            new DynamoDbStreamLambda() {
              @Override
              protected StreamRouter router() {
                if (calls.getAndIncrement() > 0) {
                  handlers.failOn.clear();
                }
                return router;
              }
            });
    List<Record> sent = records(1, 3);

    new BatchInvoker(settings, function, counters, new AtomicBoolean()).deliver("s", sent);

    assertThat(handlers.records)
        .extracting(r -> r.raw())
        .containsExactly(sent.get(0), sent.get(1), sent.get(1), sent.get(2));
    assertThat(handlers.contexts.get(0).streamArn()).contains(ARN);
    assertThat(counters.invocations.get()).isEqualTo(2);
  }

  private static List<Record> records(int from, int to) {
    return records(from, to, Instant.ofEpochSecond(1_716_203_497L));
  }

  private static List<Record> records(int from, int to, Instant created) {
    List<Record> out = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      out.add(
          Record.builder()
              .eventID("e" + i)
              .eventName("INSERT")
              .eventVersion("1.1")
              .eventSource("aws:dynamodb")
              .awsRegion("us-east-1")
              .dynamodb(
                  StreamRecord.builder()
                      .approximateCreationDateTime(created)
                      .keys(
                          Map.of(
                              "PK", AttributeValue.fromS("A" + i), "SK", AttributeValue.fromS("B")))
                      .sequenceNumber(String.valueOf(i))
                      .sizeBytes(10L)
                      .streamViewType("KEYS_ONLY")
                      .build())
              .build());
    }
    return out;
  }
}
