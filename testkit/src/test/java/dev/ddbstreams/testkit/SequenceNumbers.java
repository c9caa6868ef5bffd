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

import java.math.BigInteger;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Checks on stream sequence numbers, compared as big integers as AWS requires. */
final class SequenceNumbers {
  private SequenceNumbers() {}

  static void assertStrictlyIncreasing(List<Record> records) {
    BigInteger previous = BigInteger.valueOf(-1);
    for (Record record : records) {
      BigInteger current = new BigInteger(record.dynamodb().sequenceNumber());
      assertThat(current).as("sequence number of %s", record.eventID()).isGreaterThan(previous);
      previous = current;
    }
  }
}
