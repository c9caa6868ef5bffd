package dev.ddbstreams.benchmarks;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;

/**
 * {@link PetHandlers} with items as the {@code @DynamoDbBean} {@link ItemBean}, which the router
 * maps with {@code TableSchema.fromBean}: the same mapper as the hand-written baseline, so the
 * difference is decoding and routing alone.
 */
public final class PetBeanHandlers {
  private final PetWork work;

  /**
   * Creates the handlers.
   *
   * @param work what the handlers do
   */
  public PetBeanHandlers(PetWork work) {
    this.work = work;
  }

  @OnInsert(sk = "PET#")
  void welcome(ItemBean pet) {
    work.welcome(pet.getUserId(), pet.getName(), pet.getSpecies());
  }

  @OnModify(sk = "PET#", changed = "weightKg")
  void weight(StreamRecord<ItemBean> change) {
    ItemBean before = change.oldImage().orElseThrow();
    ItemBean after = change.newImage().orElseThrow();
    work.weightChanged(after.getSK(), before.getWeightKg(), after.getWeightKg());
  }

  @OnRemove(sk = "PET#", ttl = TtlMatch.ONLY)
  void expired(ItemBean pet) {
    work.expired(pet.getUserId(), pet.getSK());
  }

  @OnInsert(sk = "ACTIVITY#")
  void activity(ItemBean activity) {
    work.activity(activity.getUserId());
  }

  @OnModify(sk = "PROFILE")
  void profile(ItemBean user) {
    work.profile(user.getPK(), user.getName());
  }
}
