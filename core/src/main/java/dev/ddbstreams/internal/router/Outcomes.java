package dev.ddbstreams.internal.router;

import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** Builds record outcomes, from a parsed view or from the raw record when parsing failed. */
final class Outcomes {
  private Outcomes() {}

  static RecordOutcome of(
      RecordView view,
      RecordStatus status,
      List<String> handled,
      List<String> duplicates,
      @Nullable String failedHandler,
      @Nullable Throwable failure) {
    return new RecordOutcome(
        view.index,
        view.record.eventId(),
        view.sequenceNumber(),
        status,
        handled,
        duplicates,
        failedHandler,
        failure);
  }

  static RecordOutcome notRun(int index, Record raw) {
    return of(index, raw, RecordStatus.NOT_RUN, null, null);
  }

  static RecordOutcome of(
      int index,
      Record raw,
      RecordStatus status,
      @Nullable String failedHandler,
      @Nullable Throwable failure) {
    return new RecordOutcome(
        index,
        raw.eventID(),
        raw.dynamodb() == null ? null : raw.dynamodb().sequenceNumber(),
        status,
        List.of(),
        List.of(),
        failedHandler,
        failure);
  }
}
