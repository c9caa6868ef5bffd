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
package dev.ddbstreams.emulator.conformance;

import static dev.ddbstreams.emulator.conformance.Conformance.attribute;
import static dev.ddbstreams.emulator.conformance.Conformance.createTable;
import static dev.ddbstreams.emulator.conformance.Conformance.item;
import static dev.ddbstreams.emulator.conformance.Conformance.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class ControlPlaneIT {

  private static DynamoDbEmulator emulator;
  private static DynamoDbClient ddb;

  @BeforeAll
  static void start() {
    emulator = DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start();
    ddb = emulator.client();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  @DisplayName("CreateTable answers CREATING, DescribeTable ACTIVE at once, and the waiter returns")
  void createTableThenActive() {
    CreateTableResponse created =
        ddb.createTable(
            b ->
                b.tableName("Orders")
                    .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                    .attributeDefinitions(
                        attribute("pk", ScalarAttributeType.S),
                        attribute("sk", ScalarAttributeType.N),
                        attribute("gpk", ScalarAttributeType.S))
                    .provisionedThroughput(p -> p.readCapacityUnits(5L).writeCapacityUnits(7L))
                    .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder()
                            .indexName("byG")
                            .keySchema(key("gpk", KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                            .provisionedThroughput(
                                p -> p.readCapacityUnits(1L).writeCapacityUnits(1L))
                            .build())
                    .localSecondaryIndexes(
                        LocalSecondaryIndex.builder()
                            .indexName("byPkG")
                            .keySchema(key("pk", KeyType.HASH), key("gpk", KeyType.RANGE))
                            .projection(
                                p ->
                                    p.projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes("total"))
                            .build())
                    .tags(Tag.builder().key("team").value("core").build())
                    .deletionProtectionEnabled(false)
                    .tableClass("STANDARD_INFREQUENT_ACCESS"));
    assertThat(created.tableDescription().tableStatus()).isEqualTo(TableStatus.CREATING);
    ddb.waiter().waitUntilTableExists(b -> b.tableName("Orders"));
    TableDescription t = ddb.describeTable(b -> b.tableName("Orders")).table();
    assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
    assertThat(t.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/Orders");
    assertThat(t.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
    assertThat(t.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
    assertThat(t.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(t.itemCount()).isZero();
    assertThat(t.creationDateTime()).isNotNull();
    assertThat(t.tableClassSummary().tableClassAsString()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
    GlobalSecondaryIndexDescription gsi = t.globalSecondaryIndexes().get(0);
    assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    assertThat(t.localSecondaryIndexes().get(0).projection().nonKeyAttributes())
        .containsExactly("total");
    assertThat(ddb.listTagsOfResource(b -> b.resourceArn(t.tableArn())).tags())
        .containsExactly(Tag.builder().key("team").value("core").build());
  }

  @Test
  @DisplayName("CreateTable of an existing table is ResourceInUseException")
  void createExisting() {
    createTable(ddb, "Twice", "pk", null);
    assertThatThrownBy(() -> createTable(ddb, "Twice", "pk", null))
        .isInstanceOf(ResourceInUseException.class)
        .hasMessageContaining("Table already exists: Twice");
  }

  @Test
  @DisplayName("CreateTable rejects a key attribute missing from AttributeDefinitions")
  void createRejectsUndefinedKey() {
    assertThatThrownBy(
            () ->
                ddb.createTable(
                    b ->
                        b.tableName("Bad")
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(key("pk", KeyType.HASH))
                            .attributeDefinitions(attribute("other", ScalarAttributeType.S))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("Some index key attributes are not defined in AttributeDefinitions");
  }

  @Test
  @DisplayName("CreateTable rejects AttributeDefinitions that no key uses")
  void createRejectsUnusedDefinition() {
    assertThatThrownBy(
            () ->
                ddb.createTable(
                    b ->
                        b.tableName("Bad2")
                            .billingMode(BillingMode.PAY_PER_REQUEST)
                            .keySchema(key("pk", KeyType.HASH))
                            .attributeDefinitions(
                                attribute("pk", ScalarAttributeType.S),
                                attribute("extra", ScalarAttributeType.S))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining(
            "Number of attributes in KeySchema does not exactly match number of attributes"
                + " defined in AttributeDefinitions");
  }

  @Test
  @DisplayName("CreateTable in PROVISIONED mode requires ProvisionedThroughput")
  void provisionedNeedsThroughput() {
    assertThatThrownBy(
            () ->
                ddb.createTable(
                    b ->
                        b.tableName("Bad3")
                            .keySchema(key("pk", KeyType.HASH))
                            .attributeDefinitions(attribute("pk", ScalarAttributeType.S))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("ReadCapacityUnits and WriteCapacityUnits must both be specified");
  }

  @Test
  @DisplayName("DescribeTable of a missing table is ResourceNotFoundException")
  void describeMissing() {
    assertThatThrownBy(() -> ddb.describeTable(b -> b.tableName("Nope")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  @DisplayName("DescribeTable reports ItemCount and TableSizeBytes of the items stored")
  void describeCounts() {
    createTable(ddb, "Counted", "pk", null);
    ddb.putItem(b -> b.tableName("Counted").item(item("pk", "a", "v", "xyz")));
    ddb.putItem(b -> b.tableName("Counted").item(item("pk", "b")));
    TableDescription t = ddb.describeTable(b -> b.tableName("Counted")).table();
    assertThat(t.itemCount()).isEqualTo(2);
    // "pk"+"a" = 3, "v"+"xyz" = 4, "pk"+"b" = 3
    assertThat(t.tableSizeBytes()).isEqualTo(10);
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
  }

  @Test
  @DisplayName("ListTables pages with Limit and LastEvaluatedTableName in name order")
  void listTablesPages() {
    try (DynamoDbEmulator own =
        DynamoDbEmulator.builder().ttlSweepInterval(Duration.ZERO).start()) {
      DynamoDbClient c = own.client();
      for (String n : List.of("ccc", "aaa", "bbb")) {
        createTable(c, n, "pk", null);
      }
      ListTablesResponse first = c.listTables(b -> b.limit(2));
      assertThat(first.tableNames()).containsExactly("aaa", "bbb");
      assertThat(first.lastEvaluatedTableName()).isEqualTo("bbb");
      ListTablesResponse second = c.listTables(b -> b.exclusiveStartTableName("bbb"));
      assertThat(second.tableNames()).containsExactly("ccc");
      assertThat(second.lastEvaluatedTableName()).isNull();
      assertThat(c.listTablesPaginator().tableNames()).containsExactly("aaa", "bbb", "ccc");
    }
  }

  @Test
  @DisplayName("UpdateTable creates a GSI with backfill; DescribeTable shows it ACTIVE")
  void updateTableCreatesIndex() {
    createTable(ddb, "Backfill", "pk", null);
    ddb.putItem(b -> b.tableName("Backfill").item(item("pk", "1", "owner", "w1")));
    ddb.putItem(b -> b.tableName("Backfill").item(item("pk", "2")));
    ddb.updateTable(
        b ->
            b.tableName("Backfill")
                .attributeDefinitions(attribute("owner", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .create(
                            c ->
                                c.indexName("byOwner")
                                    .keySchema(key("owner", KeyType.HASH))
                                    .projection(p -> p.projectionType(ProjectionType.ALL)))
                        .build()));
    TableDescription t = ddb.describeTable(b -> b.tableName("Backfill")).table();
    GlobalSecondaryIndexDescription gsi = t.globalSecondaryIndexes().get(0);
    assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
    assertThat(gsi.itemCount()).isEqualTo(1);
    assertThat(ddb.scan(b -> b.tableName("Backfill").indexName("byOwner")).items())
        .containsExactly(item("pk", "1", "owner", "w1"));
    ddb.updateTable(
        b ->
            b.tableName("Backfill")
                .globalSecondaryIndexUpdates(
                    GlobalSecondaryIndexUpdate.builder()
                        .delete(d -> d.indexName("byOwner"))
                        .build()));
    assertThat(ddb.describeTable(b -> b.tableName("Backfill")).table().globalSecondaryIndexes())
        .isEmpty();
  }

  @Test
  @DisplayName("UpdateTable changes billing mode and throughput, echoed by DescribeTable")
  void updateBilling() {
    createTable(ddb, "Billing", "pk", null);
    ddb.updateTable(
        b ->
            b.tableName("Billing")
                .billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(p -> p.readCapacityUnits(3L).writeCapacityUnits(4L)));
    TableDescription t = ddb.describeTable(b -> b.tableName("Billing")).table();
    assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
    assertThat(t.provisionedThroughput().writeCapacityUnits()).isEqualTo(4L);
  }

  @Test
  @DisplayName("UpdateTable with nothing to change is a ValidationException")
  void updateNothing() {
    createTable(ddb, "Unchanged", "pk", null);
    assertThatThrownBy(() -> ddb.updateTable(b -> b.tableName("Unchanged")))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("At least one of");
  }

  @Test
  @DisplayName("DeleteTable answers DELETING and the table is gone (waiter returns)")
  void deleteTable() {
    createTable(ddb, "Doomed", "pk", null);
    DeleteTableResponse r = ddb.deleteTable(b -> b.tableName("Doomed"));
    assertThat(r.tableDescription().tableStatus()).isEqualTo(TableStatus.DELETING);
    ddb.waiter().waitUntilTableNotExists(b -> b.tableName("Doomed"));
    assertThatThrownBy(() -> ddb.getItem(b -> b.tableName("Doomed").key(item("pk", "x"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  @DisplayName("DeleteTable of a table with deletion protection is a ValidationException")
  void deletionProtection() {
    ddb.createTable(
        b ->
            b.tableName("Protected")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(key("pk", KeyType.HASH))
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S))
                .deletionProtectionEnabled(true));
    assertThatThrownBy(() -> ddb.deleteTable(b -> b.tableName("Protected")))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("protected against deletion");
    ddb.updateTable(b -> b.tableName("Protected").deletionProtectionEnabled(false));
    ddb.deleteTable(b -> b.tableName("Protected"));
  }

  @Test
  @DisplayName("UpdateTimeToLive enables TTL, DescribeTimeToLive reports it, enabling twice fails")
  void timeToLive() {
    createTable(ddb, "Ttl", "pk", null);
    assertThat(
            ddb.describeTimeToLive(b -> b.tableName("Ttl"))
                .timeToLiveDescription()
                .timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
    ddb.updateTimeToLive(
        b ->
            b.tableName("Ttl")
                .timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
    var d = ddb.describeTimeToLive(b -> b.tableName("Ttl")).timeToLiveDescription();
    assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(d.attributeName()).isEqualTo("expires");
    assertThatThrownBy(
            () ->
                ddb.updateTimeToLive(
                    b ->
                        b.tableName("Ttl")
                            .timeToLiveSpecification(
                                s -> s.enabled(true).attributeName("expires"))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageContaining("TimeToLive is already enabled");
  }

  @Test
  @DisplayName("TagResource, UntagResource and ListTagsOfResource work on the table ARN")
  void tags() {
    createTable(ddb, "Tagged", "pk", null);
    String arn = ddb.describeTable(b -> b.tableName("Tagged")).table().tableArn();
    ddb.tagResource(
        b ->
            b.resourceArn(arn)
                .tags(
                    Tag.builder().key("a").value("1").build(),
                    Tag.builder().key("b").value("2").build()));
    ddb.untagResource(b -> b.resourceArn(arn).tagKeys("a"));
    assertThat(ddb.listTagsOfResource(b -> b.resourceArn(arn)).tags())
        .containsExactly(Tag.builder().key("b").value("2").build());
  }

  @Test
  @DisplayName("Continuous backups are accepted and echoed; DescribeLimits answers")
  void backupsAndLimits() {
    createTable(ddb, "Backed", "pk", null);
    ddb.updateContinuousBackups(
        b ->
            b.tableName("Backed")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    assertThat(
            ddb.describeContinuousBackups(b -> b.tableName("Backed"))
                .continuousBackupsDescription()
                .pointInTimeRecoveryDescription()
                .pointInTimeRecoveryStatusAsString())
        .isEqualTo("ENABLED");
    assertThat(ddb.describeLimits().tableMaxWriteCapacityUnits()).isPositive();
  }
}
