package dev.ddbstreams.lambda;

import dev.ddbstreams.DdbStreamsException;

/**
 * Thrown by a Lambda handler set to {@link WholeBatchFailure#THROW} when the batch must be retried
 * as a whole, so that Lambda sees a function error.
 */
public final class WholeBatchRetryException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which records could not be checkpointed, without values
   */
  public WholeBatchRetryException(String message) {
    super(message);
  }
}
