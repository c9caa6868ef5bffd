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

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Raw SDK records with any event name, sequence number and event ID or none: {@link
 * StreamRecord#of} wraps the well-formed ones and rejects every other with {@link
 * MalformedRecordException}.
 *
 * <p>An input is UTF-8 text, {@code <eventName>\n<sequenceNumber>}, with a second line break when
 * the record has an event ID: {@code INSERT\n42\n} has one, {@code INSERT\n42} none. {@code mvn
 * verify} replays the committed inputs under {@code
 * src/test/resources/dev/ddbstreams/StreamRecordFuzzTestInputs/}; {@code mvn -Pfuzz test} fuzzes
 * (see docs/testing.md). {@link
 * ImagesProperties#arbitraryRawRecordsEitherWrapOrFailWithMalformedRecord} checks the same on
 * seeded random records.
 */
class StreamRecordFuzzTest {

  @FuzzTest
  void arbitraryRawRecordsEitherWrapOrFailWithMalformedRecord(byte[] input) {
    String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 3);
    String eventName = lines[0];
    String sequenceNumber = lines.length > 1 ? lines[1] : "";
    boolean withId = lines.length > 2;

    ImagesProperties.wrapsOrFailsWithMalformedRecord(eventName, sequenceNumber, withId);
  }
}
