package dev.ddbstreams;

/**
 * Another worker holds the in-progress lease of this (handler, record) pair: the record fails here
 * and is retried, by which time the other worker has finished or its lease has expired.
 */
public final class HandlerInProgressException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param key the key whose lease another worker holds
   */
  public HandlerInProgressException(IdempotencyKey key) {
    super("Another worker is running handler " + key.handlerId() + " on record " + key.recordId());
  }
}
