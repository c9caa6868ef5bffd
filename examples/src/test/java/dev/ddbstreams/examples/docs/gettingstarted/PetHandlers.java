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
package dev.ddbstreams.examples.docs.gettingstarted;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.diff.ImageDiff;

// tag::handlers[]
public final class PetHandlers {
  private final Notifier notifier;

  public PetHandlers(Notifier notifier) {
    this.notifier = notifier;
  }

  @OnInsert(sk = "PET#") // a new item whose sort key starts with PET#
  void welcome(Pet pet) { // the new image, decoded to Pet
    notifier.send(pet.userId(), "Welcome " + pet.name() + "!");
  }

  @OnModify(sk = "PET#", changed = "weightKg") // only when weightKg changed
  void weight(StreamRecord<Pet> change, ImageDiff diff) {
    if (diff.numberChangedByMoreThan("weightKg", 2)) {
      Pet pet = change.newImage().orElseThrow();
      notifier.send(pet.userId(), pet.name() + " changed weight by more than 2 kg");
    }
  }

  @OnRemove(sk = "PET#", ttl = TtlMatch.ONLY) // deletes made by Time to Live only
  void expired(Pet pet) { // the old image
    notifier.send(pet.userId(), pet.name() + "'s record expired");
  }
}
// end::handlers[]
