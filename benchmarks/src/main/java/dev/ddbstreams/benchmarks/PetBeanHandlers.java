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
