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
package dev.ddbstreams.examples.docs.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.testkit.StreamEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** README.md's example runs as written: a Lambda event in, a welcome out. */
class WelcomeLambdaTest {
  @Test
  void welcomesANewPetAndReportsNoFailure() throws Exception {
    StreamEvents events = StreamEvents.builder().keys("PK", "SK").build();
    String event =
        events.lambdaEvent(
            List.of(
                events.insert(
                    Map.of("PK", "USER#u1", "SK", "PET#Rex", "userId", "u1", "name", "Rex")),
                events.insert(Map.of("PK", "USER#u1", "SK", "PROFILE", "userId", "u1"))));
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      new WelcomeLambda()
          .handleRequest(
              new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), response, null);
    } finally {
      System.setOut(stdout);
    }

    assertThat(response.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo("Welcome Rex!" + System.lineSeparator());
  }
}
