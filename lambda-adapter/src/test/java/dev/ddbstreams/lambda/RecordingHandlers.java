package dev.ddbstreams.lambda;

import dev.ddbstreams.StreamContext;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.annotation.OnChange;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test handlers that record what they saw and fail on chosen sequence numbers. */
public final class RecordingHandlers {
  final List<StreamRecord<Map<String, Object>>> records = new CopyOnWriteArrayList<>();
  final List<StreamContext> contexts = new CopyOnWriteArrayList<>();
  final Set<String> failOn = ConcurrentHashMap.newKeySet();

  /**
   * Records every change.
   *
   * @param change the change
   * @param context its context
   */
  @OnChange
  public void record(StreamRecord<Map<String, Object>> change, StreamContext context) {
    records.add(change);
    contexts.add(context);
    if (failOn.contains(change.sequenceNumber())) {
      throw new IllegalStateException("injected failure");
    }
  }
}
