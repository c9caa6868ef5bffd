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

import dev.ddbstreams.testkit.lambda.internal.GivenUpBatch;
import dev.ddbstreams.testkit.lambda.internal.OnFailureMessageWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The testkit's local event source mapping hands its on-failure destination the JSON Lambda sends;
 * this module reads that JSON in production. The two are written apart (the testkit does not depend
 * on this module), so this test keeps them in step: every message the mapping can write reads back
 * as the batch it describes.
 */
class LocalMappingOnFailureMessagesTest {
  private static final String ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Pets/stream/2026-04-23T13:37:16.991";

  static List<Arguments> givenUpBatches() {
    List<Arguments> cases = new ArrayList<>();
    for (GivenUpBatch.Condition condition : GivenUpBatch.Condition.values()) {
      cases.add(
          Arguments.of(
              condition,
              Instant.parse("2026-06-05T18:21:49Z"),
              Instant.parse("2026-06-05T18:21:52Z")));
      cases.add(Arguments.of(condition, null, null));
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}, arrivals {1} to {2}")
  @MethodSource("givenUpBatches")
  void readsWhatTheLocalMappingWrites(
      GivenUpBatch.Condition condition, @Nullable Instant first, @Nullable Instant last) {
    GivenUpBatch written =
        new GivenUpBatch(
            ARN,
            "shardId-00000001749147600000-4a3b2c1d",
            "202328600001712385967261751",
            "202328600001712385967261790",
            first,
            last,
            7,
            condition,
            4);

    String message = OnFailureMessageWriter.write(written, Instant.parse("2026-06-05T18:22:26Z"));

    assertThat(OnFailureMessages.parse(message))
        .containsExactly(
            new FailedBatch(
                ARN,
                "shardId-00000001749147600000-4a3b2c1d",
                "202328600001712385967261751",
                "202328600001712385967261790",
                first,
                last,
                7,
                FailedBatch.Condition.valueOf(condition.name()),
                4));
  }
}
