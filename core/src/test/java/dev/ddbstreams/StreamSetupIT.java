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

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** StreamSetup against the project's DynamoDB emulator, through the real SDK clients. */
class StreamSetupIT {
  private static DynamoDbEmulator local;
  private static DynamoDbClient ddb;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    local = DynamoDbEmulator.start();
    ddb = local.client();
    streams = local.streamsClient();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  private static String table(StreamViewType stream) {
    String name = "setup-" + UUID.randomUUID();
    ddb.createTable(
        b -> {
          b.tableName(name)
              .billingMode("PAY_PER_REQUEST")
              .attributeDefinitions(
                  AttributeDefinition.builder()
                      .attributeName("PK")
                      .attributeType(ScalarAttributeType.S)
                      .build())
              .keySchema(
                  KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build());
          if (stream != null) {
            b.streamSpecification(s -> s.streamEnabled(true).streamViewType(stream));
          }
        });
    return name;
  }

  private static StreamSetup setup(String table, ViewType viewType) {
    return StreamSetup.builder()
        .client(ddb)
        .streamsClient(streams)
        .tableName(table)
        .viewType(viewType)
        .pollInterval(Duration.ofMillis(20))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  @Test
  void enablesAStreamOnATableWithoutOneAndItCarriesTheWrites() {
    String table = table(null);

    StreamSetup.Result result = setup(table, ViewType.NEW_AND_OLD_IMAGES).enable();

    assertThat(result.enabledNow()).isTrue();
    assertThat(result.viewType()).isEqualTo(ViewType.NEW_AND_OLD_IMAGES);
    StreamSpecification spec =
        ddb.describeTable(b -> b.tableName(table)).table().streamSpecification();
    assertThat(spec.streamEnabled()).isTrue();
    assertThat(spec.streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(result.streamArn())
        .isEqualTo(ddb.describeTable(b -> b.tableName(table)).table().latestStreamArn());

    ddb.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("a"))));
    String shard =
        streams
            .describeStream(b -> b.streamArn(result.streamArn()))
            .streamDescription()
            .shards()
            .get(0)
            .shardId();
    String iterator =
        streams
            .getShardIterator(
                b ->
                    b.streamArn(result.streamArn())
                        .shardId(shard)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
            .shardIterator();
    assertThat(streams.getRecords(b -> b.shardIterator(iterator)).records())
        .extracting(r -> r.dynamodb().streamViewTypeAsString())
        .containsExactly("NEW_AND_OLD_IMAGES");
  }

  @Test
  void keepsAStreamThatIsAlreadyOnAndCarriesWhatIsNeeded() {
    String table = table(StreamViewType.NEW_AND_OLD_IMAGES);
    String arn = ddb.describeTable(b -> b.tableName(table)).table().latestStreamArn();

    StreamSetup.Result same = setup(table, ViewType.NEW_AND_OLD_IMAGES).enable();
    StreamSetup.Result narrower = setup(table, ViewType.NEW_IMAGE).enable();

    assertThat(same).isEqualTo(new StreamSetup.Result(arn, ViewType.NEW_AND_OLD_IMAGES, false));
    assertThat(narrower).isEqualTo(same);
  }

  @Test
  void failsClearlyWhenTheTableHasAStreamOfAnotherViewType() {
    String table = table(StreamViewType.NEW_IMAGE);

    assertThatThrownBy(() -> setup(table, ViewType.NEW_AND_OLD_IMAGES).enable())
        .isInstanceOf(StreamSetupException.class)
        .hasMessageContaining("'" + table + "' already has a stream with view type NEW_IMAGE")
        .hasMessageContaining("cannot be changed in place")
        .hasMessageContaining("StreamEnabled=false");
    assertThat(ddb.describeTable(b -> b.tableName(table)).table().streamSpecification())
        .as("left as it was")
        .isEqualTo(
            StreamSpecification.builder()
                .streamEnabled(true)
                .streamViewType(StreamViewType.NEW_IMAGE)
                .build());
  }

  @Test
  void reenablesADisabledStreamAsANewStream() {
    String table = table(StreamViewType.KEYS_ONLY);
    String old = ddb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    ddb.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));

    StreamSetup.Result result = setup(table, ViewType.NEW_IMAGE).enable();

    assertThat(result.enabledNow()).isTrue();
    assertThat(result.viewType()).isEqualTo(ViewType.NEW_IMAGE);
    assertThat(result.streamArn()).isNotEqualTo(old);
  }

  @Test
  void aMissingTableIsReportedByName() {
    assertThatThrownBy(() -> setup("no-such-table", ViewType.NEW_IMAGE).enable())
        .isInstanceOf(StreamSetupException.class)
        .hasMessageContaining("'no-such-table'");
  }

  @Test
  void buildListsEveryMissingSetting() {
    assertThatThrownBy(() -> StreamSetup.builder().timeout(Duration.ZERO).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client is required")
        .hasMessageContaining("tableName is required")
        .hasMessageContaining("viewType is required")
        .hasMessageContaining("timeout must be positive");
  }

  @Test
  void aViewTypeCoversTheOnesWhoseImagesItCarries() {
    assertThat(StreamSetup.covers(ViewType.NEW_AND_OLD_IMAGES, ViewType.OLD_IMAGE)).isTrue();
    assertThat(StreamSetup.covers(ViewType.NEW_IMAGE, ViewType.KEYS_ONLY)).isTrue();
    assertThat(StreamSetup.covers(ViewType.KEYS_ONLY, ViewType.KEYS_ONLY)).isTrue();
    assertThat(StreamSetup.covers(ViewType.NEW_IMAGE, ViewType.OLD_IMAGE)).isFalse();
    assertThat(StreamSetup.covers(ViewType.NEW_IMAGE, ViewType.NEW_AND_OLD_IMAGES)).isFalse();
    assertThat(StreamSetup.covers(ViewType.KEYS_ONLY, ViewType.NEW_IMAGE)).isFalse();
  }
}
