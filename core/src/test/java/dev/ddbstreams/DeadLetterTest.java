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

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

class DeadLetterTest {

  @Test
  void toStringNamesTheRecordHandlerAndErrorTypeButNoValue() {
    Record raw =
        TestRecords.modify(
            "42",
            Map.of(
                "PK", AttributeValue.fromS("USER#1"),
                "SK", AttributeValue.fromS("PET#1"),
                "owner", AttributeValue.fromS("Jane Doe")),
            Map.of(
                "PK", AttributeValue.fromS("USER#1"),
                "SK", AttributeValue.fromS("PET#1"),
                "owner", AttributeValue.fromS("John Roe")));
    DeadLetter letter =
        new DeadLetter(
            raw,
            "PetHandlers#weight",
            new IllegalStateException("cannot notify Jane Doe"),
            3,
            BatchContext.none());

    assertThat(letter.toString())
        .contains("event-42", "sequenceNumber=42", "PetHandlers#weight", "attempts=3")
        .contains(IllegalStateException.class.getName())
        .doesNotContain("Jane", "John", "Doe", "Roe");
  }
}
