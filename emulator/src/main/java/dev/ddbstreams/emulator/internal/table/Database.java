package dev.ddbstreams.emulator.internal.table;

import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.streams.ChangeLog;
import java.time.Clock;

/** The tables of one emulator. (Being written: operations not yet registered.) */
public final class Database {

  public Database(Clock clock, String region, String accountId, ChangeLog changeLog) {}

  /** Registers the DynamoDB operations. */
  public void register(OperationRegistry registry) {}

  /** Deletes expired items now; returns how many. */
  public int sweepTimeToLive() {
    return 0;
  }
}
