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
package dev.ddbstreams.examples.docs.routing;

import dev.ddbstreams.EventName;
import dev.ddbstreams.StreamContext;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.examples.docs.gettingstarted.Pet;
import java.util.ArrayList;
import java.util.List;

// tag::handlers[]
public final class MoreHandlers {
  final List<String> log = new ArrayList<>();

  @OnInsert(sk = "ACTIVITY#", id = "activity-summary") // a fixed ID survives renaming the method
  void summarise(Activity activity, StreamContext context) {
    log.add("summary " + activity.type() + " attempt " + context.attempt());
  }

  @OnChange(
      sk = "PET#",
      events = {EventName.INSERT, EventName.MODIFY},
      filter = "{\"dynamodb\": {\"NewImage\": {\"species\": {\"S\": [\"dog\"]}}}}")
  void dogs(StreamRecord<Pet> change) { // dogs only; the record gives both images
    log.add(change.eventName() + " dog " + change.newImage().orElseThrow().name());
  }

  @OnRemove(sk = "PET#", ttl = TtlMatch.EXCLUDE) // deletes made by users, not by TTL
  void deletedByUser(Pet pet) { // for REMOVE, T is the old image
    log.add("deleted " + pet.name());
  }
}
// end::handlers[]
