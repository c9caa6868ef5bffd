/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.ddbstreams;

import java.time.Clock;
import java.time.Duration;
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
 * back until the delete is replayed too (Lambda and KCL replay a shard in order from a checkpoint,
 * so the delete follows and the copy converges), and a snapshot written after a delete brings it
 * back for good. A guard {@link #withTombstones with tombstones} keeps the deleted item's sequence
 * in a tombstone instead, so neither happens: use one for a copy that a backfill fills while the
 * stream keeps it current, and {@link #purgeTombstones} once the backfill is done if the tombstones
 * should not wait for their expiry. {@link #appliesOver} states the same rule for views outside
 * DynamoDB.
 *
 * <p>Sequence numbers are stored as strings of 40 digits, zero-padded ({@link #storedValue}):
 * stream sequence numbers have up to 40 digits, more than a DynamoDB number holds exactly, and
 * equal-length digit strings compare like the numbers. A request's own condition, if it has one,
 * must hold too. A guarded write costs what the write costs: conditions are free, and a write whose
 * condition fails is charged like a write.
 *
 * <p>A guarded write is one item's answer to at-least-once delivery; it needs no idempotency store.
 * Use it where the effect is "make the item look like the change"; for effects that accumulate
 * ({@code ADD}), or span items, stage the writes on {@link TransactionalWrites} instead. Immutable
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

  static final String TOMBSTONE = "#ddbstreams_tomb";

  // The REMOVE keyword of an update expression, found like SET.
  private static final Pattern REMOVE_CLAUSE = Pattern.compile("(?i)(?<![#:\\w.\\]])REMOVE(?!\\w)");

  private final String attribute;
  private final @Nullable String tombstoneAttribute;
  private final Duration tombstoneLife;
  private final Clock clock;

  private SequenceGuard(
      String attribute, @Nullable String tombstoneAttribute, Duration tombstoneLife, Clock clock) {
    this.attribute = attribute;
    this.tombstoneAttribute = tombstoneAttribute;
    this.tombstoneLife = tombstoneLife;
    this.clock = clock;
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
    return new SequenceGuard(attributeName, null, Duration.ZERO, Clock.systemUTC());
  }

  /**
   * Returns this guard with deletes that leave a tombstone: instead of deleting the item, a guarded
   * delete replaces it with its key, the delete's sequence number and {@code expiryAttribute}
   * (epoch seconds, {@code keep} from now; make it the table's TTL attribute so DynamoDB removes
   * tombstones). A tombstone remembers that a newer change deleted the item: a stale put replayed
   * after it, or a snapshot, is then a no-op instead of bringing the item back. Readers of the
   * table skip tombstones ({@link #isTombstone}); a later put replaces one, and a guarded update
   * removes its mark.
   *
   * @param expiryAttribute the attribute that marks a tombstone and holds its expiry
   * @param keep how long a tombstone lasts: longer than any replay or backfill it must outlast
   * @return a guard with tombstones
   * @throws IllegalArgumentException if the attribute is empty or the sequence attribute, or {@code
   *     keep} is not positive
   */
  public SequenceGuard withTombstones(String expiryAttribute, Duration keep) {
    return withTombstones(expiryAttribute, keep, clock);
  }

  SequenceGuard withTombstones(String expiryAttribute, Duration keep, Clock clock) {
    Objects.requireNonNull(expiryAttribute, "expiryAttribute");
    Objects.requireNonNull(keep, "keep");
    if (expiryAttribute.isEmpty() || expiryAttribute.equals(attribute)) {
      throw new IllegalArgumentException(
          "the tombstone attribute must be named, and not be the sequence attribute");
    }
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("tombstones must last a positive time, was " + keep);
    }
    return new SequenceGuard(attribute, expiryAttribute, keep, clock);
  }

  /**
   * Whether an item is a tombstone this guard left for a delete (always false without tombstones).
   *
   * @param item an item of the guarded table
   * @return {@code true} if readers should take the item as deleted
   */
  public boolean isTombstone(Map<String, AttributeValue> item) {
    return tombstoneAttribute != null && item.containsKey(tombstoneAttribute);
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
   * @throws IllegalArgumentException if it has more than {@value #STORED_DIGITS} digits
   */
  public static AttributeValue storedValue(SequenceNumber sequenceNumber) {
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    String digits = sequenceNumber.toString();
    if (digits.length() > STORED_DIGITS) {
      throw new IllegalArgumentException(
          "a stream sequence number has 1 to "
              + STORED_DIGITS
              + " digits; was "
              + digits.length()
              + " digits long");
    }
    return AttributeValue.fromS("0".repeat(STORED_DIGITS - digits.length()) + digits);
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
  public PutItemRequest guardPut(PutItemRequest request, @Nullable SequenceNumber sequenceNumber) {
    Objects.requireNonNull(request, "request");
    checkCombinable(
        request.hasExpected(),
        request.expressionAttributeNames(),
        request.expressionAttributeValues());
    Map<String, AttributeValue> item = new HashMap<>(request.item());
    if (tombstoneAttribute != null) {
      item.remove(tombstoneAttribute); // the item's new state is no tombstone
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
  public UpdateItemRequest guardUpdate(
      UpdateItemRequest request, @Nullable SequenceNumber sequenceNumber) {
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
    Map<String, String> names = names(request.expressionAttributeNames());
    if (sequenceNumber != null) {
      guarded = addToClause(guarded, SET_CLAUSE, "SET", NAME + " = " + VALUE);
      if (tombstoneAttribute != null) {
        // A tombstone that a newer change updates is an item again.
        guarded = addToClause(guarded, REMOVE_CLAUSE, "REMOVE", TOMBSTONE);
        names.put(TOMBSTONE, tombstoneAttribute);
      }
    }
    return request.toBuilder()
        .updateExpression(guarded)
        .conditionExpression(condition(request.conditionExpression(), sequenceNumber))
        .expressionAttributeNames(names)
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
  public DeleteItemRequest guardDelete(DeleteItemRequest request, SequenceNumber sequenceNumber) {
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
   * Returns the put that replaces an item by a tombstone for a guarded delete: the delete's key,
   * the sequence number and the tombstone attribute, applied only over an older sequence (see
   * {@link #withTombstones}).
   *
   * @param request the delete; its own condition, if any, must hold too
   * @param sequenceNumber the change's sequence number
   * @return the put
   * @throws IllegalStateException if this guard has no tombstones
   * @throws IllegalArgumentException as {@link #guardDelete}
   */
  public PutItemRequest guardTombstone(DeleteItemRequest request, SequenceNumber sequenceNumber) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sequenceNumber, "sequenceNumber");
    if (tombstoneAttribute == null) {
      throw new IllegalStateException("this guard deletes items; see withTombstones(...)");
    }
    checkCombinable(
        request.hasExpected(),
        request.expressionAttributeNames(),
        request.expressionAttributeValues());
    Map<String, AttributeValue> tombstone = new HashMap<>(request.key());
    tombstone.put(attribute, storedValue(sequenceNumber));
    tombstone.put(
        tombstoneAttribute,
        AttributeValue.fromN(Long.toString(clock.instant().plus(tombstoneLife).getEpochSecond())));
    return PutItemRequest.builder()
        .tableName(request.tableName())
        .item(tombstone)
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
      DynamoDbClient client, PutItemRequest request, @Nullable SequenceNumber sequenceNumber) {
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
      DynamoDbClient client, UpdateItemRequest request, @Nullable SequenceNumber sequenceNumber) {
    UpdateItemRequest guarded = guardUpdate(request, sequenceNumber);
    try {
      client.updateItem(guarded);
      return true;
    } catch (ConditionalCheckFailedException staleOrDone) {
      return false;
    }
  }

  /**
   * Writes the delete guarded ({@link #guardDelete}), or with tombstones the tombstone ({@link
   * #guardTombstone}).
   *
   * @param client the client of the item's table
   * @param request the delete
   * @param sequenceNumber the change's sequence number
   * @return {@code true} if it applied (deleting an absent item applies and changes nothing);
   *     {@code false} if the item holds the same or a newer change (or the request's own condition
   *     failed), and nothing changed
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails otherwise
   */
  public boolean delete(
      DynamoDbClient client, DeleteItemRequest request, SequenceNumber sequenceNumber) {
    try {
      if (tombstoneAttribute != null) {
        client.putItem(guardTombstone(request, sequenceNumber));
      } else {
        client.deleteItem(guardDelete(request, sequenceNumber));
      }
      return true;
    } catch (ConditionalCheckFailedException staleOrDone) {
      return false;
    }
  }

  /**
   * Applies the rule of the guard to a sequence number kept outside DynamoDB, for views such as a
   * search index or a cache that keep the last applied sequence per item themselves.
   *
   * @param stored what the view holds for the item: {@code null} if nothing, {@code ""} for a
   *     snapshot, else the sequence number of the last change applied (a delete's too, kept while a
   *     backfill may run)
   * @param sequenceNumber the incoming change's sequence number, or {@code null} for a snapshot
   * @return whether the incoming change applies: a snapshot only over nothing or a snapshot, a
   *     stream change over nothing, a snapshot or an older sequence number
   * @throws IllegalArgumentException if a sequence number is not 1 to 40 digits
   */
  public static boolean appliesOver(
      @Nullable String stored, @Nullable SequenceNumber sequenceNumber) {
    if (stored == null || stored.isEmpty()) {
      return true;
    }
    if (sequenceNumber == null) {
      return false;
    }
    return storedValue(sequenceNumber).s().compareTo(storedValue(SequenceNumber.of(stored)).s())
        > 0;
  }

  /**
   * Deletes the tombstones of a table, each only if it is still the same tombstone (a newer change
   * may have replaced it meanwhile). Run it when no backfill will send snapshots to the table any
   * more, so the copy holds exactly the live items without waiting for the tombstones' expiry.
   *
   * @param client the client of the guarded table
   * @param tableName the table
   * @return how many tombstones were deleted
   * @throws IllegalStateException if this guard has no tombstones
   * @throws software.amazon.awssdk.core.exception.SdkException if DynamoDB fails
   */
  public int purgeTombstones(DynamoDbClient client, String tableName) {
    String marker = tombstoneAttribute;
    if (marker == null) {
      throw new IllegalStateException("this guard deletes items; see withTombstones(...)");
    }
    List<String> keyNames =
        client.describeTable(b -> b.tableName(tableName)).table().keySchema().stream()
            .map(KeySchemaElement::attributeName)
            .toList();
    int purged = 0;
    for (Map<String, AttributeValue> found :
        client
            .scanPaginator(
                b ->
                    b.tableName(tableName)
                        .consistentRead(true)
                        .filterExpression("attribute_exists(" + TOMBSTONE + ")")
                        .expressionAttributeNames(Map.of(TOMBSTONE, marker)))
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
                        "attribute_exists(" + TOMBSTONE + ") AND " + NAME + " = " + VALUE)
                    .expressionAttributeNames(Map.of(TOMBSTONE, marker, NAME, attribute))
                    .expressionAttributeValues(Map.of(VALUE, sequence)));
        purged++;
      } catch (ConditionalCheckFailedException replaced) {
        // A newer change revived the item after the scan read its tombstone: keep it.
      }
    }
    return purged;
  }

  /**
   * Makes an item of another table look like a stream change left the item of the stream's table:
   * INSERT and MODIFY put the new image, REMOVE (user deletes and TTL expiries alike) deletes the
   * key (with tombstones, leaves one); each guarded by the record's sequence number. A {@linkplain
   * StreamRecord#isSnapshot() snapshot} puts its image as a snapshot, which applies only where no
   * stream change wrote. Needs a stream that carries new images.
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
    SequenceNumber sequenceNumber = change.isSnapshot() ? null : change.sequenceNumber();
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
          delete(
              client,
              DeleteItemRequest.builder().tableName(tableName).key(change.keys()).build(),
              change.sequenceNumber());
    };
  }

  private static String addToClause(
      String expression, Pattern clause, String keyword, String element) {
    Matcher m = clause.matcher(expression);
    return m.find()
        ? expression.substring(0, m.end()) + " " + element + "," + expression.substring(m.end())
        : expression + " " + keyword + " " + element;
  }

  private static void checkCombinable(
      boolean legacyExpected, Map<String, String> names, Map<String, AttributeValue> values) {
    if (legacyExpected) {
      throw new IllegalArgumentException(
          "the request uses the legacy Expected parameter, which cannot be combined with a"
              + " condition expression; write it as a ConditionExpression");
    }
    if (names.containsKey(NAME) || names.containsKey(TOMBSTONE) || values.containsKey(VALUE)) {
      throw new IllegalArgumentException(
          "the request uses the placeholder "
              + NAME
              + ", "
              + TOMBSTONE
              + " or "
              + VALUE
              + ", which the guard adds");
    }
  }

  private static String condition(@Nullable String own, @Nullable SequenceNumber sequenceNumber) {
    String guard = sequenceNumber == null ? UNSEQUENCED : NEWER;
    return own == null || own.isBlank() ? guard : "(" + own + ") AND " + guard;
  }

  private Map<String, String> names(Map<String, String> own) {
    Map<String, String> names = new HashMap<>(own);
    names.put(NAME, attribute);
    return names;
  }

  private static Map<String, AttributeValue> values(
      Map<String, AttributeValue> own, @Nullable SequenceNumber sequenceNumber) {
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
        + (tombstoneAttribute == null
            ? ""
            : ", tombstones=" + tombstoneAttribute + " for " + tombstoneLife)
        + "]";
  }
}
