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
