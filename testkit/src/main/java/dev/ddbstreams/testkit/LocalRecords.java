package dev.ddbstreams.testkit;

import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Makes DynamoDB Local's stream records look like the ones AWS sends, where they differ in a way
 * that matters to a consumer.
 *
 * <p>The quirks of DynamoDB Local 3.3.1, and what is done about each:
 *
 * <ul>
 *   <li><b>TTL deletes</b> arrive with {@code eventName} {@code EXPIRE} (embedded mode; the SDK
 *       parses it as {@link OperationType#UNKNOWN_TO_SDK_VERSION}) or another name that is not
 *       {@code INSERT}, {@code MODIFY} or {@code REMOVE} (server mode), and with no {@code
 *       userIdentity}. AWS sends {@code REMOVE} with user identity type {@code Service}, principal
 *       {@code dynamodb.amazonaws.com}. <b>Normalised</b> to what AWS sends. (DynamoDB Local's own
 *       conversion compares the SDK enum with a string and never fires.)
 *   <li><b>{@code awsRegion}</b> is {@code ddblocal} and stream ARNs read {@code
 *       arn:aws:dynamodb:ddblocal:000000000000:table/T/stream/LABEL}. Kept: no consumer logic
 *       depends on the region, and the ARN must stay usable against DynamoDB Local.
 *   <li><b>{@code ApproximateCreationDateTime}</b> is rounded down to the minute (AWS: to the
 *       second, or finer). Kept: faking precision would be a lie.
 *   <li><b>{@code userIdentity}</b> is null on every other record, as on AWS. Kept.
 *   <li><b>Sequence numbers</b> are 21-digit zero-padded counters per table ({@code
 *       000000000000000000001}), strictly increasing within a shard; AWS's are larger and not
 *       contiguous. Kept: consumers must compare them as big integers either way.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class LocalRecords {

  /** The user identity type of a TTL delete on AWS. */
  public static final String TTL_IDENTITY_TYPE = "Service";

  /** The user identity principal of a TTL delete on AWS. */
  public static final String TTL_PRINCIPAL = "dynamodb.amazonaws.com";

  private static final Set<String> STANDARD_EVENT_NAMES =
      Set.of(
          OperationType.INSERT.toString(),
          OperationType.MODIFY.toString(),
          OperationType.REMOVE.toString());

  private LocalRecords() {}

  /**
   * Returns the record as AWS would have sent it: a DynamoDB Local TTL delete becomes a {@code
   * REMOVE} with the {@code Service} user identity; any other record is returned as is.
   *
   * <p>Idempotent: normalising a normalised record returns an equal record.
   *
   * @param record a record read from DynamoDB Local's stream
   * @return the normalised record (the same instance when nothing changes)
   */
  public static Record normalize(Record record) {
    if (!isLocalTtlDelete(record)) {
      return record;
    }
    return record.toBuilder().eventName(OperationType.REMOVE).userIdentity(ttlIdentity()).build();
  }

  /**
   * Tells whether a record is a TTL delete in DynamoDB Local's form: an event name that is present
   * but not {@code INSERT}, {@code MODIFY} or {@code REMOVE}.
   *
   * @param record a record read from DynamoDB Local's stream
   * @return whether {@link #normalize} would turn it into a {@code REMOVE}
   */
  public static boolean isLocalTtlDelete(Record record) {
    String eventName = record.eventNameAsString();
    return eventName != null && !STANDARD_EVENT_NAMES.contains(eventName);
  }

  /**
   * Tells whether a record is a TTL delete in AWS's form: a {@code REMOVE} whose user identity is
   * type {@code Service}, principal {@code dynamodb.amazonaws.com}.
   *
   * @param record a stream record
   * @return whether the record is a TTL delete as AWS sends it
   */
  public static boolean isTtlDelete(Record record) {
    Identity identity = record.userIdentity();
    return record.eventName() == OperationType.REMOVE
        && identity != null
        && TTL_IDENTITY_TYPE.equals(identity.type())
        && TTL_PRINCIPAL.equals(identity.principalId());
  }

  /**
   * Returns the user identity AWS puts on TTL deletes.
   *
   * @return type {@code Service}, principal {@code dynamodb.amazonaws.com}
   */
  public static Identity ttlIdentity() {
    return Identity.builder().type(TTL_IDENTITY_TYPE).principalId(TTL_PRINCIPAL).build();
  }
}
