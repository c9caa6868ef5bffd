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
package dev.ddbstreams.examples.docs.operations;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.examples.docs.gettingstarted.Pet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

// tag::mdc[]
public final class AuditedHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(AuditedHandlers.class);

  @OnInsert(sk = "PET#")
  void welcome(StreamRecord<Pet> change) {
    // The MDC holds ddbstreams.streamArn, .shardId, .eventId, .sequenceNumber and .handlerId.
    LOG.info("Welcoming a new pet");
  }
}
// end::mdc[]
