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

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;

/**
 * Five typed ddbstreams handlers of the PetTracker table, items as a Java record ({@link Item},
 * mapped with Jackson). {@link HandWrittenHandler} does the same by hand.
 */
public final class PetHandlers {
  private final PetWork work;

  /**
   * Creates the handlers.
   *
   * @param work what the handlers do
   */
  public PetHandlers(PetWork work) {
    this.work = work;
  }

  @OnInsert(sk = "PET#")
  void welcome(Item pet) {
    work.welcome(pet.userId(), pet.name(), pet.species());
  }

  @OnModify(sk = "PET#", changed = "weightKg")
  void weight(StreamRecord<Item> change) {
    Item before = change.oldImage().orElseThrow();
    Item after = change.newImage().orElseThrow();
    work.weightChanged(after.SK(), before.weightKg(), after.weightKg());
  }

  @OnRemove(sk = "PET#", ttl = TtlMatch.ONLY)
  void expired(Item pet) {
    work.expired(pet.userId(), pet.SK());
  }

  @OnInsert(sk = "ACTIVITY#")
  void activity(Item activity) {
    work.activity(activity.userId());
  }

  @OnModify(sk = "PROFILE")
  void profile(Item user) {
    work.profile(user.PK(), user.name());
  }
}
