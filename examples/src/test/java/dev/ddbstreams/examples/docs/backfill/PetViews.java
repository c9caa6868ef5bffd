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
