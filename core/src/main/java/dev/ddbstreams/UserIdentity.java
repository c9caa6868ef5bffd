package dev.ddbstreams;

/**
 * Who made a change, when DynamoDB says so. Only TTL deletes carry one: type {@code Service},
 * principal {@code dynamodb.amazonaws.com}.
 *
 * @param type the identity type, for example {@code Service}
 * @param principalId the principal, for example {@code dynamodb.amazonaws.com}
 */
public record UserIdentity(String type, String principalId) {

  /** The identity DynamoDB puts on deletes made by Time to Live. */
  public static final UserIdentity TTL_SERVICE =
      new UserIdentity("Service", "dynamodb.amazonaws.com");

  /**
   * Returns whether this is the identity of a TTL delete.
   *
   * @return {@code true} for type {@code Service} and principal {@code dynamodb.amazonaws.com}
   */
  public boolean isTtlService() {
    return TTL_SERVICE.equals(this);
  }
}
