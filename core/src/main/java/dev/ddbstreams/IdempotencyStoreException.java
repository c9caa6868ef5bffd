package dev.ddbstreams;

/** An idempotency store could not be read or written; the record fails and is retried. */
public final class IdempotencyStoreException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the key but no values
   * @param cause the store's error
   */
  public IdempotencyStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception without a cause.
   *
   * @param message what failed
   */
  public IdempotencyStoreException(String message) {
    super(message);
  }
}
