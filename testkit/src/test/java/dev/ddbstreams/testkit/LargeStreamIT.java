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
package dev.ddbstreams.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.emulator.DynamoDbEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class LargeStreamIT {

  private static final Logger LOG = LoggerFactory.getLogger(LargeStreamIT.class);
  private static final int WRITES = 10_000;
  private static final int ITEMS = 1_000;

  @Test
  void readsTenThousandRecordsAcrossShardsWithoutLossOrReordering() {
    long started = System.nanoTime();
    try (DynamoDbEmulator local = DynamoDbEmulator.start()) {
      StreamTable table =
          StreamTable.builder().viewType(StreamViewType.NEW_IMAGE).create(local.client());
      StreamReader reader = table.reader(local.streamsClient());
      List<Record> read = new ArrayList<>();

      for (int write = 0; write < WRITES; write++) {
        // 1,000 items, each written 10 times: order matters per item and overall.
        Map<String, AttributeValue> item =
            Map.of(
                "PK", AttributeValue.fromS("ITEM#" + write % ITEMS),
                "SK", AttributeValue.fromS("A"),
                "write", AttributeValue.fromN(Integer.toString(write)));
        local.client().putItem(b -> b.tableName(table.name()).item(item));
        if (write % 2_500 == 1_234) {
          read.addAll(reader.readNew());
        }
        if (write == 3_333 || write == 6_666) {
          local.rollOverShards();
        }
      }
      read.addAll(reader.awaitRecords(WRITES - read.size(), Duration.ofSeconds(30)));

      assertThat(read).hasSize(WRITES);
      for (int i = 0; i < WRITES; i++) {
        assertThat(read.get(i).dynamodb().newImage().get("write").n())
            .as("record %d", i)
            .isEqualTo(Integer.toString(i));
      }
      // A child shard's sequence numbers start above its parent's, as on the service.
      SequenceNumbers.assertStrictlyIncreasing(read);
      assertThat(StreamReader.of(local.streamsClient(), table.streamArn()).readAll())
          .extracting(Record::eventID)
          .containsExactlyElementsOf(read.stream().map(Record::eventID).toList());
      assertThat(
              local
                  .streamsClient()
                  .describeStream(b -> b.streamArn(table.streamArn()))
                  .streamDescription()
                  .shards())
          .hasSize(3);
    }
    LOG.info(
        "{} records written and read in {} ms", WRITES, (System.nanoTime() - started) / 1_000_000);
  }
}
