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

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.diff.ImageDiff;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notifications about pets: a welcome for new pets, an alert for big weight changes, and deletes
 * told apart from TTL expiries. Pets live under {@code PK = USER#...}; the partition key prefix
 * matters, because the leaderboard's items ({@code PK = LEADERBOARD}, {@code SK = PET#...}) share
 * the sort key prefix and must not be welcomed as new pets.
 */
public final class PetHandlers {
  private final Notifier notifier;
  private final AtomicInteger weightAlerts = new AtomicInteger();
  private final AtomicInteger deleted = new AtomicInteger();
  private final AtomicInteger expired = new AtomicInteger();

  /**
   * Creates the handlers.
   *
   * @param notifier where messages go
   */
  public PetHandlers(Notifier notifier) {
    this.notifier = notifier;
  }

  @OnInsert(pk = "USER#", sk = "PET#")
  void welcome(Pet pet) {
    notifier.send(pet.userId(), "Welcome " + pet.name() + " to PetTracker!");
  }

  @OnModify(pk = "USER#", sk = "PET#", changed = "weightKg")
  void weight(StreamRecord<Pet> change, ImageDiff diff) {
    if (diff.numberChangedByMoreThan("weightKg", 2)) {
      Pet pet = change.newImage().orElseThrow();
      weightAlerts.incrementAndGet();
      notifier.send(
          pet.userId(),
          pet.name()
              + "'s weight changed by "
              + diff.numberDelta("weightKg").orElseThrow()
              + " kg");
    }
  }

  @OnRemove(pk = "USER#", sk = "PET#", ttl = TtlMatch.EXCLUDE)
  void removedByUser(Pet pet) {
    deleted.incrementAndGet();
  }

  @OnRemove(pk = "USER#", sk = "PET#", ttl = TtlMatch.ONLY)
  void expired(Pet pet) {
    expired.incrementAndGet();
    notifier.send(pet.userId(), pet.name() + "'s record expired");
  }

  /**
   * Returns how many weight alerts were sent.
   *
   * @return the count
   */
  public int weightAlerts() {
    return weightAlerts.get();
  }

  /**
   * Returns how many pets users deleted.
   *
   * @return the count
   */
  public int deleted() {
    return deleted.get();
  }

  /**
   * Returns how many pets expired by TTL.
   *
   * @return the count
   */
  public int expired() {
    return expired.get();
  }
}
