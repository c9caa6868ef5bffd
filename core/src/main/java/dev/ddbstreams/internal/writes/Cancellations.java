package dev.ddbstreams.internal.writes;

import dev.ddbstreams.TransactionalWriteException;
import dev.ddbstreams.TransactionalWriteException.CanceledWrite;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Turns DynamoDB's answer to a failed commit into a {@link TransactionalWriteException} that names
 * the staged operations by index, kind and table. DynamoDB gives one cancellation reason per
 * operation, in request order, {@code None} for those that were not the cause; the operation after
 * the staged ones is the idempotency record's.
 */
public final class Cancellations {
  private static final String NONE = "None";

  private Cancellations() {}

  /**
   * Maps a cancelled transaction.
   *
   * @param commit what was committed, such as {@code handler X on record Y}
   * @param writes the staged operations, in the order sent
   * @param idempotencyTable the idempotency record's table, sent after them
   * @param e DynamoDB's answer
   * @return the exception, whose message names each cancelled operation and its reason
   */
  public static TransactionalWriteException canceled(
      String commit,
      List<TransactWriteItem> writes,
      String idempotencyTable,
      TransactionCanceledException e) {
    List<CancellationReason> reasons =
        e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    List<CanceledWrite> canceled = new ArrayList<>();
    for (int i = 0; i < reasons.size() && i <= writes.size(); i++) {
      String code = reasons.get(i).code();
      if (code == null || code.equals(NONE)) {
        continue;
      }
      canceled.add(
          i < writes.size()
              ? new CanceledWrite(
                  i, WriteTarget.of(writes.get(i)).operation(), tableOf(writes.get(i)), code)
              : new CanceledWrite(i, "Update", idempotencyTable, code));
    }
    StringBuilder message =
        new StringBuilder("DynamoDB cancelled the transaction of ").append(commit).append(':');
    if (canceled.isEmpty()) {
      message.append(" no reason given");
    }
    for (CanceledWrite c : canceled) {
      message.append(
          c.index() < writes.size() ? " staged write " + c.index() : " the idempotency record");
      message
          .append(" (")
          .append(c.operation())
          .append(" on table ")
          .append(c.tableName())
          .append("): ")
          .append(c.reason())
          .append(';');
    }
    message.append(" nothing was applied");
    return new TransactionalWriteException(message.toString(), canceled, e);
  }

  /**
   * Maps a commit that got no usable answer: it may or may not have been applied.
   *
   * @param commit what was committed
   * @param e the SDK's error
   * @return the exception
   */
  public static TransactionalWriteException failed(String commit, SdkException e) {
    return new TransactionalWriteException(
        "Could not commit the transaction of "
            + commit
            + " ("
            + e.getClass().getSimpleName()
            + ": "
            + e.getMessage()
            + "); if DynamoDB applied it, the next attempt finds the record completed and applies"
            + " nothing again",
        List.of(),
        e);
  }

  private static String tableOf(TransactWriteItem item) {
    return WriteTarget.of(item).tableName();
  }
}
