package dev.ddbstreams;

/**
 * The identity of one (handler, record) pair in an idempotency store.
 *
 * @param namespace separates applications that share a store, such as {@code pet-views}
 * @param handlerId the handler's stable ID
 * @param recordId the record's identity: its event ID, or its item key and sequence number
 */
public record IdempotencyKey(String namespace, String handlerId, String recordId) {

  /**
   * Returns the key as one string, the form stores persist: {@code namespace#handlerId#recordId}.
   *
   * @return the key
   */
  public String value() {
    return namespace + '#' + handlerId + '#' + recordId;
  }
}
