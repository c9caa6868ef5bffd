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
package dev.ddbstreams.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;

/** GetShardIterator's four iterator types, GetRecords' positions, and the errors of both. */
class StreamIteratorsTest {

  private final StreamFixture fixture = new StreamFixture();
  private String arn;
  private String shardId;

  @BeforeEach
  void enable() {
    arn = fixture.enable("Orders", "NEW_IMAGE");
    shardId = fixture.onlyShard(arn).shardId();
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private List<String> pks(GetRecordsResponse response) {
    return response.records().stream().map(r -> r.dynamodb().keys().get("pk").s()).toList();
  }

  private String sequenceIterator(ShardIteratorType type, String sequenceNumber) {
    return fixture
        .client
        .getShardIterator(
            b ->
                b.streamArn(arn)
                    .shardId(shardId)
                    .shardIteratorType(type)
                    .sequenceNumber(sequenceNumber))
        .shardIterator();
  }

  @Test
  void trimHorizonStartsAtTheOldestRecordAndLatestAfterTheNewest() {
    fixture.insert(arn, "a", 1);
    fixture.insert(arn, "b", 1);
    String trimHorizon = fixture.trimHorizon(arn, shardId);
    String latest = fixture.iterator(arn, shardId, ShardIteratorType.LATEST);
    fixture.insert(arn, "c", 1);

    assertThat(pks(fixture.records(trimHorizon))).containsExactly("a", "b", "c");
    assertThat(pks(fixture.records(latest))).containsExactly("c");
  }

  @Test
  void atSequenceNumberStartsAtThatRecordAndAfterSequenceNumberRightAfterIt() {
    fixture.insert(arn, "a", 1);
    fixture.insert(arn, "b", 1);
    fixture.insert(arn, "c", 1);
    List<Record> records = fixture.readAll(arn, shardId);
    String second = records.get(1).dynamodb().sequenceNumber();

    String at = sequenceIterator(ShardIteratorType.AT_SEQUENCE_NUMBER, second);
    String after = sequenceIterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, second);

    assertThat(pks(fixture.records(at))).containsExactly("b", "c");
    assertThat(pks(fixture.records(after))).containsExactly("c");
  }

  @Test
  void anOpenShardWithNothingNewAnswersNoRecordsAndAnIteratorThatSeesLaterRecords() {
    GetRecordsResponse empty = fixture.records(fixture.trimHorizon(arn, shardId));

    assertThat(empty.records()).isEmpty();
    assertThat(empty.nextShardIterator()).isNotNull();
    assertThat(empty.nextShardIterator()).startsWith(arn + "|");

    fixture.insert(arn, "a", 1);
    GetRecordsResponse next = fixture.records(empty.nextShardIterator());
    assertThat(pks(next)).containsExactly("a");
    assertThat(pks(fixture.records(next.nextShardIterator()))).isEmpty();
  }

  @Test
  void aSequenceNumberOutsideTheShardsRangeIsAValidationError() {
    fixture.insert(arn, "a", 1);
    String other = fixture.enable("Other", "KEYS_ONLY");
    fixture.insert(other, "z", 1);
    String otherSequence =
        fixture
            .readAll(other, fixture.onlyShard(other).shardId())
            .get(0)
            .dynamodb()
            .sequenceNumber();

    for (String sequence : List.of("000000000000000000001", "9".repeat(40), otherSequence)) {
      assertThatThrownBy(() -> sequenceIterator(ShardIteratorType.AT_SEQUENCE_NUMBER, sequence))
          .as(sequence)
          .isInstanceOfSatisfying(
              DynamoDbException.class,
              e -> {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                assertThat(e.awsErrorDetails().errorMessage()).startsWith("Invalid SequenceNumber");
              });
    }
  }

  @Test
  void aSequenceNumberIsRequiredExactlyForTheSequenceNumberIteratorTypes() {
    assertThatThrownBy(
            () ->
                fixture.client.getShardIterator(
                    b ->
                        b.streamArn(arn)
                            .shardId(shardId)
                            .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)))
        .isInstanceOfSatisfying(DynamoDbException.class, StreamIteratorsTest::isValidation);
    assertThatThrownBy(
            () -> sequenceIterator(ShardIteratorType.TRIM_HORIZON, "100000000000000000001"))
        .isInstanceOfSatisfying(DynamoDbException.class, StreamIteratorsTest::isValidation);
  }

  @Test
  void anUnknownStreamOrShardIsResourceNotFoundAndAMalformedArnAValidationError() {
    String unknownStream = arn.replace("Orders", "Nothing");
    assertThatThrownBy(() -> fixture.trimHorizon(unknownStream, shardId))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> fixture.trimHorizon(arn, "shardId-00000000000000000000-00000000"))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> fixture.trimHorizon("arn:aws:s3:::not-a-stream-arn-at-all-x", shardId))
        .isInstanceOfSatisfying(DynamoDbException.class, StreamIteratorsTest::isValidation);
  }

  @Test
  void anIteratorExpiresFifteenMinutesAfterItWasIssued() {
    String iterator = fixture.trimHorizon(arn, shardId);
    fixture.clock.advance(Duration.ofMinutes(14));
    String next = fixture.records(iterator).nextShardIterator();
    fixture.clock.advance(Duration.ofMinutes(1));

    assertThatThrownBy(() -> fixture.records(iterator))
        .isInstanceOfSatisfying(
            ExpiredIteratorException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredIteratorException"));
    assertThat(fixture.records(next).records()).as("issued a minute ago").isEmpty();
  }

  @Test
  void anEditedIteratorIsRejected() {
    String iterator = fixture.trimHorizon(arn, shardId);
    String edited = iterator.substring(0, iterator.length() - 6) + "AAAAAA";

    assertThatThrownBy(() -> fixture.records(edited))
        .isInstanceOfSatisfying(DynamoDbException.class, StreamIteratorsTest::isValidation);
    assertThatThrownBy(() -> fixture.records("garbage"))
        .isInstanceOfSatisfying(DynamoDbException.class, StreamIteratorsTest::isValidation);
  }

  @Test
  void recordsOlderThanTwentyFourHoursAreTrimmed() {
    fixture.insert(arn, "old", 1);
    fixture.clock.advance(Duration.ofHours(23).plusMinutes(50));
    fixture.insert(arn, "young", 1);
    String oldSequence = fixture.readAll(arn, shardId).get(0).dynamodb().sequenceNumber();
    String beforeTrim = fixture.trimHorizon(arn, shardId);

    fixture.clock.advance(Duration.ofMinutes(10));

    assertThat(pks(fixture.records(fixture.trimHorizon(arn, shardId)))).containsExactly("young");
    assertThatThrownBy(() -> fixture.records(beforeTrim))
        .as("an iterator issued before its record was trimmed")
        .isInstanceOf(TrimmedDataAccessException.class);
    assertThatThrownBy(() -> sequenceIterator(ShardIteratorType.AT_SEQUENCE_NUMBER, oldSequence))
        .isInstanceOf(TrimmedDataAccessException.class);
    assertThat(
            pks(
                fixture.records(
                    sequenceIterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, oldSequence))))
        .as("after the last trimmed record is the oldest one left")
        .containsExactly("young");
  }

  @Test
  void limitIsCheckedAgainstTheApiModel() {
    String iterator = fixture.trimHorizon(arn, shardId);
    assertThatThrownBy(() -> fixture.client.getRecords(b -> b.shardIterator(iterator).limit(0)))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                        "1 validation error detected: Value '0' at 'limit' failed to satisfy"
                            + " constraint: Member must have value greater than or equal to 1"));
    assertThatThrownBy(() -> fixture.client.getRecords(b -> b.shardIterator(iterator).limit(1001)))
        .isInstanceOfSatisfying(DynamoDbException.class, StreamIteratorsTest::isValidation);
  }

  private static void isValidation(DynamoDbException e) {
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }
}
