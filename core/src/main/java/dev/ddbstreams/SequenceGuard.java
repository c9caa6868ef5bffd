package dev.ddbstreams;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Turns a single-item put, update or delete into one conditional write that applies only if it
 * carries a newer stream change than the item holds, so replays and out-of-order redeliveries are
 * no-ops. Every guarded write stores the sequence number of the change that made it in one
 * attribute of the item; the condition compares against it.
 *
 * <pre>{@code
 * SequenceGuard guard = SequenceGuard.inAttribute("replicatedSequence");
 * boolean applied =
 *     guard.put(replica, PutItemRequest.builder().tableName("Replica").item(image).build(),
 *         change.sequenceNumber());
 * }</pre>
 *
 * <h2>What applies</h2>
 *
 * <table>
 *   <caption>SequenceGuard</caption>
 *   <tr><th>the write carries</th><th>it applies if the item</th><th>and stores</th></tr>
 *   <tr><td>a stream change (a sequence number)</td>
 *       <td>is absent, has no stored sequence, or has an older one</td>
 *       <td>that sequence number</td></tr>
 *   <tr><td>a snapshot (no sequence number, such as a backfill's copy of an existing item)</td>
 *       <td>is absent or has no stored sequence</td><td>no sequence</td></tr>
 * </table>
 *
 * A snapshot counts as older than any stream change: it never overwrites an item a stream change
 * wrote, and any stream change overwrites it. Equal sequence numbers do not apply again. A delete
 * removes the stored sequence with the item, so a stale put replayed after a delete brings the item
 * back until the delete is replayed too; Lambda and KCL replay a shard in order from a checkpoint,
 * so the delete follows and the copy converges.
 *
 * <h2>Tombstones, while a backfill runs</h2>
 *
 * A snapshot that arrives after the delete of its item would bring the item back for good: no later
 * change will come to delete it again, and the deleted item keeps no sequence to tell the snapshot
 * it is older. A guard {@link #withTombstones(String) with tombstones} therefore deletes by putting
 * a tombstone: the item's key, the delete's sequence number and a marker attribute. A snapshot
 * finds the sequence and does not apply; a newer stream change replaces the tombstone. Readers of
 * the copy skip tombstones ({@link #isTombstone}); once no backfill runs any more, {@link
 * #purgeTombstones} deletes them.
 *
 * <pre>{@code
 * SequenceGuard guard = SequenceGuard.inAttribute("replicatedSequence").withTombstones("deleted");
 * guard.apply(replica, "Replica", change);   // snapshot, insert, modify or remove
 * ...
 * backfill.run();                            // complete: no snapshot will come any more
 * guard.purgeTombstones(replica, "Replica");
 * }</pre>
 *
 * <p>Sequence numbers are stored as strings of 40 digits, zero-padded ({@link #storedValue}):
 * stream sequence numbers have up to 40 digits, more than a DynamoDB number holds exactly, and
 * equal-length digit strings compare like the numbers. A request's own condition, if it has one,
 * must hold too. A guarded write costs what the write costs: conditions are free, and a write whose
 * condition fails is charged like a write.
 *
 * <p>A guarded write is one item's answer to at-least-once delivery; it needs no idempotency store.
 * Use it where the effect is "make the item look like the change"; for effects that accumulate
 * ({@code ADD}), or span items, stage the writes on {@code TransactionalWrites} instead. Immutable
 * and thread-safe.
 */
public final class SequenceGuard {
  /** Digits in a stored sequence number; stream sequence numbers have at most this many. */
  public static final int STORED_DIGITS = 40;

  static final String NAME = "#ddbstreams_seq";
  static final String VALUE = ":ddbstreams_seq";
  private static final String NEWER =
      "(attribute_not_exists(" + NAME + ") OR " + NAME + " < " + VALUE + ")";
  private static final String UNSEQUENCED = "attribute_not_exists(" + NAME + ")";

  // The SET keyword of an update expression: not part of a name, a placeholder or a path.
  private static final Pattern SET_CLAUSE = Pattern.compile("(?i)(?<![#:\\w.\\]])SET(?!\\w)");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1," + STORED_DIGITS + "}");

  static final String MARK = "#ddbstreams_tombstone";

  private final String attribute;
  private final @Nullable String tombstone;

  private SequenceGuard(String attribute, @Nullable String tombstone) {
    this.attribute = attribute;
    this.tombstone = tombstone;
  }

  /**
   * Returns a guard that keeps sequence numbers in the named attribute of each item.
   *
   * @param attributeName the attribute, such as {@code replicatedSequence}; not empty
   * @return the guard
   * @throws IllegalArgumentException if the name is empty
   */
  public static SequenceGuard inAttribute(String attributeName) {
    Objects.requireNonNull(attributeName, "attributeName");
    if (attributeName.isEmpty()) {
      throw new IllegalArgumentException("attributeName must not be empty");
    }
    return new SequenceGuard(attributeName, null);
  }

  /**
   * Returns this guard with tombstones: {@link #apply} and {@link #tombstone} delete an item by
   * putting its key with the delete's sequence number and {@code markerAttribute = true}, so that a
   * backfill's snapshot arriving after the delete does not bring the item back. Puts through the
   * guard drop the marker, so a newer change revives the item whole.
   *
   * @param markerAttribute the attribute that marks a tombstone, such as {@code deleted}; not
   *     empty, not the sequence attribute, and no attribute of the items themselves
   * @return the guard with tombstones
   * @throws IllegalArgumentException if the name is empty or the sequence attribute's
   */
  public SequenceGuard withTombstones(String markerAttribute) {
    Objects.requireNonNull(markerAttribute, "markerAttribute");
    if (markerAttribute.isEmpty() || markerAttribute.equals(attribute)) {
      throw new IllegalArgumentException(
          "markerAttribute must be a non-empty name other than the sequence attribute");
    }
    return new SequenceGuard(attribute, markerAttribute);
  }

  /**
   * Returns the attribute that marks tombstones, if this guard keeps them.
   *
   * @return the marker attribute or empty
   */
  public java.util.Optional<String> tombstoneAttribute() {
    return java.util.Optional.ofNullable(tombstone);
  }

  /**
   * Returns whether an item read from a guarded copy is a tombstone, which readers skip.
   *
   * @param item the item
   * @return {@code true} if this guard keeps tombstones and the item is one
   */
  public boolean isTombstone(Map<String, AttributeValue> item) {
    return tombstone != null && item.containsKey(tombstone);
  }

  /**
   * Applies the rule of the guard to a sequence number kept outside DynamoDB, for views such as a
   * search index or a cache that keep the last applied sequence per item themselves.
   *
   * @param stored what the view holds for the item: {@code null} if nothing, {@code ""} for a
   *     snapshot, else the sequence number of the last change applied (a delete's too, kept as a
   *     tombstone while a backfill may run)
   * @param sequenceNumber the incoming change's sequence number, or {@code null} for a snapshot
   * @return whether the incoming change applies: a snapshot only over nothing or a snapshot, a
   *     stream change over nothing, a snapshot or an older sequence number
   */
  public static boolean appliesOver(@Nullable String stored, @Nullable String sequenceNumber) {
    if (stored == null || stored.isEmpty()) {
      return true;
    }
    if (sequenceNumber == null) {
      return false;
    }
    return storedValue(sequenceNumber).s().compareTo(storedValue(stored).s()) > 0;
  }

  /**
   * Returns the attribute that holds each item's sequence number.
   *
   * @return the attribute's name
   */
  public String attributeName() {
    return attribute;
  }

  /**
   * Returns a sequence number as the guard stores it: a string of {@value #STORED_DIGITS} digits,
   * zero-padded on the left.
   *
   * @param sequenceNumber a stream sequence number, 1 to {@value #STORED_DIGITS} digits
   * @return the stored value
   * @throws IllegalArgumentException if it is not 1 to {@value #STORED_DIGITS} digits
   */
  public static AttributeValue storedValue(String sequenceNumber) {
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    if (!DIGITS.matcher(sequenceNumber).matches()) {
      throw new IllegalArgumentException(
          "a stream sequence number has 1 to "
              + STORED_DIGITS
              + " digits and nothing else; was '"
              + sequenceNumber
              + "'");
    }
    return AttributeValue.fromS(
        "0".repeat(STORED_DIGITS - sequenceNumber.length()) + sequenceNumber);
  }

  /**
   * Returns the put guarded: it stores the sequence number with the item and applies only over an
   * older one. Without a sequence number (a snapshot) it applies only if the item has none, and the
   * sequence attribute is left out of the item written.
   *
   * @param request the put; its own condition, if any, must hold too
   * @param sequenceNumber the change's sequence number, or {@code null} for a snapshot
   * @return the guarded put
   * @throws IllegalArgumentException if the request uses the legacy {@code Expected} parameter or
   *     the guard's placeholder names, or the sequence number is not 1 to 40 digits
   */
  public PutItemRequest guardPut(PutItemRequest request, @Nullable String sequenceNumber) {
    Objects.requireNonNull(request, "request");
    checkCombinable(
        request.hasExpected(),
        request.expressionAttributeNames(),
        request.expressionAttributeValues());
    Map<String, AttributeValue> item = new HashMap<>(request.item());
    if (tombstone != null) {
      item.remove(tombstone);
    }
    if (sequenceNumber == null) {
      item.remove(attribute);
    } else {
      item.put(attribute, storedValue(sequenceNumber));
    }
    return request.toBuilder()
        .item(item)
        .conditionExpression(condition(request.conditionExpression(), sequenceNumber))
        .expressionAttributeNames(names(request.expressionAttributeNames()))
        .expressionAttributeValues(values(request.expressionAttributeValues(), sequenceNumber))
        .build();
  }

  /**
   * Returns the update guarded: it also sets the sequence attribute, and applies only over an older
   * sequence. Without a sequence number (a snapshot) it applies only if the item has none, and sets
   * none. The update must not write the sequence attribute itself.
   *
   * @param request the update; its own condition, if any, must hold too
   * @param sequenceNumber the change's sequence number, or {@code null} for a snapshot
   * @return the guarded update
   * @throws IllegalArgumentException if the request has no update expression, uses legacy
   *     parameters or the guard's placeholder names, or the sequence number is not 1 to 40 digits
   */
  public UpdateItemRequest guardUpdate(UpdateItemRequest request, @Nullable String sequenceNumber) {
    Objects.requireNonNull(request, "request");
    if (request.hasAttributeUpdates()) {
      throw new IllegalArgumentException(
          "the update uses the legacy AttributeUpdates parameter; write it as an UpdateExpression");
    }
    String expression = request.updateExpression();
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("the update has no UpdateExpression");
    }
    checkCombinable(
        request.hasExpected(),
        request.expressionAttributeNames(),
        request.expressionAttributeValues());
    String guarded = expression;
    if (sequenceNumber != null) {
      Matcher set = SET_CLAUSE.matcher(expression);
      String assignment = NAME + " = " + VALUE;
      guarded =
          set.find()
              ? expression.substring(0, set.end())
                  + " "
                  + assignment
                  + ","
                  + expression.substring(set.end())
              : expression + " SET " + assignment;
    }
    return request.toBuilder()
        .updateExpression(guarded)
        .conditionExpression(condition(request.conditionExpression(), sequenceNumber))
        .expressionAttributeNames(names(request.expressionAttributeNames()))
        .expressionAttributeValues(values(request.expressionAttributeValues(), sequenceNumber))
        .build();
  }

  /**
   * Returns the delete guarded: it applies only if the item's stored sequence is older (or there is
   * none). A delete always carries a stream change; snapshots have no deletes.
   *
   * @param request the delete; its own condition, if any, must hold too
   * @param sequenceNumber the change's sequence number
   * @return the guarded delete
   * @throws IllegalArgumentException if the request uses the legacy {@code Expected} parameter or
   *     the guard's placeholder names, or the sequence number is not 1 to 40 digits
   */
  public DeleteItemRequest guardDelete(DeleteItemRequest request, String sequenceNumber) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    checkCombinable(
        request.hasExpected(),
        request.expressionAttributeNames(),
        request.expressionAttributeValues());
    return request.toBuilder()
        .conditionExpression(condition(request.conditionExpression(), sequenceNumber))
        .expressionAttributeNames(names(request.expressionAttributeNames()))
        .expressionAttributeValues(values(request.expressionAttributeValues(), sequenceNumber))
        .build();
  }

  /**
   * Writes the put guarded ({@link #guardPut}).
   *
   * @param client the client of the item's table
   * @param request the put
   * @param sequenceNumber the change's sequence number, or {@code null} for a snapshot
   * @return {@code true} if it applied; {@code false} if the item holds the same or a newer change
   *     (or the request's own condition failed), and nothing changed
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails otherwise
   */
  public boolean put(
      DynamoDbClient client, PutItemRequest request, @Nullable String sequenceNumber) {
    PutItemRequest guarded = guardPut(request, sequenceNumber);
    try {
      client.putItem(guarded);
      return true;
    } catch (ConditionalCheckFailedException staleOrDone) {
      return false;
    }
  }

  /**
   * Writes the update guarded ({@link #guardUpdate}).
   *
   * @param client the client of the item's table
   * @param request the update
   * @param sequenceNumber the change's sequence number, or {@code null} for a snapshot
   * @return {@code true} if it applied; {@code false} if the item holds the same or a newer change
   *     (or the request's own condition failed), and nothing changed
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails otherwise
   */
  public boolean update(
      DynamoDbClient client, UpdateItemRequest request, @Nullable String sequenceNumber) {
    UpdateItemRequest guarded = guardUpdate(request, sequenceNumber);
    try {
      client.updateItem(guarded);
      return true;
    } catch (ConditionalCheckFailedException staleOrDone) {
      return false;
    }
  }

  /**
   * Writes the delete guarded ({@link #guardDelete}).
   *
   * @param client the client of the item's table
   * @param request the delete
   * @param sequenceNumber the change's sequence number
   * @return {@code true} if it applied (deleting an absent item applies and changes nothing);
   *     {@code false} if the item holds the same or a newer change (or the request's own condition
   *     failed), and nothing changed
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails otherwise
   */
  public boolean delete(DynamoDbClient client, DeleteItemRequest request, String sequenceNumber) {
    DeleteItemRequest guarded = guardDelete(request, sequenceNumber);
    try {
      client.deleteItem(guarded);
      return true;
    } catch (ConditionalCheckFailedException staleOrDone) {
      return false;
    }
  }

  /**
   * Returns the put of a tombstone: the key, the delete's sequence number and the marker, applied
   * only over an older sequence (or none), like a guarded delete.
   *
   * @param tableName the table of the copy
   * @param key the item's key
   * @param sequenceNumber the delete's sequence number
   * @return the put
   * @throws IllegalStateException if this guard keeps no tombstones
   * @throws IllegalArgumentException if the sequence number is not 1 to 40 digits
   */
  public PutItemRequest guardTombstone(
      String tableName, Map<String, AttributeValue> key, String sequenceNumber) {
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    if (tombstone == null) {
      throw new IllegalStateException("this guard keeps no tombstones; see withTombstones");
    }
    PutItemRequest guarded =
        guardPut(PutItemRequest.builder().tableName(tableName).item(key).build(), sequenceNumber);
    Map<String, AttributeValue> item = new HashMap<>(guarded.item());
    item.put(tombstone, AttributeValue.fromBool(true));
    return guarded.toBuilder().item(item).build();
  }

  /**
   * Deletes an item by writing its tombstone ({@link #guardTombstone}).
   *
   * @param client the client of the copy's table
   * @param tableName the table
   * @param key the item's key
   * @param sequenceNumber the delete's sequence number
   * @return {@code true} if it applied, {@code false} if the item holds the same or a newer change
   * @throws IllegalStateException if this guard keeps no tombstones
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails otherwise
   */
  public boolean tombstone(
      DynamoDbClient client,
      String tableName,
      Map<String, AttributeValue> key,
      String sequenceNumber) {
    PutItemRequest guarded = guardTombstone(tableName, key, sequenceNumber);
    try {
      client.putItem(guarded);
      return true;
    } catch (ConditionalCheckFailedException staleOrDone) {
      return false;
    }
  }

  /**
   * Deletes the tombstones of a table, each only if it is still the same tombstone (a newer change
   * may have replaced it meanwhile). Run it when no backfill of the source will send snapshots any
   * more; the copy then holds exactly the live items.
   *
   * @param client the client of the copy's table
   * @param tableName the table
   * @return how many tombstones were deleted
   * @throws IllegalStateException if this guard keeps no tombstones
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails
   */
  public int purgeTombstones(DynamoDbClient client, String tableName) {
    if (tombstone == null) {
      throw new IllegalStateException("this guard keeps no tombstones; see withTombstones");
    }
    List<String> keyNames = keyAttributes(client, tableName);
    int purged = 0;
    for (Map<String, AttributeValue> found :
        client
            .scanPaginator(
                b ->
                    b.tableName(tableName)
                        .consistentRead(true)
                        .filterExpression("attribute_exists(" + MARK + ")")
                        .expressionAttributeNames(Map.of(MARK, tombstone)))
            .items()) {
      Map<String, AttributeValue> key = new HashMap<>();
      for (String name : keyNames) {
        key.put(name, found.get(name));
      }
      AttributeValue sequence = found.get(attribute);
      try {
        client.deleteItem(
            b ->
                b.tableName(tableName)
                    .key(key)
                    .conditionExpression(
                        "attribute_exists(" + MARK + ") AND " + NAME + " = " + VALUE)
                    .expressionAttributeNames(Map.of(MARK, tombstone, NAME, attribute))
                    .expressionAttributeValues(Map.of(VALUE, sequence)));
        purged++;
      } catch (ConditionalCheckFailedException replaced) {
        // A newer change revived the item after the scan read its tombstone: keep it.
      }
    }
    return purged;
  }

  private static List<String> keyAttributes(DynamoDbClient client, String tableName) {
    return client.describeTable(b -> b.tableName(tableName)).table().keySchema().stream()
        .map(KeySchemaElement::attributeName)
        .toList();
  }

  /**
   * Makes an item of another table look like a stream change left the item of the stream's table:
   * INSERT and MODIFY put the new image, REMOVE (user deletes and TTL expiries alike) deletes the
   * key (with {@linkplain #withTombstones tombstones}, puts a tombstone); each guarded by the
   * record's sequence number. A {@linkplain StreamRecord#isSnapshot() snapshot} puts its image as a
   * snapshot, which applies only where no stream change wrote. Needs a stream that carries new
   * images.
   *
   * @param client the client of the target table
   * @param tableName the target table, with the stream table's key schema
   * @param change the change
   * @return {@code true} if it applied, {@code false} if the target holds the same or a newer
   *     change
   * @throws MissingImageException if an INSERT or MODIFY record has no new image
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails otherwise
   */
  public boolean apply(DynamoDbClient client, String tableName, StreamRecord<?> change) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(tableName, "tableName");
    String sequenceNumber = change.isSnapshot() ? null : change.sequenceNumber();
    return switch (change.eventName()) {
      case INSERT, MODIFY -> {
        Map<String, AttributeValue> image =
            change
                .rawNewImage()
                .orElseThrow(
                    () ->
                        new MissingImageException(
                            change.eventId(),
                            String.valueOf(sequenceNumber),
                            change.eventName(),
                            ImageKind.NEW_IMAGE,
                            change.viewType(),
                            "SequenceGuard#apply"));
        yield put(
            client,
            PutItemRequest.builder().tableName(tableName).item(image).build(),
            sequenceNumber);
      }
      case REMOVE ->
          tombstone != null
              ? tombstone(client, tableName, change.keys(), change.sequenceNumber())
              : delete(
                  client,
                  DeleteItemRequest.builder().tableName(tableName).key(change.keys()).build(),
                  change.sequenceNumber());
    };
  }

  private static void checkCombinable(
      boolean legacyExpected, Map<String, String> names, Map<String, AttributeValue> values) {
    if (legacyExpected) {
      throw new IllegalArgumentException(
          "the request uses the legacy Expected parameter, which cannot be combined with a"
              + " condition expression; write it as a ConditionExpression");
    }
    if (names.containsKey(NAME) || values.containsKey(VALUE)) {
      throw new IllegalArgumentException(
          "the request uses the placeholder " + NAME + " or " + VALUE + ", which the guard adds");
    }
  }

  private static String condition(@Nullable String own, @Nullable String sequenceNumber) {
    String guard = sequenceNumber == null ? UNSEQUENCED : NEWER;
    return own == null || own.isBlank() ? guard : "(" + own + ") AND " + guard;
  }

  private Map<String, String> names(Map<String, String> own) {
    Map<String, String> names = new HashMap<>(own);
    names.put(NAME, attribute);
    return names;
  }

  private static Map<String, AttributeValue> values(
      Map<String, AttributeValue> own, @Nullable String sequenceNumber) {
    if (sequenceNumber == null) {
      return own; // an empty map stays unset: DynamoDB refuses empty ExpressionAttributeValues
    }
    Map<String, AttributeValue> values = new HashMap<>(own);
    values.put(VALUE, storedValue(sequenceNumber));
    return values;
  }

  @Override
  public String toString() {
    return "SequenceGuard[attribute="
        + attribute
        + (tombstone == null ? "" : ", tombstones=" + tombstone)
        + "]";
  }
}
