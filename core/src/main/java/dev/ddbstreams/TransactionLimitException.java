package dev.ddbstreams;

/**
 * A handler staged an operation on {@link TransactionalWrites} that DynamoDB would refuse in a
 * transaction: too many operations, an item or a transaction too large, a table in another account
 * or region, or a second operation on one item. Thrown by the staging call, so the stack trace
 * points at it; the attempt fails and is not retried in-process, since it would stage the same. The
 * message names the staged operation by index, kind and table, never by values.
 */
public final class TransactionLimitException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which limit, and which staged operation broke it; no values
   */
  public TransactionLimitException(String message) {
    super(message);
  }
}
