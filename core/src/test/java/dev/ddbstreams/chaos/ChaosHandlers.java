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
package dev.ddbstreams.chaos;

import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handlers of the fault-injection suites: each applies every change to the {@link Ledger}
 * unless a fault strikes first. Faults a handler can meet, in this order: an exception, an error it
 * survives, an interrupt, an error of the JVM, a hang, and, after the effect, a crash of the worker
 * before the store hears of it.
 */
public final class ChaosHandlers {
  /** The first handler's ID. */
  public static final String A = "chaos-a";

  /** The second handler's ID. */
  public static final String B = "chaos-b";

  private final Ledger ledger;
  private final Faults faults;
  private final Runnable hang;
  private volatile Set<String> shardEnds = Set.of();

  /**
   * Creates the handlers' shared behaviour.
   *
   * @param ledger where effects go
   * @param faults the fault plan
   * @param hang what a hang does: advance a test clock past the deadline, or sleep
   */
  public ChaosHandlers(Ledger ledger, Faults faults, Runnable hang) {
    this.ledger = ledger;
    this.faults = faults;
    this.hang = hang;
  }

  /**
   * Names the last record of each shard, where {@link FaultKind#SHARD_END_MID_RETRY} strikes, so
   * that a shard ends while its last batch is being retried.
   *
   * @param eventIds the event IDs of the shards' last records
   */
  public void shardEnds(Set<String> eventIds) {
    this.shardEnds = Set.copyOf(eventIds);
  }

  /**
   * Returns the handler objects for a router.
   *
   * @param two whether to use both handlers or only {@link #A}
   * @return the objects, in dispatch order
   */
  public Object[] objects(boolean two) {
    return two ? new Object[] {new First(), new Second()} : new Object[] {new First()};
  }

  /**
   * Returns the IDs of the handlers {@link #objects} gives.
   *
   * @param two whether both are used
   * @return the IDs
   */
  public static List<String> ids(boolean two) {
    return two ? List.of(A, B) : List.of(A);
  }

  /** An Error of the user's own. */
  static final class InvalidPetError extends Error {
    private static final long serialVersionUID = 1L;

    InvalidPetError() {
      super("injected: pet is invalid");
    }
  }

  void run(String handler, StreamRecord<?> change) throws Throwable {
    String eventId = change.eventId();
    String place = handler + " " + ledger.label(eventId);
    if (shardEnds.contains(eventId) && faults.strikes(FaultKind.SHARD_END_MID_RETRY, place)) {
      throw new IllegalStateException("injected failure of a shard's last record " + place);
    }
    if (faults.strikes(FaultKind.HANDLER_EXCEPTION, place)) {
      throw new IllegalStateException("injected failure of " + place);
    }
    if (faults.strikes(FaultKind.HANDLER_ERROR, place)) {
      throw switch (faults.pick(place, 3)) {
        case 0 -> new AssertionError("injected");
        case 1 -> new StackOverflowError();
        default -> new InvalidPetError();
      };
    }
    if (faults.strikes(FaultKind.HANDLER_INTERRUPT, place)) {
      Thread.currentThread().interrupt();
      throw new InterruptedException("injected");
    }
    if (faults.strikes(FaultKind.HANDLER_FATAL, place)) {
      throw new InternalError("injected JVM failure before the effect of " + place);
    }
    if (faults.strikes(FaultKind.HANDLER_HANG, place)) {
      hang.run();
    }
    ledger.applied(handler, eventId);
    if (faults.strikes(FaultKind.CRASH_AFTER_EFFECT, place)) {
      ledger.mayRepeat(handler, eventId);
      throw new InternalError("injected crash after the effect of " + place);
    }
  }

  /** The first handler. */
  public final class First {
    /**
     * Applies a change.
     *
     * @param change the change
     * @throws Throwable an injected fault
     */
    @OnChange(id = A)
    public void apply(StreamRecord<Map<String, Object>> change) throws Throwable {
      run(A, change);
    }
  }

  /** The second handler. */
  public final class Second {
    /**
     * Applies a change.
     *
     * @param change the change
     * @throws Throwable an injected fault
     */
    @OnChange(id = B)
    public void apply(StreamRecord<Map<String, Object>> change) throws Throwable {
      run(B, change);
    }
  }
}
