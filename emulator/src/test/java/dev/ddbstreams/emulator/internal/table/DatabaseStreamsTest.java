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
package dev.ddbstreams.emulator.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbstreams.emulator.ManualClock;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.streams.ChangeLog;
import dev.ddbstreams.emulator.internal.streams.ChangeRecord;
import dev.ddbstreams.emulator.internal.streams.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** What the table layer hands the streams layer: one record per committed change, in order. */
class DatabaseStreamsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private final RecordingLog log = new RecordingLog();
  private final OperationRegistry registry = new OperationRegistry();
  private Database db;

  @BeforeEach
  void setUp() {
    db = new Database(clock, "us-east-1", "000000000000", log);
    db.register(registry);
    call(
        "CreateTable",
        "{'TableName':'Tbl','BillingMode':'PAY_PER_REQUEST',"
            + "'KeySchema':[{'AttributeName':'pk','KeyType':'HASH'}],"
            + "'AttributeDefinitions':[{'AttributeName':'pk','AttributeType':'S'}],"
            + "'StreamSpecification':{'StreamEnabled':true,'StreamViewType':'NEW_AND_OLD_IMAGES'}}");
  }

  private JsonNode call(String op, String json) {
    try {
      ObjectNode req = (ObjectNode) JSON.readTree(json.replace('\'', '"'));
      return registry.find("DynamoDB_20120810." + op).handle(req);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private List<String> events() {
    return log.records.stream().map(ChangeRecord::eventName).toList();
  }

  @Test
  void createTableEnablesTheStreamAndDescribeTableReportsIt() {
    assertThat(log.enabled).containsExactly("Tbl:NEW_AND_OLD_IMAGES");
    JsonNode t = call("DescribeTable", "{'TableName':'Tbl'}").get("Table");
    assertThat(t.get("LatestStreamArn").asText()).isEqualTo("arn:stream/Tbl");
    assertThat(t.get("StreamSpecification").get("StreamViewType").asText())
        .isEqualTo("NEW_AND_OLD_IMAGES");
  }

  @Test
  void writesInsertModifyAndRemoveRecordsWithImages() {
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'v':{'N':'1'}}}");
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'v':{'N':'2'}}}");
    call("DeleteItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}}}");
    assertThat(events()).containsExactly("INSERT", "MODIFY", "REMOVE");
    ChangeRecord modify = log.records.get(1);
    assertThat(modify.keys()).containsOnlyKeys("pk");
    assertThat(modify.oldImage().get("v")).isEqualTo(AttributeValue.fromN("1"));
    assertThat(modify.newImage().get("v")).isEqualTo(AttributeValue.fromN("2"));
    assertThat(log.records.get(2).newImage()).isNull();
  }

  @Test
  void anIdenticalPutOrADeleteOfNothingWritesNoRecord() {
    call(
        "PutItem",
        "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'s':{'SS':['x','y']},'n':{'N':'2'}}}");
    // Same item: set order differs, number spelled differently.
    call(
        "PutItem",
        "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'s':{'SS':['y','x']},'n':{'N':'2.00'}}}");
    call("DeleteItem", "{'TableName':'Tbl','Key':{'pk':{'S':'missing'}}}");
    assertThat(events()).containsExactly("INSERT");
  }

  @Test
  void aLegacyUpdateThatChangesNothingWritesNoRecord() {
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'v':{'S':'x'}}}");
    call(
        "UpdateItem",
        "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},"
            + "'AttributeUpdates':{'v':{'Action':'PUT','Value':{'S':'x'}}}}");
    assertThat(events()).containsExactly("INSERT");
  }

  @Test
  void anUpdateExpressionThatChangesNothingWritesNoRecordAndOneThatDoesWritesModify() {
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'s':{'SS':['x','y']}}}");
    call(
        "UpdateItem",
        "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET s = :s',"
            + "'ExpressionAttributeValues':{':s':{'SS':['y','x']}}}");
    call(
        "UpdateItem",
        "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'UpdateExpression':'ADD n :one',"
            + "'ExpressionAttributeValues':{':one':{'N':'1'}}}");
    assertThat(events()).containsExactly("INSERT", "MODIFY");
    assertThat(log.records.get(1).newImage().get("n")).isEqualTo(AttributeValue.fromN("1"));
  }

  @Test
  void aCancelledTransactionAppendsNothing() {
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'v':{'N':'1'}}}");
    log.records.clear();
    assertThatThrownBy(
            () ->
                call(
                    "TransactWriteItems",
                    "{'TransactItems':[{'Put':{'TableName':'Tbl','Item':{'pk':{'S':'b'}}}},"
                        + "{'Update':{'TableName':'Tbl','Key':{'pk':{'S':'a'}},"
                        + "'UpdateExpression':'SET v = :two','ConditionExpression':'v = :two',"
                        + "'ExpressionAttributeValues':{':two':{'N':'2'}}}}]}"))
        .hasMessageContaining("[None, ConditionalCheckFailed]");
    assertThat(log.records).isEmpty();
    assertThat(call("GetItem", "{'TableName':'Tbl','Key':{'pk':{'S':'b'}}}").has("Item")).isFalse();
  }

  @Test
  void aBatchWriteAppendsInRequestOrder() {
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'3'}}}");
    log.records.clear();
    call(
        "BatchWriteItem",
        "{'RequestItems':{'Tbl':[{'PutRequest':{'Item':{'pk':{'S':'1'}}}},"
            + "{'PutRequest':{'Item':{'pk':{'S':'2'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'3'}}}}]}}");
    assertThat(log.records)
        .extracting(r -> r.eventName() + ":" + r.keys().get("pk").s())
        .containsExactly("INSERT:1", "INSERT:2", "REMOVE:3");
  }

  @Test
  void aBatchWriteWithDuplicateKeysIsRejectedWhole() {
    assertThatThrownBy(
            () ->
                call(
                    "BatchWriteItem",
                    "{'RequestItems':{'Tbl':[{'PutRequest':{'Item':{'pk':{'S':'1'}}}},"
                        + "{'DeleteRequest':{'Key':{'pk':{'S':'1'}}}}]}}"))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("Provided list of item keys contains duplicates");
    assertThat(log.records).isEmpty();
  }

  @Test
  void aTransactionAppendsAllItsRecordsInRequestOrderAndATokenReplaysWithoutApplyingAgain() {
    String tx =
        "{'ClientRequestToken':'tok','TransactItems':["
            + "{'Put':{'TableName':'Tbl','Item':{'pk':{'S':'b'}}}},"
            + "{'Put':{'TableName':'Tbl','Item':{'pk':{'S':'a'}}}}]}";
    call("TransactWriteItems", tx);
    call("DeleteItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}}}");
    call("TransactWriteItems", tx);
    assertThat(log.records)
        .extracting(r -> r.eventName() + ":" + r.keys().get("pk").s())
        .containsExactly("INSERT:b", "INSERT:a", "REMOVE:a");
    assertThatThrownBy(
            () ->
                call(
                    "TransactWriteItems",
                    "{'ClientRequestToken':'tok','TransactItems':["
                        + "{'Put':{'TableName':'Tbl','Item':{'pk':{'S':'c'}}}}]}"))
        .isInstanceOf(AwsException.class)
        .extracting(e -> ((AwsException) e).type())
        .asString()
        .endsWith("IdempotentParameterMismatchException");
    clock.advance(Duration.ofMinutes(11));
    call("TransactWriteItems", tx);
    assertThat(events()).hasSize(4);
  }

  @Test
  void twoActionsOnOneItemAreRejected() {
    assertThatThrownBy(
            () ->
                call(
                    "TransactWriteItems",
                    "{'TransactItems':[{'Put':{'TableName':'Tbl','Item':{'pk':{'S':'a'}}}},"
                        + "{'Delete':{'TableName':'Tbl','Key':{'pk':{'S':'a'}}}}]}"))
        .hasMessageContaining("Transaction request cannot include multiple operations on one item");
    assertThat(log.records).isEmpty();
  }

  @Test
  void theTtlSweepDeletesExpiredItemsWithTtlRecordsAndIgnoresOthers() {
    call(
        "UpdateTimeToLive",
        "{'TableName':'Tbl','TimeToLiveSpecification':{'Enabled':true,'AttributeName':'exp'}}");
    long now = clock.instant().getEpochSecond();
    call(
        "PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'old'},'exp':{'N':'" + (now - 1) + "'}}}");
    call(
        "PutItem",
        "{'TableName':'Tbl','Item':{'pk':{'S':'new'},'exp':{'N':'" + (now + 60) + "'}}}");
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'txt'},'exp':{'S':'1'}}}");
    long ancient = now - 6L * 365 * 24 * 3600;
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'anc'},'exp':{'N':'" + ancient + "'}}}");
    log.records.clear();
    assertThat(db.sweepTimeToLive()).isEqualTo(1);
    assertThat(log.records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.eventName()).isEqualTo("REMOVE");
              assertThat(r.timeToLiveDelete()).isTrue();
              assertThat(r.keys().get("pk").s()).isEqualTo("old");
            });
    clock.advance(Duration.ofSeconds(61));
    assertThat(db.sweepTimeToLive()).isEqualTo(1);
  }

  @Test
  void disablingTheStreamStopsRecordsAndEnablingTwiceIsAValidationError() {
    assertThatThrownBy(
            () ->
                call(
                    "UpdateTable",
                    "{'TableName':'Tbl','StreamSpecification':"
                        + "{'StreamEnabled':true,'StreamViewType':'KEYS_ONLY'}}"))
        .hasMessageContaining("Table already has an enabled stream: TableName: Tbl");
    call("UpdateTable", "{'TableName':'Tbl','StreamSpecification':{'StreamEnabled':false}}");
    assertThat(log.disabled).containsExactly("arn:stream/Tbl");
    call("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'a'}}}");
    assertThat(log.records).isEmpty();
    JsonNode t = call("DescribeTable", "{'TableName':'Tbl'}").get("Table");
    assertThat(t.has("StreamSpecification")).isFalse();
    assertThat(t.get("LatestStreamArn").asText()).isEqualTo("arn:stream/Tbl");
  }

  @Test
  void deleteTableDisablesItsStream() {
    call("DeleteTable", "{'TableName':'Tbl'}");
    assertThat(log.disabled).containsExactly("arn:stream/Tbl");
  }

  private static final class RecordingLog implements ChangeLog {
    final List<String> enabled = new ArrayList<>();
    final List<String> disabled = new ArrayList<>();
    final List<ChangeRecord> records = new ArrayList<>();

    @Override
    public StreamInfo enable(String tableName, String viewType, List<KeySchemaElement> keys) {
      enabled.add(tableName + ":" + viewType);
      return new StreamInfo("arn:stream/" + tableName, "label");
    }

    @Override
    public void disable(String streamArn) {
      disabled.add(streamArn);
    }

    @Override
    public void append(String streamArn, ChangeRecord change) {
      records.add(change);
    }
  }
}
