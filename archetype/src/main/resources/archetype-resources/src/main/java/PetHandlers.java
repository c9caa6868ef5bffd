package ${package};

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.diff.ImageDiff;

/**
 * The stream handlers: each annotated method says which changes it wants, and its parameters are
 * decoded images, the whole record, or what changed. When you change the annotations, regenerate
 * the FilterCriteria in template.yaml (SamTemplateTest says so, and with what).
 */
public final class PetHandlers {
  private final Notifier notifier;

  /**
   * Creates the handlers.
   *
   * @param notifier where messages go
   */
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
