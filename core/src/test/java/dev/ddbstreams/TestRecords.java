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

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Hand-made SDK records for core's unit tests, which cannot depend on the testkit. */
final class TestRecords {
  private TestRecords() {}

  static Map<String, AttributeValue> keys(String pk, String sk) {
    return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
  }

  static Record.Builder record(
      String eventName,
      String sequenceNumber,
      String viewType,
      Map<String, AttributeValue> keys,
      Map<String, AttributeValue> oldImage,
      Map<String, AttributeValue> newImage) {
    StreamRecord.Builder body =
        StreamRecord.builder()
            .keys(keys)
            .sequenceNumber(sequenceNumber)
            .sizeBytes(42L)
            .streamViewType(viewType)
            .approximateCreationDateTime(Instant.parse("2026-11-24T08:00:00Z"));
    if (oldImage != null) {
      body.oldImage(oldImage);
    }
    if (newImage != null) {
      body.newImage(newImage);
    }
    return Record.builder()
        .eventID("event-" + sequenceNumber)
        .eventName(eventName)
        .eventVersion("1.1")
        .eventSource("aws:dynamodb")
        .awsRegion("us-east-1")
        .dynamodb(body.build());
  }

  static Record insert(String seq, Map<String, AttributeValue> image) {
    return record("INSERT", seq, "NEW_AND_OLD_IMAGES", keysOf(image), null, image).build();
  }

  static Record modify(String seq, Map<String, AttributeValue> old, Map<String, AttributeValue> n) {
    return record("MODIFY", seq, "NEW_AND_OLD_IMAGES", keysOf(n), old, n).build();
  }

  static Record remove(String seq, Map<String, AttributeValue> old) {
    return record("REMOVE", seq, "NEW_AND_OLD_IMAGES", keysOf(old), old, null).build();
  }

  static Record ttlRemove(String seq, Map<String, AttributeValue> old) {
    return record("REMOVE", seq, "NEW_AND_OLD_IMAGES", keysOf(old), old, null)
        .userIdentity(
            Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build())
        .build();
  }

  private static Map<String, AttributeValue> keysOf(Map<String, AttributeValue> image) {
    return Map.of("PK", image.get("PK"), "SK", image.get("SK"));
  }
}
