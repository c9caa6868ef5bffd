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
package dev.ddbstreams.examples.docs.backfill;

import dev.ddbstreams.EventName;
import dev.ddbstreams.SequenceGuard;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.examples.docs.gettingstarted.Notifier;
import dev.ddbstreams.examples.docs.gettingstarted.Pet;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

// tag::views[]
public final class PetViews {
  static final SequenceGuard GUARD =
      SequenceGuard.inAttribute("replicatedSequence")
          .withTombstones("deletedUntil", Duration.ofDays(7)); // longer than any backfill

  private final Notifier notifier;
  private final DynamoDbClient replica;

  public PetViews(Notifier notifier, DynamoDbClient replica) {
    this.notifier = notifier;
    this.replica = replica;
  }

  @OnInsert(sk = "PET#") // snapshots = EXCLUDE by default: no welcome for existing pets
  void welcome(Pet pet) {
    notifier.send(pet.userId(), "Welcome " + pet.name());
  }

  @OnChange(sk = "PET#", snapshots = SnapshotMatch.INCLUDE) // every pet, old or new
  void replicate(StreamRecord<Map<String, Object>> change) {
    // A snapshot applies only where no stream change wrote; a delete leaves a tombstone.
    GUARD.apply(replica, "PetsReplica", change);
  }

  @OnChange(
      sk = "PET#",
      events = {EventName.INSERT}, // snapshots are INSERTs
      snapshots = SnapshotMatch.ONLY)
  void countExisting(StreamRecord<Pet> snapshot) {
    // only a backfill calls this
  }
}
// end::views[]
