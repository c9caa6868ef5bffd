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

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.ddbstreams.lambda.internal.StreamEventDecoder;
import dev.ddbstreams.testkit.StreamEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The testkit's Lambda events are what the Lambda runtime and both handler bases read. */
class TestkitLambdaEventsTest {
  @Test
  void lambdaJsonFromTheTestkitDecodesToTheSameRecords() {
    StreamEvents events =
        StreamEvents.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-24T08:00:00.123Z"), ZoneOffset.UTC))
            .build();
    Map<String, Object> pet =
        Map.of(
            "PK",
            "USER#u1",
            "SK",
            "PET#p1",
            "weightKg",
            new BigDecimal("12.5"),
            "tags",
            Set.of("a"),
            "photo",
            new byte[] {1, 2, 3},
            "nested",
            Map.of("list", List.of(true, "x")));
    List<Record> records =
        List.of(events.insert(pet), events.modify(pet, pet), events.ttlExpire(pet));

    byte[] json = events.lambdaEvent(records).getBytes(StandardCharsets.UTF_8);
    DynamodbEvent viaRuntime = LambdaRuntime.event(json);

    assertThat(StreamEventDecoder.decode(json).records()).isEqualTo(records);
    assertThat(viaRuntime.getRecords()).hasSize(3);
    assertThat(viaRuntime.getRecords().get(2).getUserIdentity().getPrincipalId())
        .isEqualTo("dynamodb.amazonaws.com");
    assertThat(viaRuntime.getRecords().get(0).getEventSourceARN()).startsWith("arn:aws:dynamodb:");
  }
}
