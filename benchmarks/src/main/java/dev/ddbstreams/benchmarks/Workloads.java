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
package dev.ddbstreams.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Deterministic PetTracker-like batches, the same for every side of a comparison. */
public final class Workloads {
  private Workloads() {}

  /**
   * A batch of stream records: inserts, modifies and removes of pets, users and activities, with
   * 10-attribute images.
   *
   * @param size records in the batch
   * @param seed random seed
   * @return the records, in stream order
   */
  public static List<Record> petTrackerBatch(int size, long seed) {
    Random random = new Random(seed);
    List<Record> records = new ArrayList<>(size);
    long sequence = 100_000_000_000_000_000L;
    String[] kinds = {"PET#", "USER#", "ACTIVITY#", "SUMMARY#"};
    for (int i = 0; i < size; i++) {
      String kind = kinds[random.nextInt(kinds.length)];
      String user = "USER#u" + random.nextInt(50);
      String sk = kind.equals("USER#") ? "PROFILE" : kind + "id" + random.nextInt(500);
      Map<String, AttributeValue> oldImage = image(user, sk, kind, random);
      Map<String, AttributeValue> newImage = image(user, sk, kind, random);
      String event = new String[] {"INSERT", "MODIFY", "MODIFY", "REMOVE"}[random.nextInt(4)];
      StreamRecord.Builder body =
          StreamRecord.builder()
              .keys(Map.of("PK", AttributeValue.fromS(user), "SK", AttributeValue.fromS(sk)))
              .sequenceNumber(Long.toString(sequence += 1 + random.nextInt(1000)))
              .sizeBytes(250L)
              .streamViewType("NEW_AND_OLD_IMAGES")
              .approximateCreationDateTime(Instant.ofEpochSecond(1_764_000_000L + i));
      if (!event.equals("INSERT")) {
        body.oldImage(oldImage);
      }
      if (!event.equals("REMOVE")) {
        body.newImage(newImage);
      }
      Record.Builder record =
          Record.builder()
              .eventID("evt-" + i)
              .eventName(event)
              .eventVersion("1.1")
              .eventSource("aws:dynamodb")
              .awsRegion("us-east-1")
              .dynamodb(body.build());
      if (event.equals("REMOVE") && random.nextInt(4) == 0) {
        record.userIdentity(
            Identity.builder().type("Service").principalId("dynamodb.amazonaws.com").build());
      }
      records.add(record.build());
    }
    return records;
  }

  /**
   * A batch of MODIFY records of pets with old and new images, every attribute of a type the typed
   * items declare: 10 attributes ({@link Item}) or 100 ({@link WideItem}).
   *
   * @param size records in the batch
   * @param attributes 10 or 100
   * @param seed random seed
   * @return the records, in stream order
   */
  public static List<Record> modifyBatch(int size, int attributes, long seed) {
    if (attributes != 10 && attributes != 100) {
      throw new IllegalArgumentException("attributes must be 10 or 100");
    }
    Random random = new Random(seed);
    List<Record> records = new ArrayList<>(size);
    long sequence = 300_000_000_000_000_000L;
    for (int i = 0; i < size; i++) {
      String user = "USER#u" + random.nextInt(50);
      String sk = "PET#id" + i;
      Map<String, AttributeValue> oldImage =
          attributes == 10 ? image(user, sk, "PET#", random) : wideImage(user, sk, random);
      Map<String, AttributeValue> newImage =
          attributes == 10 ? image(user, sk, "PET#", random) : wideImage(user, sk, random);
      records.add(
          Record.builder()
              .eventID("evt-" + i)
              .eventName("MODIFY")
              .eventVersion("1.1")
              .eventSource("aws:dynamodb")
              .awsRegion("us-east-1")
              .dynamodb(
                  StreamRecord.builder()
                      .keys(
                          Map.of("PK", AttributeValue.fromS(user), "SK", AttributeValue.fromS(sk)))
                      .sequenceNumber(Long.toString(sequence += 1 + random.nextInt(1000)))
                      .sizeBytes(attributes * 30L)
                      .streamViewType("NEW_AND_OLD_IMAGES")
                      .approximateCreationDateTime(Instant.ofEpochMilli(1_764_000_000_123L + i))
                      .oldImage(oldImage)
                      .newImage(newImage)
                      .build())
              .build());
    }
    return records;
  }

  /** A 100-attribute item: PK, SK, then a02..a99 cycling text, integer, boolean, decimal. */
  static Map<String, AttributeValue> wideImage(String pk, String sk, Random random) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("PK", AttributeValue.fromS(pk));
    m.put("SK", AttributeValue.fromS(sk));
    for (int i = 2; i < 100; i++) {
      String name = String.format("a%02d", i);
      m.put(
          name,
          switch (i % 4) {
            case 0 -> AttributeValue.fromS("text-" + random.nextInt(100_000));
            case 1 -> AttributeValue.fromN(Integer.toString(random.nextInt(1_000_000)));
            case 2 -> AttributeValue.fromBool(random.nextBoolean());
            default -> AttributeValue.fromN(Integer.toString(random.nextInt(100_000)) + ".25");
          });
    }
    return m;
  }

  /** A 10-attribute item. */
  static Map<String, AttributeValue> image(String pk, String sk, String kind, Random random) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put("PK", AttributeValue.fromS(pk));
    m.put("SK", AttributeValue.fromS(sk));
    m.put("entityType", AttributeValue.fromS(kind.substring(0, kind.length() - 1)));
    m.put("name", AttributeValue.fromS("name-" + random.nextInt(1000)));
    m.put("species", AttributeValue.fromS(random.nextBoolean() ? "dog" : "cat"));
    m.put("weightKg", AttributeValue.fromN(Integer.toString(1 + random.nextInt(60))));
    m.put("ageYears", AttributeValue.fromN(Integer.toString(random.nextInt(20))));
    m.put("vaccinated", AttributeValue.fromBool(random.nextBoolean()));
    m.put("userId", AttributeValue.fromS(pk.substring(5)));
    m.put("createdAt", AttributeValue.fromS("2026-11-24T08:00:00Z"));
    return m;
  }
}
