package dev.ddbstreams.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Produces real TTL deletes in DynamoDB Local, so their stream records come from DynamoDB Local's
 * own expiry, not from a hand-made record.
 *
 * <p>How DynamoDB Local 3.3.1 (embedded) expires items, found by experiment and by reading its
 * class files: a scheduler looks every second for tables with TTL enabled and starts one sweep per
 * table that has none running. A sweep scans 20 items (the scan limit applies before the filter
 * {@code ttl BETWEEN now-5y AND now}), deletes the expired ones, then sleeps 10 s before the next
 * page or before ending. So a table is swept about every 11 s, and an expired item is deleted 0 to
 * 11 s after it is written; on a table created with TTL a moment before, the first sweep takes
 * about 1.3 s (measured). Expiry times more than 5 years in the past are never deleted. The 1 s and
 * 10 s periods are constants of DynamoDB Local; no system property, setting or API changes them
 * ({@code dilateEventTimes} only ages stream records). The delete appears on the stream with {@code
 * eventName} {@code EXPIRE}, no user identity, the old image as the view type allows; {@link
 * LocalRecords#normalize} turns it into what AWS sends.
 *
 * <p>Stateless and thread-safe.
 */
public final class TimeToLive {

  /** Long enough for two of DynamoDB Local's sweeps of a table with up to 20 items. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration EXPIRED_SINCE = Duration.ofHours(1);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private TimeToLive() {}

  /**
   * Writes the item with its TTL attribute set to one hour ago and waits until DynamoDB Local has
   * deleted it, so that its TTL delete record is on the stream when this method returns.
   *
   * <p>The write itself adds an {@code INSERT} (or {@code MODIFY}) record before the delete. Use a
   * table with at most 20 items: larger tables need one 10 s sweep per 20 items.
   *
   * @param client the client of the DynamoDB Local instance that holds the table
   * @param table a table created with {@link StreamTable.Builder#ttlAttribute}
   * @param item the item to write, keys included; its TTL attribute, if any, is replaced
   * @param timeout how long to wait for the delete at most
   * @return the item as written, TTL attribute included (the old image of the delete)
   * @throws IllegalArgumentException if the table has no TTL attribute
   * @throws AssertionError if the item still exists after the timeout
   */
  public static Map<String, AttributeValue> expire(
      DynamoDbClient client,
      StreamTable table,
      Map<String, AttributeValue> item,
      Duration timeout) {
    String ttlAttribute =
        table
            .ttlAttribute()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Table " + table.name() + " has no TTL attribute; set one on its builder"));
    Map<String, AttributeValue> written = new HashMap<>(item);
    long expiredAt = Instant.now().minus(EXPIRED_SINCE).getEpochSecond();
    written.put(ttlAttribute, AttributeValue.fromN(Long.toString(expiredAt)));
    Map<String, AttributeValue> key = keyOf(table, written);
    client.putItem(b -> b.tableName(table.name()).item(written));
    awaitDeleted(client, table, key, timeout);
    return Map.copyOf(written);
  }

  /**
   * Like {@link #expire(DynamoDbClient, StreamTable, Map, Duration)} with {@link #DEFAULT_TIMEOUT}.
   *
   * @param client the client of the DynamoDB Local instance that holds the table
   * @param table a table created with {@link StreamTable.Builder#ttlAttribute}
   * @param item the item to write, keys included; its TTL attribute, if any, is replaced
   * @return the item as written, TTL attribute included
   */
  public static Map<String, AttributeValue> expire(
      DynamoDbClient client, StreamTable table, Map<String, AttributeValue> item) {
    return expire(client, table, item, DEFAULT_TIMEOUT);
  }

  private static void awaitDeleted(
      DynamoDbClient client, StreamTable table, Map<String, AttributeValue> key, Duration timeout) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    while (client.getItem(b -> b.tableName(table.name()).key(key).consistentRead(true)).hasItem()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "DynamoDB Local did not expire item "
                + key
                + " of table "
                + table.name()
                + " within "
                + timeout
                + " (it sweeps each TTL table about every 11 s, 20 items per 10 s)");
      }
      Sleeper.sleep(POLL_INTERVAL, "the TTL delete of " + key + " in " + table.name());
    }
  }

  private static Map<String, AttributeValue> keyOf(
      StreamTable table, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new HashMap<>();
    String partitionKey = table.partitionKey().name();
    key.put(partitionKey, required(item, partitionKey, table));
    table.sortKey().ifPresent(sk -> key.put(sk.name(), required(item, sk.name(), table)));
    return key;
  }

  private static AttributeValue required(
      Map<String, AttributeValue> item, String attribute, StreamTable table) {
    AttributeValue value = item.get(attribute);
    if (value == null) {
      throw new IllegalArgumentException(
          "Item lacks key attribute '" + attribute + "' of table " + table.name());
    }
    return value;
  }
}
