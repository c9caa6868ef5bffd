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

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The one writer of Lambda event JSON writes what the Lambda service sends, on the two points where
 * the testkit's and the adapter's writers had drifted apart: absent fields and the creation time's
 * trailing zeros.
 */
class LambdaEventWriterTest {
  private static final PojoSerializer<DynamodbEvent> RUNTIME =
      LambdaEventSerializers.serializerFor(
          DynamodbEvent.class, LambdaEventWriterTest.class.getClassLoader());

  private static Record record(Instant created) {
    return Record.builder()
        .eventID("e1")
        .eventName("INSERT")
        .dynamodb(
            StreamRecord.builder()
                .approximateCreationDateTime(created)
                .keys(Map.of("n", AttributeValue.fromN("1.50")))
                .newImage(
                    Map.of(
                        "n", AttributeValue.fromN("1.50"),
                        "ns", AttributeValue.fromNs(List.of("10", "2.000"))))
                .sequenceNumber("100")
                .build())
        .build();
  }

  private static String write(Record record) {
    return new String(LambdaEventWriter.write(List.of(record), null), StandardCharsets.UTF_8);
  }

  @Test
  void leavesAbsentFieldsOutInsteadOfWritingNull() {
    String json = write(record(Instant.ofEpochSecond(1_700_000_000)));

    assertThat(json)
        .doesNotContain("null")
        .doesNotContain("eventVersion")
        .doesNotContain("awsRegion")
        .doesNotContain("eventSource")
        .doesNotContain("userIdentity")
        .doesNotContain("SizeBytes")
        .doesNotContain("StreamViewType")
        .doesNotContain("OldImage");
    DynamodbEvent event =
        RUNTIME.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertThat(event.getRecords().get(0).getEventVersion()).isNull();
    assertThat(event.getRecords().get(0).getUserIdentity()).isNull();
  }

  @Test
  void writesWholeSecondsAsTheServiceDoesAndMillisecondsWithoutTrailingZeros() {
    assertThat(write(record(Instant.ofEpochSecond(1_700_000_000))))
        .contains("\"ApproximateCreationDateTime\":1700000000.0,");
    assertThat(write(record(Instant.ofEpochMilli(1_700_000_000_500L))))
        .contains("\"ApproximateCreationDateTime\":1700000000.5,");
    assertThat(write(record(Instant.ofEpochMilli(1_700_000_000_120L))))
        .contains("\"ApproximateCreationDateTime\":1700000000.12,");
  }

  @Test
  void theRuntimesSerializerReadsTheSameInstantAndNumbersAsDynamoDbHasThem() {
    for (long millis : new long[] {1_700_000_000_000L, 1_700_000_000_500L, 1_700_000_000_123L}) {
      String json = write(record(Instant.ofEpochMilli(millis)));
      DynamodbEvent event =
          RUNTIME.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
      var dynamodb = event.getRecords().get(0).getDynamodb();

      assertThat(dynamodb.getApproximateCreationDateTime().getTime()).isEqualTo(millis);
      assertThat(dynamodb.getKeys().get("n").getN()).isEqualTo("1.50");
      assertThat(dynamodb.getNewImage().get("ns").getNS()).containsExactly("10", "2.000");
    }
    assertThat(write(record(Instant.ofEpochSecond(1))))
        .contains("{\"N\":\"1.50\"}")
        .contains("{\"NS\":[\"10\",\"2.000\"]}");
  }
}
