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

import dev.ddbstreams.diff.ImageDiff;
import dev.ddbstreams.internal.record.LazyImages;
import dev.ddbstreams.internal.record.LazyRecords;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * One change from a DynamoDB stream, with its images decoded to {@code T} on first use.
 *
 * <p>Built from the AWS SDK v2 {@link Record}, the form both KCL and this library's Lambda adapter
 * hand over. Metadata is read once at construction, which also checks what every stream record has
 * (event ID, a known event name, a numeric sequence number); images are mapped lazily, at most once
 * each, and a failure to map names the record and the attribute path, never a value.
 *
 * <pre>{@code
 * StreamRecord<Pet> change = StreamRecord.of(raw, Pet.class);
 * if (change.eventName() == EventName.INSERT) {
 *   Pet pet = change.newImage().orElseThrow();
 * }
 * }</pre>
 *
 * <p>A <em>snapshot</em> record ({@link #isSnapshot()}) is not a change from the stream but an item
 * as a table backfill read it: an INSERT with the item as its new image, no old image and no
 * sequence number. Only handlers that opt in (for example {@code @OnInsert(snapshots = INCLUDE)})
 * receive snapshots.
 *
 * <p>Images are decoded on first read. A record from {@code DynamoDbStreamJsonLambda} keeps each
 * image as a byte range of the event JSON until something reads it ({@link #newImage()}, {@link
 * #rawImage}, {@link #diff()}, {@link #raw()}); a record no handler reads never decodes its images.
 * Such a record holds a reference to the event's bytes, so it stays complete when kept after the
 * invocation, at the cost of keeping those bytes reachable as long as it is. An image that turns
 * out malformed when first read throws {@link MalformedRecordException} naming the record and the
 * attribute path, on every read.
 *
 * <p>Instances are immutable apart from the image caches and safe to share between threads.
 *
 * @param <T> the type images are mapped to
 */
public final class StreamRecord<T> {
  /**
   * The {@code eventSource} of snapshot records, in place of the stream's {@code aws:dynamodb}: the
   * mark that tells a snapshot from a stream record.
   */
  public static final String SNAPSHOT_EVENT_SOURCE = "ddbstreams:snapshot";

  /** What messages and {@link #toString()} print for the sequence number of a snapshot. */
  private static final String NO_SEQUENCE = "none (snapshot)";

  private static final Map<String, AttributeValue> NO_IMAGE = Map.of();

  static {
    LazyRecords.install(
        new LazyRecords.Factory() {
          @Override
          public <T> StreamRecord<T> create(
              Record withoutImages,
              LazyImages images,
              ImageMapper<T> mapper,
              @Nullable String streamArn) {
            return new StreamRecord<>(
                withoutImages, Objects.requireNonNull(images), mapper, streamArn);
          }
        });
  }

  /** The SDK record; without its images when {@link #lazy} holds them. */
  private final Record raw;

  /** The images, decoded on first read; {@code null} when {@link #raw} carries them. */
  private final @Nullable LazyImages lazy;

  private final ImageMapper<T> mapper;
  private final @Nullable String streamArn;
  private final String eventId;
  private final EventName eventName;
  private final @Nullable SequenceNumber sequenceNumber;
  private final boolean snapshot;
  private final ViewType viewType;
  private final @Nullable UserIdentity userIdentity;

  private volatile @Nullable ImageDiff diff;
  private volatile @Nullable Optional<T> newImage;
  private volatile @Nullable Optional<T> oldImage;

  private StreamRecord(
      Record raw, @Nullable LazyImages lazy, ImageMapper<T> mapper, @Nullable String streamArn) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.lazy = lazy;
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.streamArn = streamArn;
    String id = raw.eventID();
    software.amazon.awssdk.services.dynamodb.model.StreamRecord body = raw.dynamodb();
    String seq = body == null ? null : body.sequenceNumber();
    if (id == null || id.isEmpty()) {
      throw new MalformedRecordException(id, seq, "the record has no eventID");
    }
    if (body == null) {
      throw new MalformedRecordException(id, null, "the record has no dynamodb section");
    }
    this.eventId = id;
    this.eventName = parseEventName(raw.eventNameAsString(), id, seq);
    this.snapshot = SNAPSHOT_EVENT_SOURCE.equals(raw.eventSource());
    if (snapshot) {
      checkSnapshot(body, id, seq);
      this.sequenceNumber = null;
    } else {
      this.sequenceNumber = parseSequence(seq, id);
    }
    this.viewType = ViewType.fromWireName(body.streamViewTypeAsString());
    Identity identity = raw.userIdentity();
    this.userIdentity =
        identity == null || identity.type() == null || identity.principalId() == null
            ? null
            : new UserIdentity(identity.type(), identity.principalId());
  }

  /**
   * Wraps a raw record, mapping images with {@link ImageMapper#of(Class)}.
   *
   * @param raw the SDK v2 record
   * @param type the type images are mapped to
   * @param <T> the type images are mapped to
   * @return the typed record
   * @throws MalformedRecordException if the record lacks an event ID, a known event name or a
   *     numeric sequence number
   */
  public static <T> StreamRecord<T> of(Record raw, Class<T> type) {
    return new StreamRecord<>(raw, null, ImageMapper.of(type), null);
  }

  /**
   * Wraps a raw record, mapping images with the given mapper.
   *
   * @param raw the SDK v2 record
   * @param mapper the image mapper
   * @param <T> the type images are mapped to
   * @return the typed record
   * @throws MalformedRecordException as {@link #of(Record, Class)}
   */
  public static <T> StreamRecord<T> of(Record raw, ImageMapper<T> mapper) {
    return new StreamRecord<>(raw, null, mapper, null);
  }

  /**
   * Wraps a raw record that came from a known stream. The SDK record has no field for the stream
   * ARN; adapters that know it pass it here.
   *
   * @param raw the SDK v2 record
   * @param mapper the image mapper
   * @param streamArn the ARN of the stream, or {@code null} if unknown
   * @param <T> the type images are mapped to
   * @return the typed record
   * @throws MalformedRecordException as {@link #of(Record, Class)}
   */
  public static <T> StreamRecord<T> of(
      Record raw, ImageMapper<T> mapper, @Nullable String streamArn) {
    return new StreamRecord<>(raw, null, mapper, streamArn);
  }

  private static EventName parseEventName(@Nullable String name, String id, @Nullable String seq) {
    return EventName.fromWireName(name)
        .orElseThrow(
            () ->
                new MalformedRecordException(
                    id,
                    seq,
                    "unknown eventName '" + name + "' (expected INSERT, MODIFY or REMOVE)"));
  }

  /** Another view of the same record: metadata is shared, not parsed again. */
  private StreamRecord(StreamRecord<?> other, ImageMapper<T> mapper) {
    this.raw = other.raw;
    this.lazy = other.lazy;
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.streamArn = other.streamArn;
    this.eventId = other.eventId;
    this.eventName = other.eventName;
    this.sequenceNumber = other.sequenceNumber;
    this.snapshot = other.snapshot;
    this.viewType = other.viewType;
    this.userIdentity = other.userIdentity;
    this.diff = other.diff;
  }

  private static SequenceNumber parseSequence(@Nullable String seq, String id) {
    if (seq == null || seq.isEmpty()) {
      throw new MalformedRecordException(id, seq, "the record has no SequenceNumber");
    }
    SequenceNumber parsed = SequenceNumber.parseOrNull(seq);
    if (parsed == null) {
      throw new MalformedRecordException(id, seq, "SequenceNumber is not a decimal number");
    }
    return parsed;
  }

  /** A snapshot is an INSERT of the item as read: a new image, and no sequence number. */
  private void checkSnapshot(
      software.amazon.awssdk.services.dynamodb.model.StreamRecord body,
      String id,
      @Nullable String seq) {
    if (eventName != EventName.INSERT) {
      throw new MalformedRecordException(id, seq, "a snapshot record must be an INSERT");
    }
    if (seq != null) {
      throw new MalformedRecordException(
          id, seq, "a snapshot record must not carry a stream SequenceNumber");
    }
    if (lazy == null ? !body.hasNewImage() : !lazy.has(ImageKind.NEW_IMAGE)) {
      throw new MalformedRecordException(id, null, "a snapshot record has no NewImage");
    }
  }

  /**
   * Returns whether this record is a snapshot: an item as a table backfill read it, not a change
   * from the stream. A snapshot is an {@link EventName#INSERT} with the item as its new image, no
   * old image, and no sequence number; it says the item existed in this state at some moment of the
   * scan, which may be before or after changes the stream delivers for it. Handlers that build a
   * view must therefore let a stream change win over a snapshot; see the backfill guide.
   *
   * @return {@code true} for snapshot records
   */
  public boolean isSnapshot() {
    return snapshot;
  }

  /**
   * Returns the record's unique event ID.
   *
   * @return the event ID
   */
  public String eventId() {
    return eventId;
  }

  /**
   * Returns the kind of change.
   *
   * @return INSERT, MODIFY or REMOVE
   */
  public EventName eventName() {
    return eventName;
  }

  /**
   * Returns the record format version, such as {@code 1.1}.
   *
   * @return the event version, or empty if the record does not state it
   */
  public Optional<String> eventVersion() {
    return Optional.ofNullable(raw.eventVersion());
  }

  /**
   * Returns where the record came from, normally {@code aws:dynamodb}.
   *
   * @return the event source, or empty if the record does not state it
   */
  public Optional<String> eventSource() {
    return Optional.ofNullable(raw.eventSource());
  }

  /**
   * Returns the region of the table.
   *
   * @return the region, or empty if the record does not state it
   */
  public Optional<String> awsRegion() {
    return Optional.ofNullable(raw.awsRegion());
  }

  /**
   * Returns the ARN of the stream, when the adapter that built this record knew it.
   *
   * @return the stream ARN or empty
   */
  public Optional<String> streamArn() {
    return Optional.ofNullable(streamArn);
  }

  /**
   * Returns the item's key attributes as sent.
   *
   * @return an unmodifiable map, empty if the record carried no keys
   */
  public Map<String, AttributeValue> keys() {
    Map<String, AttributeValue> keys = raw.dynamodb().keys();
    return keys == null ? NO_IMAGE : keys;
  }

  /**
   * Returns one key attribute.
   *
   * @param name the attribute name, such as {@code PK}
   * @return the value, or empty if the record has no such key attribute
   */
  public Optional<AttributeValue> key(String name) {
    return Optional.ofNullable(keys().get(name));
  }

  /**
   * Returns the sequence number. It compares by numeric value; its {@code toString()} is the text
   * exactly as sent.
   *
   * @return the sequence number
   * @throws IllegalStateException for a {@linkplain #isSnapshot() snapshot}, which has none
   */
  public SequenceNumber sequenceNumber() {
    SequenceNumber value = sequenceNumber;
    if (value == null) {
      throw noSequence();
    }
    return value;
  }

  private IllegalStateException noSequence() {
    return new IllegalStateException(
        "Snapshot record eventID="
            + eventId
            + " has no sequence number; check isSnapshot() first (a stream change is always"
            + " newer than a snapshot of the same item)");
  }

  /** The sequence number for messages: a snapshot's says it has none. */
  private String sequenceText() {
    SequenceNumber value = sequenceNumber;
    return value == null ? NO_SEQUENCE : value.toString();
  }

  /**
   * Returns the size of the record's stream data as DynamoDB computed it.
   *
   * @return the size in bytes, or empty if the record does not state it
   */
  public OptionalLong sizeBytes() {
    Long size = raw.dynamodb().sizeBytes();
    return size == null ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /**
   * Returns the stream's view type as the record states it.
   *
   * @return the view type, {@link ViewType#UNKNOWN} if the record does not state it
   */
  public ViewType viewType() {
    return viewType;
  }

  /**
   * Returns when the change was made, as DynamoDB approximates it (to the second in AWS).
   *
   * @return the time, or empty if the record does not state it
   */
  public Optional<Instant> approximateCreationTime() {
    return Optional.ofNullable(raw.dynamodb().approximateCreationDateTime());
  }

  /**
   * Returns who made the change. Only TTL deletes carry an identity.
   *
   * @return the identity or empty
   */
  public Optional<UserIdentity> userIdentity() {
    return Optional.ofNullable(userIdentity);
  }

  /**
   * Returns whether this record is a delete made by Time to Live rather than by a user: a REMOVE
   * whose identity is type {@code Service}, principal {@code dynamodb.amazonaws.com}.
   *
   * @return {@code true} for TTL expiry deletes
   */
  public boolean isTtlExpiry() {
    return eventName == EventName.REMOVE && userIdentity != null && userIdentity.isTtlService();
  }

  /**
   * Returns the item after the change, mapped on first call.
   *
   * @return the new image; empty for REMOVE records
   * @throws MissingImageException if the event has a new image but the record lacks it (the view
   *     type is {@code KEYS_ONLY} or {@code OLD_IMAGE}, or the record is incomplete)
   * @throws ImageMappingException if the image does not fit {@code T}
   */
  public Optional<T> newImage() {
    Optional<T> image = newImage;
    if (image == null) {
      image = decode(ImageKind.NEW_IMAGE);
      newImage = image;
    }
    return image;
  }

  /**
   * Returns the item before the change, mapped on first call.
   *
   * @return the old image; empty for INSERT records
   * @throws MissingImageException if the event has an old image but the record lacks it (the view
   *     type is {@code KEYS_ONLY} or {@code NEW_IMAGE}, or the record is incomplete)
   * @throws ImageMappingException if the image does not fit {@code T}
   */
  public Optional<T> oldImage() {
    Optional<T> image = oldImage;
    if (image == null) {
      image = decode(ImageKind.OLD_IMAGE);
      oldImage = image;
    }
    return image;
  }

  /**
   * Returns the new image's raw attributes.
   *
   * @return the attributes, or empty if the record carries no new image
   */
  public Optional<Map<String, AttributeValue>> rawNewImage() {
    return rawImage(ImageKind.NEW_IMAGE);
  }

  /**
   * Returns the old image's raw attributes.
   *
   * @return the attributes, or empty if the record carries no old image
   */
  public Optional<Map<String, AttributeValue>> rawOldImage() {
    return rawImage(ImageKind.OLD_IMAGE);
  }

  /**
   * Returns one of the raw images.
   *
   * @param kind the image
   * @return the attributes, or empty if the record does not carry that image
   * @throws MalformedRecordException if the image, decoded on first read, is malformed
   */
  public Optional<Map<String, AttributeValue>> rawImage(ImageKind kind) {
    if (lazy != null) {
      return lazy.has(kind) ? Optional.of(lazy.image(kind)) : Optional.empty();
    }
    software.amazon.awssdk.services.dynamodb.model.StreamRecord body = raw.dynamodb();
    // The SDK returns an empty auto-constructed map for an absent image; hasX() tells them apart.
    if (kind == ImageKind.NEW_IMAGE) {
      return body.hasNewImage() ? Optional.of(body.newImage()) : Optional.empty();
    }
    return body.hasOldImage() ? Optional.of(body.oldImage()) : Optional.empty();
  }

  /**
   * Returns whether the record carries the given image.
   *
   * @param kind the image
   * @return {@code true} if present in the record
   */
  public boolean hasImage(ImageKind kind) {
    if (lazy != null) {
      return lazy.has(kind);
    }
    return rawImage(kind).isPresent();
  }

  /**
   * Returns what changed between the old and the new image, computed on first call. For MODIFY
   * records it needs both images; an INSERT counts every attribute as added and a REMOVE every
   * attribute as removed.
   *
   * <pre>{@code
   * if (change.diff().numberChangedByMoreThan("weightKg", 2)) alerts.send(...);
   * }</pre>
   *
   * @return the diff
   * @throws MissingImageException if the record lacks an image the event has (the stream's view
   *     type is not {@code NEW_AND_OLD_IMAGES} for a MODIFY record)
   */
  public ImageDiff diff() {
    ImageDiff value = diff;
    if (value == null) {
      value =
          ImageDiff.between(imageOrEmpty(ImageKind.OLD_IMAGE), imageOrEmpty(ImageKind.NEW_IMAGE));
      diff = value;
    }
    return value;
  }

  private Map<String, AttributeValue> imageOrEmpty(ImageKind kind) {
    if (!eventName.hasImage(kind)) {
      return NO_IMAGE;
    }
    return rawImage(kind)
        .orElseThrow(
            () ->
                new MissingImageException(eventId, sequenceText(), eventName, kind, viewType, ""));
  }

  /**
   * Returns the same record with images mapped to another type. The raw record is shared; images
   * already mapped are not.
   *
   * @param otherMapper the mapper for the other type
   * @param <U> the other type
   * @return a new view of this record
   */
  public <U> StreamRecord<U> withMapper(ImageMapper<U> otherMapper) {
    return new StreamRecord<>(this, otherMapper);
  }

  /**
   * Returns the SDK v2 record this one wraps. For a record whose images are decoded on first read,
   * the SDK record is built on the first call (decoding both images) and kept; it equals what an
   * eager decoder builds.
   *
   * @return the raw record
   * @throws MalformedRecordException if an image, decoded on first read, is malformed
   */
  public Record raw() {
    return lazy == null ? raw : lazy.full(raw);
  }

  /**
   * Requires an image the event should have, naming the consumer in the error. Used where a
   * handler's signature needs an image.
   *
   * @param kind the image
   * @param consumer who needs it, such as {@code PetHandlers#welcome}
   * @return the mapped image
   * @throws MissingImageException if the record lacks it
   * @throws ImageMappingException if it does not fit {@code T}
   */
  public T requireImage(ImageKind kind, String consumer) {
    if (!hasImage(kind)) {
      throw new MissingImageException(eventId, sequenceText(), eventName, kind, viewType, consumer);
    }
    return (kind == ImageKind.NEW_IMAGE ? newImage() : oldImage()).orElseThrow();
  }

  private Optional<T> decode(ImageKind kind) {
    if (!hasImage(kind)) {
      if (!eventName.hasImage(kind)) {
        return Optional.empty();
      }
      throw new MissingImageException(eventId, sequenceText(), eventName, kind, viewType, "");
    }
    // Outside the try: a malformed image is the record's fault, not the mapper's.
    Map<String, AttributeValue> image = rawImage(kind).orElseThrow();
    try {
      return Optional.of(mapper.map(image));
    } catch (ImageMappingException e) {
      throw e.inRecord(eventId, sequenceText(), kind);
    } catch (RuntimeException e) {
      throw ImageMappingException.ofMapperFailure(mapper.targetTypeName(), e)
          .inRecord(eventId, sequenceText(), kind);
    }
  }

  /**
   * Describes the record by its coordinates only: event name, event ID, sequence number (or that it
   * is a snapshot) and key attribute names. Never prints values, which may hold personal data.
   */
  @Override
  public String toString() {
    return "StreamRecord{"
        + eventName
        + ", eventID="
        + eventId
        + ", sequenceNumber="
        + sequenceText()
        + ", keys="
        + keys().keySet()
        + '}';
  }
}
