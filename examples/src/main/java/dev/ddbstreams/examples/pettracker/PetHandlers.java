package dev.ddbstreams.examples.pettracker;

import dev.ddbstreams.ImageDiff;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Notifications about pets: a welcome for new pets, an alert for big weight changes. */
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

  @OnInsert(sk = "PET#")
  void welcome(Pet pet) {
    notifier.send(pet.userId(), "Welcome " + pet.name() + " to PetTracker!");
  }

  @OnModify(sk = "PET#", changed = "weightKg")
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

  @OnRemove(sk = "PET#", ttl = TtlMatch.EXCLUDE)
  void removedByUser(Pet pet) {
    deleted.incrementAndGet();
  }

  @OnRemove(sk = "PET#", ttl = TtlMatch.ONLY)
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
