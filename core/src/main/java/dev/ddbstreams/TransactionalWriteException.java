package dev.ddbstreams;

import java.util.List;

/**
 * A handler's {@link TransactionalWrites} were not committed with its idempotency record. When
 * DynamoDB cancelled the transaction, nothing of it was applied, and {@link #canceled()} says which
 * staged operations caused it and why ({@code ConditionalCheckFailed}, {@code TransactionConflict},
 * {@code ThrottlingError}, ...). Otherwise the cause is the SDK's error (no answer, throttling
 * after the SDK's retries), and DynamoDB may have applied it: the next attempt's commit then finds
 * the record completed and applies nothing again. The record follows the router's failure handling:
 * in-process retries per its {@link RetryPolicy}, then the dead-letter sink or a failed record.
 *
 * <p>The message names the handler, the record, and each cancelled operation by its index in
 * staging order, kind and table, never by values. A cancelled operation that asked for the item on
 * a failed condition ({@code ReturnValuesOnConditionCheckFailure}) finds it in the cause's
 * cancellation reasons, which are not printed.
 */
public final class TransactionalWriteException extends DdbStreamsException {
  private static final long serialVersionUID = 1L;

  /** The cancellation reason DynamoDB gives for a failed condition. */
  public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";

  /** The cancellation reason DynamoDB gives when another write was in progress on an item. */
  public static final String TRANSACTION_CONFLICT = "TransactionConflict";

  /** The staged operations DynamoDB gave a reason for, in staging order. */
  private final List<CanceledWrite> canceled;

  /**
   * Creates the exception.
   *
   * @param message what was not committed, naming the handler and the record; no values
   * @param canceled the staged operations DynamoDB gave a reason for, empty if it did not cancel
   * @param cause the SDK's error
   */
  public TransactionalWriteException(
      String message, List<CanceledWrite> canceled, Throwable cause) {
    super(message, cause);
    this.canceled = List.copyOf(canceled);
  }

  /**
   * Returns the staged operations DynamoDB cancelled the transaction for, with their reasons.
   *
   * @return in staging order; empty if the transaction failed without cancellation reasons
   */
  public List<CanceledWrite> canceled() {
    return canceled;
  }

  /**
   * Whether every reason is one that may pass on another try: a conflict with another write, or
   * throttling. Retries happen per the router's {@link RetryPolicy} in any case; this says whether
   * a retry can help.
   *
   * @return {@code true} if the transaction was cancelled only by conflicts or throttling, or
   *     failed without cancellation reasons
   */
  public boolean transientFailure() {
    return canceled.stream().allMatch(CanceledWrite::isTransient);
  }

  /**
   * One staged operation that DynamoDB cancelled a transaction for.
   *
   * @param index the operation's position in staging order, from 0
   * @param operation {@code Put}, {@code Update}, {@code Delete} or {@code ConditionCheck}
   * @param tableName the table it names
   * @param reason DynamoDB's cancellation code, such as {@value #CONDITIONAL_CHECK_FAILED}
   */
  public record CanceledWrite(int index, String operation, String tableName, String reason) {
    /**
     * Whether the reason may pass on another try: a conflict or throttling.
     *
     * @return {@code true} for {@code TransactionConflict}, {@code ThrottlingError}, {@code
     *     ProvisionedThroughputExceeded} and {@code RequestLimitExceeded}
     */
    public boolean isTransient() {
      return switch (reason) {
        case TRANSACTION_CONFLICT,
            "ThrottlingError",
            "ProvisionedThroughputExceeded",
            "RequestLimitExceeded" ->
            true;
        default -> false;
      };
    }
  }
}
