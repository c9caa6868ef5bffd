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
import dev.ddbstreams.emulator.DynamoDbEmulator;
import dev.ddbstreams.emulator.ManualClock;
import dev.ddbstreams.testkit.StreamReader;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Redrive of real on-failure messages: a local event source mapping gives a batch up, its message
 * is read back as JSON, and the records are read again from the emulator's stream.
 */
class StreamRedriveIT {
  private static final ManualClock CLOCK = ManualClock.at(Instant.parse("2026-03-01T08:00:00Z"));

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient ddb;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    emulator = DynamoDbEmulator.builder().clock(CLOCK).ttlSweepInterval(Duration.ZERO).start();
    ddb = emulator.client();
    streams = emulator.streamsClient();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  private static StreamRedrive redrive(RedriveFixtures.Recording handlers) {
    return StreamRedrive.builder()
        .streams(streams)
        .router(StreamRouter.builder().handlers(handlers).build())
        .emptyReads(0, Duration.ZERO)
        .build();
  }

  private static String pk(Record r) {
    return r.dynamodb().keys().get("PK").s();
  }

  @Test
  void reRunsExactlyTheRangeTheMappingGaveUp() {
    String arn = LocalTables.createStreamTable(ddb, "Redriven");
    RedriveFixtures.writePets(ddb, "Redriven", 30);
    RedriveFixtures.Recording broken = new RedriveFixtures.Recording(Set.of("PET#14"));

    List<String> messages = RedriveFixtures.onFailureMessages(streams, arn, broken);

    assertThat(messages).hasSize(1);
    FailedBatch batch = OnFailureMessages.parse(messages.get(0)).get(0);
    List<Record> stream = StreamReader.of(streams, arn).readAll();
    List<String> givenUp =
        stream.stream().filter(r -> within(r, batch)).map(StreamRedriveIT::pk).toList();
    assertThat(givenUp).startsWith("PET#14").hasSize(batch.batchSize()).doesNotContain("PET#13");
    assertThat(broken.handled).doesNotContainAnyElementsOf(givenUp).contains("PET#29");

    RedriveFixtures.Recording fixed = new RedriveFixtures.Recording(Set.of());
    RedriveResult result = redrive(fixed).redrive(batch);

    assertThat(result.isComplete()).isTrue();
    assertThat(result.gaps()).isEmpty();
    assertThat(result.recordsRead()).isEqualTo(batch.batchSize());
    assertThat(fixed.handled).containsExactlyElementsOf(givenUp);
    assertThat(result.toString())
        .contains(batch.shardId())
        .contains(batch.batchSize() + " of " + batch.batchSize() + " records read back")
        .contains("handled " + batch.batchSize());
  }

  @Test
  void aDryRunOnlyReadsTheRecordsBack() {
    String arn = LocalTables.createStreamTable(ddb, "DryRun");
    RedriveFixtures.writePets(ddb, "DryRun", 12);
    FailedBatch batch =
        OnFailureMessages.parse(
                RedriveFixtures.onFailureMessages(
                        streams, arn, new RedriveFixtures.Recording(Set.of("PET#3")))
                    .get(0))
            .get(0);

    RedriveResult result =
        StreamRedrive.builder()
            .streams(streams)
            .emptyReads(0, Duration.ZERO)
            .build()
            .redrive(batch);

    assertThat(result.recordsRead()).isEqualTo(batch.batchSize());
    assertThat(result.result().outcomes()).isEmpty();
    assertThat(result.isComplete()).isFalse();
    assertThat(result.failedAgain()).isFalse();
    assertThat(result.toString()).contains("dry run");
  }

  @Test
  void reportsTheRangesTheStreamTrimmedAndRunsTheRest() {
    String arn = LocalTables.createStreamTable(ddb, "Aging");
    RedriveFixtures.writePets(ddb, "Aging", 5);
    CLOCK.advance(Duration.ofHours(12));
    // PET#0-4 again (unchanged, so no records), then PET#5-9.
    RedriveFixtures.writePets(ddb, "Aging", 10);
    List<Record> stream = StreamReader.of(streams, arn).readAll();
    Record first = stream.get(0);
    Record last = stream.get(stream.size() - 1);
    FailedBatch batch =
        new FailedBatch(
            arn,
            shardOf(arn),
            first.dynamodb().sequenceNumber(),
            last.dynamodb().sequenceNumber(),
            null,
            null,
            stream.size(),
            FailedBatch.Condition.RECORD_AGE_EXCEEDED,
            1);
    CLOCK.advance(Duration.ofHours(13)); // the first 5 writes are 25 hours old now

    RedriveFixtures.Recording fixed = new RedriveFixtures.Recording(Set.of());
    RedriveResult partly = redrive(fixed).redrive(batch);

    assertThat(stream).hasSize(10);
    assertThat(partly.recordsRead()).isEqualTo(5);
    assertThat(fixed.handled).containsExactly("PET#5", "PET#6", "PET#7", "PET#8", "PET#9");
    assertThat(partly.gaps())
        .containsExactly(
            new RedriveResult.Gap(
                RedriveResult.Reason.TRIMMED,
                first.dynamodb().sequenceNumber(),
                stream.get(5).dynamodb().sequenceNumber(),
                false));
    assertThat(partly.isComplete()).isFalse();
    assertThat(partly.toString())
        .contains(
            "NOT read back: TRIMMED ["
                + first.dynamodb().sequenceNumber()
                + ", "
                + stream.get(5).dynamodb().sequenceNumber()
                + ")");

    CLOCK.advance(Duration.ofHours(12)); // now all of them
    RedriveFixtures.Recording none = new RedriveFixtures.Recording(Set.of());
    RedriveResult gone = redrive(none).redrive(batch);

    assertThat(gone.recordsRead()).isZero();
    assertThat(none.handled).isEmpty();
    assertThat(gone.gaps())
        .containsExactly(
            new RedriveResult.Gap(
                RedriveResult.Reason.TRIMMED,
                batch.startSequenceNumber(),
                batch.endSequenceNumber(),
                true));
  }

  @Test
  void aShardThatIsGoneIsAGapToo() {
    String arn = LocalTables.createStreamTable(ddb, "Gone");
    FailedBatch batch =
        new FailedBatch(
            arn,
            "shardId-00000001700000000000-00000000",
            "100000000000000000001",
            "100000000000000000009",
            null,
            null,
            9,
            FailedBatch.Condition.RETRY_ATTEMPTS_EXHAUSTED,
            3);

    RedriveResult result = redrive(new RedriveFixtures.Recording(Set.of())).redrive(batch);

    assertThat(result.gaps())
        .singleElement()
        .satisfies(g -> assertThat(g.reason()).isEqualTo(RedriveResult.Reason.SHARD_GONE));
  }

  private static String shardOf(String arn) {
    return streams
        .describeStream(b -> b.streamArn(arn))
        .streamDescription()
        .shards()
        .get(0)
        .shardId();
  }

  private static boolean within(Record r, FailedBatch batch) {
    BigInteger s = new BigInteger(r.dynamodb().sequenceNumber());
    return s.compareTo(new BigInteger(batch.startSequenceNumber())) >= 0
        && s.compareTo(new BigInteger(batch.endSequenceNumber())) <= 0;
  }
}
