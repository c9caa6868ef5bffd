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

import dev.ddbstreams.emulator.internal.streams.StreamInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** A stream's life: enabling, describing, disabling, and leaving after retention. */
class StreamLifecycleTest {

  private final StreamFixture fixture = new StreamFixture();

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void aStreamIsLabelledWithItsCreationTimeInMilliseconds() {
    fixture.clock.advance(Duration.ofMillis(42));
    StreamInfo first = fixture.store.enable("Orders", "KEYS_ONLY", StreamFixture.HASH_KEY);
    fixture.store.disable(first.streamArn());
    StreamInfo second = fixture.store.enable("Orders", "KEYS_ONLY", StreamFixture.HASH_KEY);

    assertThat(first.streamLabel()).isEqualTo("2026-01-01T00:00:00.042");
    assertThat(first.streamArn())
        .isEqualTo(
            "arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/2026-01-01T00:00:00.042");
    assertThat(second.streamLabel())
        .as("a second stream of the table in the same millisecond")
        .isEqualTo("2026-01-01T00:00:00.043");
  }

  @Test
  void describeStreamReportsTheStreamAsTheApiReferenceShowsIt() {
    String arn =
        fixture
            .store
            .enable("Orders", "NEW_AND_OLD_IMAGES", StreamFixture.HASH_AND_RANGE_KEY)
            .streamArn();

    StreamDescription description =
        fixture.client.describeStream(b -> b.streamArn(arn)).streamDescription();

    assertThat(description.streamArn()).isEqualTo(arn);
    assertThat(description.streamLabel()).isEqualTo("2026-01-01T00:00:00.000");
    assertThat(description.streamStatus()).isEqualTo(StreamStatus.ENABLED);
    assertThat(description.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(description.creationRequestDateTime()).isEqualTo(StreamFixture.START);
    assertThat(description.tableName()).isEqualTo("Orders");
    assertThat(description.keySchema())
        .extracting(k -> k.attributeName() + " " + k.keyType())
        .containsExactly("pk " + KeyType.HASH, "sk " + KeyType.RANGE);
    assertThat(description.shards()).hasSize(1);
    assertThat(description.lastEvaluatedShardId()).isNull();
  }

  @Test
  void aDisabledStreamClosesItsShardsTakesNoMoreRecordsAndStaysReadable() {
    String arn = fixture.enable("Orders", "KEYS_ONLY");
    fixture.insert(arn, "a", 1);
    String shardId = fixture.onlyShard(arn).shardId();

    fixture.store.disable(arn);
    fixture.insert(arn, "b", 1);
    fixture.store.rollOverShards();

    StreamDescription description =
        fixture.client.describeStream(b -> b.streamArn(arn)).streamDescription();
    assertThat(description.streamStatus()).isEqualTo(StreamStatus.DISABLED);
    assertThat(description.shards()).as("no rollover of a disabled stream").hasSize(1);
    assertThat(description.shards().get(0).sequenceNumberRange().endingSequenceNumber())
        .isNotNull();
    GetRecordsResponse response = fixture.records(fixture.trimHorizon(arn, shardId));
    assertThat(response.records())
        .extracting(r -> r.dynamodb().keys().get("pk").s())
        .containsExactly("a");
    assertThat(response.nextShardIterator()).isNull();
  }

  @Test
  void aClosedShardDisappearsTwentyFourHoursAfterItClosed() {
    String arn = fixture.enable("Orders", "KEYS_ONLY");
    fixture.insert(arn, "a", 1);
    String parentId = fixture.onlyShard(arn).shardId();
    fixture.clock.advance(Duration.ofHours(20));
    fixture.store.rollOverShards();

    fixture.clock.advance(Duration.ofHours(23));
    assertThat(fixture.shards(arn)).hasSize(2);
    fixture.clock.advance(Duration.ofHours(1));

    List<Shard> shards = fixture.shards(arn);
    assertThat(shards).hasSize(1);
    assertThat(shards.get(0).parentShardId()).isEqualTo(parentId);
    assertThatThrownBy(() -> fixture.trimHorizon(arn, parentId))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aDisabledStreamIsGoneTwentyFourHoursAfterItWasDisabled() {
    String arn = fixture.enable("Orders", "KEYS_ONLY");
    fixture.insert(arn, "a", 1);
    String shardId = fixture.onlyShard(arn).shardId();
    fixture.store.disable(arn);
    fixture.clock.advance(Duration.ofHours(24));

    assertThat(fixture.client.listStreams().streams()).isEmpty();
    assertThatThrownBy(() -> fixture.client.describeStream(b -> b.streamArn(arn)))
        .isInstanceOf(ResourceNotFoundException.class);

    fixture.store.rollOverDueShards(); // frees it; the answers stay the same
    assertThat(fixture.client.listStreams().streams()).isEmpty();
    assertThatThrownBy(() -> fixture.trimHorizon(arn, shardId))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void throttlingOfAStreamsOperationIsLimitExceeded() {
    String arn = fixture.enable("Orders", "KEYS_ONLY");
    String iterator = fixture.trimHorizon(arn, fixture.onlyShard(arn).shardId());
    fixture.faults.add(Fault.throttling().onOperations("GetRecords").onTables("Orders").times(1));

    assertThatThrownBy(() -> fixture.records(iterator)).isInstanceOf(LimitExceededException.class);
    assertThat(fixture.records(iterator).records()).isEmpty();
  }

  @Test
  void creationRequestDateTimeKeepsTheMilliseconds() {
    fixture.clock.advance(Duration.ofMillis(1_250));
    String arn = fixture.enable("Orders", "KEYS_ONLY");

    Instant created =
        fixture
            .client
            .describeStream(b -> b.streamArn(arn))
            .streamDescription()
            .creationRequestDateTime();

    assertThat(
            new BigDecimal(created.getEpochSecond()).add(BigDecimal.valueOf(created.getNano(), 9)))
        .isEqualByComparingTo(BigDecimal.valueOf(StreamFixture.START.toEpochMilli() + 1_250, 3));
  }
}
