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

import java.util.LinkedHashMap;
import java.util.Map;

/** PetTracker items as plain maps, the way the application writes them. */
final class PetItems {
  private PetItems() {}

  static Map<String, Object> pet(String user, String pet, String species, int weightKg) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("PK", "USER#" + user);
    item.put("SK", "PET#" + pet);
    item.put("entityType", "PET");
    item.put("userId", user);
    item.put("petId", pet);
    item.put("name", "Pet-" + pet);
    item.put("species", species);
    item.put("weightKg", weightKg);
    return item;
  }

  static Map<String, Object> activity(String pet, String timestamp) {
    return Map.of(
        "PK",
        "PET#" + pet,
        "SK",
        "ACTIVITY#" + timestamp,
        "entityType",
        "ACTIVITY",
        "petId",
        pet,
        "type",
        "walk",
        "timestamp",
        timestamp);
  }

  static Map<String, Object> leaderboardEntry(String pet, int count) {
    return Map.of(
        "PK",
        "LEADERBOARD",
        "SK",
        "PET#" + pet,
        "entityType",
        "LEADERBOARD",
        "activityCount",
        count);
  }

  static Map<String, Object> summary(String pet, String date, int count) {
    return Map.of(
        "PK",
        "PET#" + pet,
        "SK",
        "SUMMARY#" + date,
        "entityType",
        "SUMMARY",
        "activityCount",
        count);
  }
}
