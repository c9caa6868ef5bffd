package dev.ddbstreams.chaos;

import dev.ddbstreams.DeadLetter;
import dev.ddbstreams.DeadLetterSink;
import java.io.IOException;

/** A dead-letter sink that records letters in the ledger, unless an exception or Error strikes. */
public final class ChaosSink implements DeadLetterSink {
  private final Faults faults;
  private final Ledger ledger;

  /**
   * Creates the sink.
   *
   * @param faults the fault plan
   * @param ledger where letters go
   */
  public ChaosSink(Faults faults, Ledger ledger) {
    this.faults = faults;
    this.ledger = ledger;
  }

  @Override
  public void accept(DeadLetter letter) throws Exception {
    String place = letter.handlerId() + " " + ledger.label(letter.record().eventID());
    if (faults.strikes(FaultKind.SINK_EXCEPTION, place)) {
      throw new IOException("injected: queue unreachable");
    }
    if (faults.strikes(FaultKind.SINK_ERROR, place)) {
      throw new AssertionError("injected: sink bug");
    }
    ledger.deadLettered(letter.handlerId(), letter.record().eventID());
  }
}
