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
