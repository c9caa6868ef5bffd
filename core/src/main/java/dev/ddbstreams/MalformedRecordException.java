package dev.ddbstreams;

import org.jspecify.annotations.Nullable;

/**
 * A raw stream record lacks something every stream record has (an event ID, a known event name, a
 * sequence number that is a number, the {@code dynamodb} section) or carries a key attribute that a
 * matcher needs in a form it cannot use.
 */
public final class MalformedRecordException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String eventId;
  private final @Nullable String sequenceNumber;

  /**
   * Creates the exception.
   *
   * @param eventId the record's event ID, if it has one
   * @param sequenceNumber the record's sequence number, if it has one
   * @param problem what is wrong, without attribute values
   */
  public MalformedRecordException(
      @Nullable String eventId, @Nullable String sequenceNumber, String problem) {
    super(
        "Malformed stream record (eventID="
            + eventId
            + ", sequenceNumber="
            + sequenceNumber
            + "): "
            + problem);
    this.eventId = eventId;
    this.sequenceNumber = sequenceNumber;
  }

  /**
   * Returns the event ID of the record, if it had one.
   *
   * @return the event ID or {@code null}
   */
  public @Nullable String eventId() {
    return eventId;
  }

  /**
   * Returns the sequence number of the record, if it had one.
   *
   * @return the sequence number as sent, or {@code null}
   */
  public @Nullable String sequenceNumber() {
    return sequenceNumber;
  }
}
