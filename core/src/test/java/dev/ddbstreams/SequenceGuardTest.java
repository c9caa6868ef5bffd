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

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The requests the guard makes; {@code SequenceGuardIT} runs them against the emulator. */
class SequenceGuardTest {
  private static final Map<String, AttributeValue> KEY =
      Map.of("PK", AttributeValue.fromS("USER#1"), "SK", AttributeValue.fromS("PET#1"));
  private static final String NEWER =
      "(attribute_not_exists(#ddbstreams_seq) OR #ddbstreams_seq < :ddbstreams_seq)";

  private final SequenceGuard guard = SequenceGuard.inAttribute("seq");

  private static PutItemRequest put(Map<String, AttributeValue> item) {
    return PutItemRequest.builder().tableName("T").item(item).build();
  }

  @Test
  void aGuardedPutStoresThePaddedSequenceAndAppliesOnlyOverAnOlderOne() {
    PutItemRequest guarded = guard.guardPut(put(KEY), SequenceNumber.of("4200"));

    assertThat(guarded.item())
        .containsAllEntriesOf(KEY)
        .containsEntry("seq", AttributeValue.fromS("0".repeat(36) + "4200"))
        .hasSize(3);
    assertThat(guarded.conditionExpression()).isEqualTo(NEWER);
    assertThat(guarded.expressionAttributeNames())
        .containsExactly(Map.entry("#ddbstreams_seq", "seq"));
    assertThat(guarded.expressionAttributeValues())
        .containsExactly(
            Map.entry(":ddbstreams_seq", SequenceGuard.storedValue(SequenceNumber.of("4200"))));
  }

  @Test
  void aSnapshotPutAppliesOnlyWhereNoSequenceIsStoredAndStoresNone() {
    Map<String, AttributeValue> image = new HashMap<>(KEY);
    image.put("seq", AttributeValue.fromS("copied from the source"));

    PutItemRequest guarded = guard.guardPut(put(image), null);

    assertThat(guarded.item()).isEqualTo(KEY);
    assertThat(guarded.conditionExpression()).isEqualTo("attribute_not_exists(#ddbstreams_seq)");
    assertThat(guarded.hasExpressionAttributeValues())
        .as("DynamoDB refuses an empty ExpressionAttributeValues")
        .isFalse();
  }

  @Test
  void theRequestsOwnConditionMustHoldToo() {
    PutItemRequest own =
        put(KEY).toBuilder()
            .conditionExpression("#w < :max")
            .expressionAttributeNames(Map.of("#w", "weightKg"))
            .expressionAttributeValues(Map.of(":max", AttributeValue.fromN("100")))
            .build();

    PutItemRequest guarded = guard.guardPut(own, SequenceNumber.of("7"));

    assertThat(guarded.conditionExpression()).isEqualTo("(#w < :max) AND " + NEWER);
    assertThat(guarded.expressionAttributeNames())
        .containsEntry("#w", "weightKg")
        .containsEntry("#ddbstreams_seq", "seq");
    assertThat(guarded.expressionAttributeValues())
        .containsEntry(":max", AttributeValue.fromN("100"))
        .containsKey(":ddbstreams_seq");
  }

  @Test
  void aGuardedUpdateSetsTheSequenceInItsSetClauseOrAddsOne() {
    UpdateItemRequest withSet =
        UpdateItemRequest.builder()
            .tableName("T")
            .key(KEY)
            .updateExpression("ADD activityCount :one SET lastActivity = :type")
            .expressionAttributeValues(
                Map.of(":one", AttributeValue.fromN("1"), ":type", AttributeValue.fromS("walk")))
            .build();
    UpdateItemRequest addOnly =
        withSet.toBuilder()
            .updateExpression("ADD activityCount :one")
            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
            .build();

    assertThat(guard.guardUpdate(withSet, SequenceNumber.of("9")).updateExpression())
        .isEqualTo(
            "ADD activityCount :one SET #ddbstreams_seq = :ddbstreams_seq, lastActivity = :type");
    assertThat(guard.guardUpdate(addOnly, SequenceNumber.of("9")).updateExpression())
        .isEqualTo("ADD activityCount :one SET #ddbstreams_seq = :ddbstreams_seq");
    assertThat(guard.guardUpdate(addOnly, SequenceNumber.of("9")).conditionExpression())
        .isEqualTo(NEWER);
    assertThat(guard.guardUpdate(addOnly, null).updateExpression())
        .as("a snapshot sets no sequence")
        .isEqualTo("ADD activityCount :one");
  }

  @Test
  void theSetClauseIsNotConfusedWithNamesOrPlaceholdersThatContainSet() {
    UpdateItemRequest update =
        UpdateItemRequest.builder()
            .tableName("T")
            .key(KEY)
            .updateExpression("REMOVE #SET, asset[0] ADD :set_count :set")
            .build();

    assertThat(guard.guardUpdate(update, SequenceNumber.of("1")).updateExpression())
        .isEqualTo(
            "REMOVE #SET, asset[0] ADD :set_count :set SET #ddbstreams_seq = :ddbstreams_seq");
  }

  @Test
  void aGuardedDeleteAppliesOnlyOverAnOlderSequence() {
    DeleteItemRequest guarded =
        guard.guardDelete(
            DeleteItemRequest.builder().tableName("T").key(KEY).build(), SequenceNumber.of("12"));

    assertThat(guarded.key()).isEqualTo(KEY);
    assertThat(guarded.conditionExpression()).isEqualTo(NEWER);
    assertThat(guarded.expressionAttributeValues())
        .containsExactly(
            Map.entry(":ddbstreams_seq", SequenceGuard.storedValue(SequenceNumber.of("12"))));
  }

  @Test
  void refusesWhatCannotBeCombinedWithAConditionExpression() {
    PutItemRequest legacy =
        put(KEY).toBuilder()
            .expected(Map.of("PK", ExpectedAttributeValue.builder().exists(false).build()))
            .build();
    UpdateItemRequest legacyUpdate =
        UpdateItemRequest.builder()
            .tableName("T")
            .key(KEY)
            .attributeUpdates(Map.of("n", AttributeValueUpdate.builder().build()))
            .build();
    PutItemRequest clash =
        put(KEY).toBuilder()
            .conditionExpression("#ddbstreams_seq = #ddbstreams_seq")
            .expressionAttributeNames(Map.of("#ddbstreams_seq", "x"))
            .build();

    assertThatThrownBy(() -> guard.guardPut(legacy, SequenceNumber.of("1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("legacy Expected");
    assertThatThrownBy(() -> guard.guardUpdate(legacyUpdate, SequenceNumber.of("1")))
        .hasMessageContaining("legacy AttributeUpdates");
    assertThatThrownBy(
            () ->
                guard.guardUpdate(
                    legacyUpdate.toBuilder().attributeUpdates(null).build(),
                    SequenceNumber.of("1")))
        .hasMessageContaining("no UpdateExpression");
    assertThatThrownBy(() -> guard.guardPut(clash, SequenceNumber.of("1")))
        .hasMessageContaining("placeholder");
  }

  @Test
  void sequenceNumbersMustBeOneToFortyDigits() {
    assertThat(SequenceGuard.storedValue(SequenceNumber.of("1".repeat(40))).s()).hasSize(40);
    assertThatThrownBy(() -> SequenceGuard.storedValue(SequenceNumber.of("1".repeat(41))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 40 digits");
    assertThatThrownBy(() -> SequenceGuard.storedValue(SequenceNumber.of("12a")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SequenceGuard.storedValue(SequenceNumber.of("")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> guard.guardPut(put(KEY), SequenceNumber.of("-1")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SequenceGuard.inAttribute(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storedValuesCompareAsTextLikeTheNumbersTheyHold() {
    SeededCases.check(
        500,
        gen -> new String[] {number(gen), number(gen)},
        pair -> pair[0] + " vs " + pair[1],
        pair -> {
          int asNumbers =
              Integer.signum(new BigInteger(pair[0]).compareTo(new BigInteger(pair[1])));
          int asText =
              Integer.signum(
                  SequenceGuard.storedValue(SequenceNumber.of(pair[0]))
                      .s()
                      .compareTo(SequenceGuard.storedValue(SequenceNumber.of(pair[1])).s()));
          assertThat(asText).isEqualTo(asNumbers);
        });
  }

  /** A sequence number as streams write them: no leading zeros, 1 to 40 digits. */
  private static String number(Gen gen) {
    String digits = gen.digits(1, 40);
    String trimmed = digits.replaceFirst("^0+(?=.)", "");
    return trimmed;
  }

  @Test
  void printsItsAttributesOnly() {
    assertThat(guard).hasToString("SequenceGuard[attribute=seq]");
    assertThat(guard.withTombstones("deletedUntil", Duration.ofHours(48)))
        .hasToString("SequenceGuard[attribute=seq, tombstones=deletedUntil for PT48H]");
  }

  @Test
  void withTombstonesADeleteIsAPutOfTheKeyTheSequenceAndTheExpiry() {
    Instant now = Instant.parse("2026-11-24T08:00:00Z");
    SequenceGuard tombstones =
        guard.withTombstones(
            "deletedUntil", Duration.ofHours(48), Clock.fixed(now, ZoneOffset.UTC));

    PutItemRequest tombstone =
        tombstones.guardTombstone(
            DeleteItemRequest.builder().tableName("T").key(KEY).build(), SequenceNumber.of("12"));

    assertThat(tombstone.tableName()).isEqualTo("T");
    assertThat(tombstone.item())
        .containsAllEntriesOf(KEY)
        .containsEntry("seq", SequenceGuard.storedValue(SequenceNumber.of("12")))
        .containsEntry(
            "deletedUntil", AttributeValue.fromN(Long.toString(now.getEpochSecond() + 48 * 3600)))
        .hasSize(4);
    assertThat(tombstone.conditionExpression()).isEqualTo(NEWER);
    assertThat(tombstones.isTombstone(tombstone.item())).isTrue();
    assertThat(tombstones.isTombstone(KEY)).isFalse();
    assertThat(guard.isTombstone(tombstone.item())).as("a guard without tombstones").isFalse();
    assertThatThrownBy(
            () ->
                guard.guardTombstone(
                    DeleteItemRequest.builder().tableName("T").key(KEY).build(),
                    SequenceNumber.of("1")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void withTombstonesPutsAndUpdatesOfNewerChangesClearTheMark() {
    SequenceGuard tombstones = guard.withTombstones("deletedUntil", Duration.ofDays(2));
    Map<String, AttributeValue> item = new HashMap<>(KEY);
    item.put("deletedUntil", AttributeValue.fromN("1"));
    UpdateItemRequest update =
        UpdateItemRequest.builder()
            .tableName("T")
            .key(KEY)
            .updateExpression("SET a = :a REMOVE b")
            .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("x")))
            .build();

    assertThat(tombstones.guardPut(put(item), SequenceNumber.of("5")).item())
        .doesNotContainKey("deletedUntil");
    UpdateItemRequest guarded = tombstones.guardUpdate(update, SequenceNumber.of("5"));
    assertThat(guarded.updateExpression())
        .isEqualTo("SET #ddbstreams_seq = :ddbstreams_seq, a = :a REMOVE #ddbstreams_tomb, b");
    assertThat(guarded.expressionAttributeNames())
        .containsEntry("#ddbstreams_tomb", "deletedUntil");
    assertThat(tombstones.guardUpdate(update, null).expressionAttributeNames())
        .as("a snapshot never touches a tombstone: its condition fails on one")
        .doesNotContainKey("#ddbstreams_tomb");
    assertThatThrownBy(() -> guard.withTombstones("seq", Duration.ofDays(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> guard.withTombstones("t", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void appliesOverFollowsTheGuardsRuleForViewsOutsideDynamoDb() {
    assertThat(SequenceGuard.appliesOver(null, null)).as("a snapshot over nothing").isTrue();
    assertThat(SequenceGuard.appliesOver("", null)).as("a snapshot over a snapshot").isTrue();
    assertThat(SequenceGuard.appliesOver("5", null)).as("a snapshot over a change").isFalse();
    assertThat(SequenceGuard.appliesOver(null, SequenceNumber.of("5"))).isTrue();
    assertThat(SequenceGuard.appliesOver("", SequenceNumber.of("5")))
        .as("a change over a snapshot")
        .isTrue();
    assertThat(SequenceGuard.appliesOver("5", SequenceNumber.of("5")))
        .as("the same change")
        .isFalse();
    assertThat(SequenceGuard.appliesOver("99", SequenceNumber.of("100")))
        .as("by number, not text")
        .isTrue();
    assertThat(SequenceGuard.appliesOver("100", SequenceNumber.of("99"))).isFalse();
  }
}
