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
package dev.ddbstreams.examples.pettracker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes a seeded PetTracker workload (users, pets, weight updates, activities, deletes) and
 * remembers what the handlers should therefore see.
 */
public final class Workload {
  private final DynamoDbClient dynamo;
  private final String table;
  private final Random random;
  private final WriteTimes times;
  private final Map<String, BigDecimal> weights = new HashMap<>();
  private final Map<String, String> owners = new HashMap<>();
  private final List<String> pets = new ArrayList<>();
  private int writes;
  private int petsCreated;
  private int bigWeightChanges;
  private int petsDeleted;
  private final Map<String, Integer> activitiesPerSummary = new HashMap<>();

  /**
   * Creates a workload.
   *
   * @param dynamo the client
   * @param table the PetTracker table
   * @param seed the random seed: the same seed writes the same items
   */
  public Workload(DynamoDbClient dynamo, String table, long seed) {
    this(dynamo, table, seed, new WriteTimes());
  }

  /** Creates a workload that notes the time of each write in {@code times}. */
  Workload(DynamoDbClient dynamo, String table, long seed, WriteTimes times) {
    this.dynamo = dynamo;
    this.table = table;
    this.random = new Random(seed);
    this.times = times;
  }

  /**
   * Writes until {@code count} writes were made.
   *
   * @param count how many writes
   */
  public void run(int count) {
    while (writes < count) {
      int dice = random.nextInt(10);
      if (pets.isEmpty() || dice < 3) {
        createPet();
      } else if (dice < 6) {
        updateWeight();
      } else if (dice < 9) {
        addActivity();
      } else {
        deletePet();
      }
    }
  }

  private void createPet() {
    String user = "u" + random.nextInt(20);
    String pet = "p" + petsCreated++;
    BigDecimal weight = BigDecimal.valueOf(2 + random.nextInt(40));
    put(
        Map.of(
            "PK", AttributeValue.fromS("USER#" + user),
            "SK", AttributeValue.fromS("PET#" + pet),
            "entityType", AttributeValue.fromS("PET"),
            "userId", AttributeValue.fromS(user),
            "petId", AttributeValue.fromS(pet),
            "name", AttributeValue.fromS("Pet-" + pet),
            "species", AttributeValue.fromS(random.nextBoolean() ? "dog" : "cat"),
            "weightKg", AttributeValue.fromN(weight.toPlainString())));
    weights.put(pet, weight);
    owners.put(pet, user);
    pets.add(pet);
  }

  private void updateWeight() {
    String pet = pets.get(random.nextInt(pets.size()));
    BigDecimal before = weights.get(pet);
    BigDecimal after = before.add(BigDecimal.valueOf(random.nextInt(9) - 4)).max(BigDecimal.ONE);
    if (after.compareTo(before) == 0) {
      after = after.add(BigDecimal.ONE);
    }
    BigDecimal weight = after;
    times.written(petKey(pet));
    dynamo.updateItem(
        b ->
            b.tableName(table)
                .key(petKey(pet))
                .updateExpression("SET weightKg = :w")
                .expressionAttributeValues(
                    Map.of(":w", AttributeValue.fromN(weight.toPlainString()))));
    writes++;
    if (after.subtract(before).abs().compareTo(BigDecimal.valueOf(2)) > 0) {
      bigWeightChanges++;
    }
    weights.put(pet, after);
  }

  private void addActivity() {
    String pet = pets.get(random.nextInt(pets.size()));
    String timestamp =
        "2026-11-" + (20 + random.nextInt(4)) + "T10:" + (10 + random.nextInt(50)) + ":00Z";
    put(
        Map.of(
            "PK", AttributeValue.fromS("PET#" + pet),
            "SK", AttributeValue.fromS("ACTIVITY#" + timestamp + "#" + writes),
            "entityType", AttributeValue.fromS("ACTIVITY"),
            "petId", AttributeValue.fromS(pet),
            "type", AttributeValue.fromS(random.nextBoolean() ? "walk" : "play"),
            "timestamp", AttributeValue.fromS(timestamp)));
    activitiesPerSummary.merge(pet + "/" + timestamp.substring(0, 10), 1, Integer::sum);
  }

  private void deletePet() {
    String pet = pets.remove(random.nextInt(pets.size()));
    times.written(petKey(pet));
    dynamo.deleteItem(b -> b.tableName(table).key(petKey(pet)));
    writes++;
    petsDeleted++;
  }

  private Map<String, AttributeValue> petKey(String pet) {
    return Map.of(
        "PK", AttributeValue.fromS("USER#" + owners.get(pet)),
        "SK", AttributeValue.fromS("PET#" + pet));
  }

  private void put(Map<String, AttributeValue> item) {
    times.written(item);
    dynamo.putItem(b -> b.tableName(table).item(item));
    writes++;
  }

  /**
   * Returns how many writes were made.
   *
   * @return the count
   */
  public int writes() {
    return writes;
  }

  /**
   * Returns how many pets were created.
   *
   * @return the count
   */
  public int petsCreated() {
    return petsCreated;
  }

  /**
   * Returns how many weight updates moved a weight by more than 2 kg.
   *
   * @return the count
   */
  public int bigWeightChanges() {
    return bigWeightChanges;
  }

  /**
   * Returns how many pets users deleted.
   *
   * @return the count
   */
  public int petsDeleted() {
    return petsDeleted;
  }

  /**
   * Returns the activities written per pet and day, the counts the summaries must reach.
   *
   * @return {@code petId/date} to count
   */
  public Map<String, Integer> activitiesPerSummary() {
    return Map.copyOf(activitiesPerSummary);
  }
}
