package dev.ddbstreams.lambda;

import dev.ddbstreams.DdbStreamsException;

/**
 * Text given as on-failure messages is not what Lambda sends to an on-failure destination: not
 * JSON, or JSON without a {@code DDBStreamBatchInfo}, or one whose coordinates are missing or
 * malformed. The message names the message's position and the field.
 */
public final class OnFailureMessageException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, and where
   */
  public OnFailureMessageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the parser's failure.
   *
   * @param message what is wrong, and where
   * @param cause the parser's failure
   */
  public OnFailureMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
